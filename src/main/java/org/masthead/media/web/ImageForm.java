package org.masthead.media.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.masthead.media.Image;

/** The texts that go with an image, on its edit page. */
class ImageForm {

    @NotBlank(message = "{media.error.alt-required}")
    @Size(max = 300, message = "{media.error.alt-length}")
    private String altText;

    @Size(max = 1000, message = "{media.error.caption-length}")
    private String caption;

    @Size(max = 300, message = "{media.error.credit-length}")
    private String credit;

    static ImageForm of(Image image) {
        ImageForm form = new ImageForm();
        form.altText = image.getAltText();
        form.caption = image.getCaption();
        form.credit = image.getCredit();
        return form;
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
