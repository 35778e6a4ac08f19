package org.masthead.author.web;

import jakarta.validation.constraints.Size;

import org.masthead.author.Author;

/** What a staff member may change on their own author profile: the bio and the photo, nothing else. */
class ProfileForm {

    @Size(max = 20000, message = "{author.error.bio-length}")
    private String bioMarkdown;

    private Long photoImageId;

    static ProfileForm of(Author author) {
        ProfileForm form = new ProfileForm();
        form.bioMarkdown = author.getBioMarkdown();
        form.photoImageId = author.getPhoto() == null ? null : author.getPhoto().getId();
        return form;
    }

    public String getBioMarkdown() {
        return bioMarkdown;
    }

    public void setBioMarkdown(String bioMarkdown) {
        this.bioMarkdown = bioMarkdown;
    }

    public Long getPhotoImageId() {
        return photoImageId;
    }

    public void setPhotoImageId(Long photoImageId) {
        this.photoImageId = photoImageId;
    }
}
