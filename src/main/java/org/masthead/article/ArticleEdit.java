package org.masthead.article;

import java.time.Instant;
import java.util.Objects;

/**
 * One press of the edit form's Save or of one of its workflow buttons, as {@link ArticleService#save} takes it:
 * the form's fields, the featured image picked on the form, and the move that goes with the save.
 *
 * @param revision the revision the editor's text was typed over
 * @param over after an edit conflict, the other change the editor chose to save over ("keep mine"); null otherwise
 * @param changes the form's fields
 * @param featuredImage the featured image picked on the form; null when the form did not carry a choice
 * @param move what the button does besides saving
 * @param note the note to the author, for {@link Move#RETURN}
 * @param scheduleAt the publication time, for {@link Move#SCHEDULE}
 */
public record ArticleEdit(
        int revision,
        Integer over,
        ArticleChanges changes,
        ImageChoice featuredImage,
        Move move,
        String note,
        Instant scheduleAt) {

    public ArticleEdit {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(move, "move");
        note = note == null ? "" : note;
        if (move == Move.SCHEDULE) {
            Objects.requireNonNull(scheduleAt, "a schedule needs its time");
        }
    }

    /** A plain Save of the form's fields, over the revision they were typed over. */
    public static ArticleEdit save(int revision, ArticleChanges changes) {
        return new ArticleEdit(revision, null, changes, null, Move.SAVE, "", null);
    }

    /** The same edit with a featured image picked on the form (null id: none). */
    public ArticleEdit withFeaturedImage(Long imageId) {
        return new ArticleEdit(revision, over, changes, new ImageChoice(imageId), move, note, scheduleAt);
    }

    /** The revision the save must find as the latest: the one typed over, or the one the editor saves over. */
    int baseRevision() {
        return over != null ? over : revision;
    }

    /** What the edit form's buttons do besides saving. */
    public enum Move {
        SAVE,
        SUBMIT,
        RETURN,
        PUBLISH,
        SCHEDULE
    }

    /** A featured image picked on the form: an image of the library, or none (a null id). */
    public record ImageChoice(Long imageId) {}
}
