package org.masthead.edition.web;

import jakarta.validation.constraints.Size;

import org.masthead.edition.Edition;
import org.masthead.edition.EditionService.EditionChanges;
import org.masthead.newsletter.Audience;

/** The edition's form. A draft may be incomplete; sending checks that it has a subject and articles. */
class EditionForm {

    @Size(max = 200, message = "{edition.error.subject-length}")
    private String subject = "";

    @Size(max = 300, message = "{edition.error.preheader-length}")
    private String preheader = "";

    @Size(max = 20000, message = "{edition.error.intro-length}")
    private String intro = "";

    private Audience audience = Audience.ALL;
    private Long sectionId;
    private long version;

    static EditionForm of(Edition edition) {
        EditionForm form = new EditionForm();
        form.subject = edition.getSubject();
        form.preheader = edition.getPreheader();
        form.intro = edition.getIntroMarkdown();
        form.audience = edition.getAudience();
        form.sectionId = edition.getSectionId();
        form.version = edition.getVersion();
        return form;
    }

    EditionChanges changes() {
        return new EditionChanges(subject, preheader, intro, audience, sectionId);
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getPreheader() {
        return preheader;
    }

    public void setPreheader(String preheader) {
        this.preheader = preheader;
    }

    public String getIntro() {
        return intro;
    }

    public void setIntro(String intro) {
        this.intro = intro;
    }

    public Audience getAudience() {
        return audience;
    }

    public void setAudience(Audience audience) {
        this.audience = audience;
    }

    public Long getSectionId() {
        return sectionId;
    }

    public void setSectionId(Long sectionId) {
        this.sectionId = sectionId;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
