package org.masthead.article;

import java.time.Instant;
import java.util.List;

/**
 * What changed while an editor was editing: who saved last, when, and the diff between the revision the
 * editor started from and the current one.
 */
public record EditConflict(
        String lastEditorName,
        Instant lastEditedAt,
        int currentRevision,
        long currentVersion,
        List<TextDiff.Line> diff) {}
