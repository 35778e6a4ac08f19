package org.masthead.edition;

/** An edition's life: composed, perhaps scheduled, sent (pausable), finished or cancelled. */
public enum EditionState {
    DRAFT,
    SCHEDULED,
    SENDING,
    PAUSED,
    SENT,
    CANCELLED;

    /** Whether its content may still change. */
    public boolean isEditable() {
        return this == DRAFT || this == SCHEDULED;
    }
}
