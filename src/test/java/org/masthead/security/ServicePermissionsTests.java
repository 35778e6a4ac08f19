package org.masthead.security;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.account.AccountService;
import org.masthead.archive.JournalExport;
import org.masthead.article.Article;
import org.masthead.article.ArticleImages;
import org.masthead.article.ArticleScheduler;
import org.masthead.article.ArticleService;
import org.masthead.audit.AuditSearch;
import org.masthead.author.AuthorChanges;
import org.masthead.author.AuthorService;
import org.masthead.edition.EditionService;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.newsletter.Audience;
import org.masthead.newsletter.NewsletterService;
import org.masthead.section.SectionChanges;
import org.masthead.section.SectionService;
import org.masthead.topic.TopicService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every feature's service checks its actor itself, whatever the web layer in front of it: called directly, with no
 * security filter and no controller, an action the roles table refuses is refused (and one it allows is done).
 */
@IntegrationTest
class ServicePermissionsTests {

    static final StaffUser CONTRIBUTOR =
            new StaffUser(9601, "perm-contributor@test.example", "Pat Contributor", Role.CONTRIBUTOR, "{noop}x", true);
    static final StaffUser EDITOR =
            new StaffUser(9602, "perm-editor@test.example", "Ed Editor", Role.EDITOR, "{noop}x", true);
    static final StaffUser ADMIN =
            new StaffUser(9603, "perm-admin@test.example", "Ada Admin", Role.ADMIN, "{noop}x", true);

    @Autowired
    TestContent content;

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    TopicService topics;

    @Autowired
    ImageService images;

    @Autowired
    AccountService accounts;

    @Autowired
    NewsletterService newsletter;

    @Autowired
    EditionService editions;

    @Autowired
    JournalExport export;

    @Autowired
    AuditSearch audit;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleImages articleImages;

    @Autowired
    ArticleScheduler scheduler;

    @Test
    void onlyAdminsManageSectionsAccountsSubscribersTheExportAndTheAuditLog() {
        String slug = TestContent.unique("perm-section");
        SectionChanges section = new SectionChanges("Perm", slug, "", "", "", 1);
        refused(() -> sections.create(EDITOR, section));
        refused(() -> accounts.create(EDITOR, TestContent.unique("perm") + "@test.example", "X", Role.CONTRIBUTOR));
        refused(() -> accounts.all(EDITOR));
        refused(() -> newsletter.list(EDITOR, PageRequest.of(0, 10)));
        refused(() -> newsletter.export(EDITOR));
        refused(() -> export.recordExport(EDITOR));
        refused(() -> export.writeTo(EDITOR, new ByteArrayOutputStream()));
        refused(() -> audit.search(EDITOR, "", "", null, null, 0, 10));

        assertThat(sections.create(ADMIN, section).getSlug()).isEqualTo(slug);
        assertThat(accounts.all(ADMIN)).isNotNull();
    }

    @Test
    void editorsEditAuthorsButOnlyAdminsDeleteOrMergeThem() {
        AuthorChanges changes =
                new AuthorChanges("Perm Author", TestContent.unique("perm-author"), "", "", null, null, List.of());
        refused(() -> authors.create(CONTRIBUTOR, changes));
        long id = authors.create(EDITOR, changes).getId();
        refused(() -> authors.delete(EDITOR, id));
        refused(() -> authors.mergeInto(EDITOR, id, content.author().getId()));
        authors.delete(ADMIN, id);
        assertThat(authors.findBySlug(changes.slug())).isEmpty();
    }

    @Test
    void contributorsCreateTopicsAndUploadImagesButOnlyEditorsManageThem() {
        var topic = topics.findOrCreate(CONTRIBUTOR, List.of(TestContent.unique("Perm topic")))
                .iterator()
                .next();
        refused(() -> topics.rename(CONTRIBUTOR, topic.getId(), "Renamed", TestContent.unique("renamed")));
        refused(() -> topics.delete(CONTRIBUTOR, topic.getId()));
        long image = images.upload(CONTRIBUTOR, TestImages.jpeg(40, 30), "perm.jpg", "Alt", "", "")
                .getId();
        refused(() -> images.describe(CONTRIBUTOR, image, "Other", "", ""));
        refused(() -> images.delete(CONTRIBUTOR, image));
        assertThat(images.describe(EDITOR, image, "Other", "", "").getAltText()).isEqualTo("Other");
    }

    @Test
    void onlyEditorsComposeEditions() {
        refused(() -> editions.create(
                CONTRIBUTOR,
                new EditionService.EditionChanges("Subject", "", "", Audience.ALL, null),
                CONTRIBUTOR.getAccountId(),
                null));
        refused(() -> editions.sendNow(CONTRIBUTOR, 1));
    }

    @Test
    void aFeaturedImageNeedsTheRightToEditTheArticleAndPastDatesNeedAnImport() {
        Article article = content.draft(content.section(), List.of(content.author()), List.of());
        long image = images.upload(EDITOR, TestImages.jpeg(40, 30), "perm.jpg", "Alt", "", "")
                .getId();
        refused(() -> articleImages.setFeaturedImage(article.getId(), image, CONTRIBUTOR));
        refused(() -> articles.publishBackdated(article.getId(), Instant.now().minusSeconds(60), ADMIN));
        refused(() -> scheduler.publishDue(Actor.signIn("someone@test.example")));
        assertThat(articleImages
                        .setFeaturedImage(article.getId(), image, EDITOR)
                        .getFeaturedImage()
                        .getId())
                .isEqualTo(image);
    }

    private interface Throwing {
        void run() throws Exception;
    }

    private static void refused(Throwing action) {
        assertThatThrownBy(action::run).isInstanceOf(AccessDeniedException.class);
    }
}
