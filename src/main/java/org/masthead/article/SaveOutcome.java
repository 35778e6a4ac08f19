package org.masthead.article;

/**
 * What became of an editor's save ({@link ArticleService#save}, {@link ArticleService#create(org.masthead.security.Actor,
 * ArticleChanges, ArticleEdit.ImageChoice)}): saved as a whole, or, for a conflict or a refusal, nothing written at all
 * (no text, no image, no move, no audit line).
 */
public sealed interface SaveOutcome {

    /**
     * Saved: the text, the image and the move. {@code imageGone}: the picked image was deleted from the library
     * meanwhile, so the article kept the image it had (everything else is saved).
     */
    record Saved(long articleId, boolean imageGone) implements SaveOutcome {}

    /** Someone saved since the editor's text was typed: what they changed; nothing is written. */
    record Conflict(EditConflict conflict) implements SaveOutcome {}

    /** Refused, nothing written, for this reason. */
    record Refused(Reason reason) implements SaveOutcome {}

    enum Reason {
        /** Another article (or an old address of one) has the slug. */
        SLUG_TAKEN,
        /** The article left the editor's hands while they typed (say, an editor published their draft). */
        NO_LONGER_ALLOWED,
        /** The workflow move is not open to the article in its state now. */
        MOVE_REFUSED,
        /** The schedule's time has passed. */
        SCHEDULE_IN_PAST,
        /** The note to the author is longer than a note may be. */
        NOTE_TOO_LONG,
        /** A contributor put someone other than their own author profile on the byline. */
        BYLINE_NOT_OWN,
        /** Publish or Schedule with no author on the byline. */
        NO_AUTHOR,
        /** Publish or Schedule with a picture in the body that has no alt text. */
        IMAGE_WITHOUT_ALT
    }
}
