package org.masthead.newsletter;

/**
 * Who an edition goes to. Every audience is confirmed, not suppressed subscribers only, and respects what each
 * chose on their preferences page: those who take every edition get all three kinds; those who chose some
 * sections get those sections' editions; those who chose the digest get the digest.
 */
public enum Audience {
    ALL("s.all_editions"),
    SECTION("(s.all_editions or exists (select 1 from subscriber_sections ss"
            + " where ss.subscriber_id = s.id and ss.section_id = :sectionId))"),
    DIGEST("(s.all_editions or s.digest)");

    private final String choice;

    Audience(String choice) {
        this.choice = choice;
    }

    /**
     * A query of the audience's {@code id, email} (subscriber alias {@code s}, parameter {@code :sectionId} for
     * SECTION), for an {@code insert ... select} into an outbox.
     */
    public String recipientsSql() {
        return "select s.id, s.email from subscribers s where s.status = 'CONFIRMED' and s.suppressed_at is null and "
                + choice;
    }
}
