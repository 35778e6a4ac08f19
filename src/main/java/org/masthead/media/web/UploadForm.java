package org.masthead.media.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/** The upload form: the file and the texts that go with it. */
class UploadForm {

    private MultipartFile file;

    @NotBlank(message = "{media.error.alt-required}")
    @Size(max = 300, message = "{media.error.alt-length}")
    private String altText;

    @Size(max = 1000, message = "{media.error.caption-length}")
    private String caption;

    @Size(max = 300, message = "{media.error.credit-length}")
    private String credit;

    public MultipartFile getFile() {
        return file;
    }

    public void setFile(MultipartFile file) {
        this.file = file;
    }

    public String getAltText() {
        return altText;
    }

    public void setAltText(String altText) {
        this.altText = altText;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public String getCredit() {
        return credit;
    }

    public void setCredit(String credit) {
        this.credit = credit;
    }
}
