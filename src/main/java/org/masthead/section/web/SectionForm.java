package org.masthead.section.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.masthead.section.Section;
import org.masthead.section.SectionChanges;
import org.masthead.slug.Slugs;

/** A section as an admin edits it. A blank slug is made from the name. */
class SectionForm {

    private long version;

    @NotBlank(message = "{section.error.name-required}")
    @Size(max = Section.MAX_NAME, message = "{section.error.name-length}")
    private String name;

    @Size(max = Slugs.MAX_LENGTH, message = "{section.error.slug-length}")
    @Pattern(regexp = "|" + Slugs.PATTERN, message = "{section.error.slug-pattern}")
    private String slug;

    @Size(max = Section.MAX_DESCRIPTION, message = "{section.error.description-length}")
    private String description;

    @Size(max = Section.MAX_DISCLAIMER, message = "{section.error.disclaimer-length}")
    private String disclaimer;

    @Size(max = Section.MAX_NEWSLETTER_CTA, message = "{section.error.cta-length}")
    private String newsletterCta;

    @NotNull(message = "{section.error.position}")
    @Min(value = 0, message = "{section.error.position}")
    @Max(value = 10000, message = "{section.error.position}")
    private Integer position = 0;

    static SectionForm of(Section section) {
        SectionForm form = new SectionForm();
        form.version = section.getVersion();
        form.name = section.getName();
        form.slug = section.getSlug();
        form.description = section.getDescription();
        form.disclaimer = section.getDisclaimer();
        form.newsletterCta = section.getNewsletterCta();
        form.position = section.getPosition();
        return form;
    }

    String effectiveSlug() {
        return slug == null || slug.isBlank() ? Slugs.slugify(name) : slug;
    }

    SectionChanges toChanges() {
        return new SectionChanges(
                name, effectiveSlug(), nonNull(description), nonNull(disclaimer), nonNull(newsletterCta), position);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getDisclaimer() {
        return disclaimer;
    }

    public void setDisclaimer(String disclaimer) {
        this.disclaimer = disclaimer;
    }

    public String getNewsletterCta() {
        return newsletterCta;
    }

    public void setNewsletterCta(String newsletterCta) {
        this.newsletterCta = newsletterCta;
    }

    public Integer getPosition() {
        return position;
    }

    public void setPosition(Integer position) {
        this.position = position;
    }
}
