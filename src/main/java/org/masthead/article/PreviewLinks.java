package org.masthead.article;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.masthead.audit.AuditLog;
import org.masthead.security.SecretToken;
import org.masthead.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links to unpublished articles ({@code /preview/{token}}). A token is a {@link SecretToken} (256 random
 * bits); only its SHA-256 is stored, so the table cannot be turned back into links.
 * A link shows exactly the article it was made for, until it expires (7 days) or is revoked.
 */
@Service
@Transactional
public class PreviewLinks {

    public static final Duration LIFETIME = Duration.ofDays(7);

    /** Shorter text is not one of our tokens (they are 43 characters). */
    private static final int MIN_TOKEN_LENGTH = 22;

    private final PreviewLinkRepository links;
    private final ArticleRepository articles;
    private final AuditLog audit;
    private final Clock clock;

    PreviewLinks(PreviewLinkRepository links, ArticleRepository articles, AuditLog audit, Clock clock) {
        this.links = links;
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a link and answers its token; the token is shown once and never stored. */
    public String create(long articleId, StaffUser by) {
        Article article = articles.findById(articleId).orElseThrow(() -> new ArticleNotFoundException("#" + articleId));
        if (!ArticlePermissions.canSharePreview(by, article)) {
            throw new ArticleAccessDeniedException("share a preview of", articleId);
        }
        SecretToken token = SecretToken.generate();
        links.save(new PreviewLink(
                articleId,
                token.hash(),
                by.getAccountId(),
                clock.instant(),
                clock.instant().plus(LIFETIME)));
        audit.record(by, "article.preview-link", "article #" + articleId + " " + article.getSlug(), "created");
        return token.value();
    }

    public void revoke(long articleId, long linkId, StaffUser by) {
        Article article = articles.findById(articleId).orElseThrow(() -> new ArticleNotFoundException("#" + articleId));
        PreviewLink link = links.findById(linkId)
                .filter(found -> found.getArticleId() == articleId)
                .orElseThrow(() -> new ArticleNotFoundException("#" + articleId + " preview link " + linkId));
        if (!ArticlePermissions.canSharePreview(by, article)) {
            throw new ArticleAccessDeniedException("revoke a preview of", articleId);
        }
        link.revoke(clock.instant());
        audit.record(
                by, "article.preview-link", "article #" + articleId + " " + article.getSlug(), "revoked #" + linkId);
    }

    @Transactional(readOnly = true)
    public List<PreviewLink> of(long articleId) {
        return links.findByArticleIdOrderByCreatedAtDesc(articleId);
    }

    /**
     * The article a live token names, with what its page shows loaded; empty when unknown, expired or revoked, or
     * when the article is in the trash.
     */
    @Transactional(readOnly = true)
    public Optional<Article> open(String token) {
        return SecretToken.parse(token, MIN_TOKEN_LENGTH)
                .flatMap(parsed -> links.findByTokenHash(parsed.hash()))
                .filter(link -> link.isActive(clock.instant()))
                .flatMap(link -> articles.findForPageById(link.getArticleId()))
                .filter(article -> article.getStatus() != ArticleStatus.TRASHED);
    }
}
