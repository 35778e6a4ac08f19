package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor's working copy, sent by the page every few seconds while a staff member types. It is kept apart
 * from the article and its revisions (a revision is made by Save, never by an autosave): one copy per staff member
 * and article, replaced each time, bounded in size, and deleted by {@link ArticleService} when that member saves
 * the article. Opening the editor again offers it back. Autosaving needs the same permission as saving.
 */
@Service
@Transactional
public class ArticleAutosaves {

    /** The longest field an autosave keeps: the body's own limit on the form. */
    public static final int MAX_FIELD_LENGTH = 200_000;

    /** All fields together. */
    public static final int MAX_TOTAL_LENGTH = 250_000;

    /** How many fields (and values per field) an autosave keeps at most; the form has about a dozen. */
    static final int MAX_FIELDS = 30;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {};

    private final ArticleAutosaveRepository autosaves;
    private final ArticleRepository articles;
    private final Clock clock;

    ArticleAutosaves(ArticleAutosaveRepository autosaves, ArticleRepository articles, Clock clock) {
        this.autosaves = autosaves;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * A working copy: the article (null for a new one), the revision its text was typed over (null for a new one),
     * the form's fields as posted, and when it came.
     */
    public record Autosaved(Long articleId, Integer baseRevision, Map<String, List<String>> fields, Instant savedAt) {}

    /**
     * Keeps this member's working copy of the article ({@code articleId} null: their new article), replacing
     * the one before; answers when it was kept. Refused if they may not edit the article, or if it is too large.
     */
    public Instant keep(Long articleId, Integer baseRevision, Map<String, List<String>> fields, StaffUser by) {
        check(fields);
        Instant now = clock.instant();
        String json = JSON.writeValueAsString(fields);
        if (articleId == null) {
            autosaves.upsertNew(by.getAccountId(), json, now);
        } else {
            Article article = editable(articleId, by);
            autosaves.upsert(
                    by.getAccountId(),
                    article.getId(),
                    baseRevision == null ? article.getRevision() : baseRevision,
                    json,
                    now);
        }
        return now;
    }

    /** This member's working copy of the article, if any; only while they may still see the article. */
    @Transactional(readOnly = true)
    public Optional<Autosaved> find(Long articleId, StaffUser by) {
        Optional<ArticleAutosave> found;
        if (articleId == null) {
            found = autosaves.findByAccountIdAndArticleIdIsNull(by.getAccountId());
        } else {
            Article article =
                    articles.findById(articleId).orElseThrow(() -> new ArticleNotFoundException("#" + articleId));
            if (!ArticlePermissions.canView(by, article)) {
                throw new ArticleAccessDeniedException("read the autosave of", articleId);
            }
            found = autosaves.findByAccountIdAndArticleId(by.getAccountId(), articleId);
        }
        return found.map(autosave -> new Autosaved(
                autosave.articleId(),
                autosave.baseRevision(),
                JSON.readValue(autosave.fields(), FIELDS),
                autosave.savedAt()));
    }

    /** Throws this member's working copy of the article away. */
    public void discard(Long articleId, StaffUser by) {
        clear(by.getAccountId(), articleId);
    }

    /** Called when the member saved the article: their working copy is now a revision. */
    void clear(long accountId, Long articleId) {
        if (articleId == null) {
            autosaves.deleteNew(accountId);
        } else {
            autosaves.deleteFor(accountId, articleId);
        }
    }

    private Article editable(long articleId, StaffUser by) {
        Article article = articles.findById(articleId).orElseThrow(() -> new ArticleNotFoundException("#" + articleId));
        if (!ArticlePermissions.canEdit(by, article)) {
            throw new ArticleAccessDeniedException("autosave", articleId);
        }
        return article;
    }

    private static void check(Map<String, List<String>> fields) {
        if (fields.size() > MAX_FIELDS) {
            throw new AutosaveTooLargeException();
        }
        long total = 0;
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            if (field.getValue().size() > MAX_FIELDS) {
                throw new AutosaveTooLargeException();
            }
            total += field.getKey().length();
            for (String value : field.getValue()) {
                if (value != null && value.length() > MAX_FIELD_LENGTH) {
                    throw new AutosaveTooLargeException();
                }
                total += value == null ? 0 : value.length();
            }
        }
        if (total > MAX_TOTAL_LENGTH) {
            throw new AutosaveTooLargeException();
        }
    }
}
