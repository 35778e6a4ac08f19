package org.masthead.article;

import java.util.List;
import java.util.UUID;

import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;

/** Staff members (fake account ids: this branch has no accounts table) and articles with unique slugs. */
public final class ArticleFixtures {

    public static final StaffUser CONTRIBUTOR =
            new StaffUser(9001, "contributor@test.example", "Casey Contributor", Role.CONTRIBUTOR, "{noop}x", true);
    public static final StaffUser OTHER_CONTRIBUTOR =
            new StaffUser(9002, "other@test.example", "Olive Other", Role.CONTRIBUTOR, "{noop}x", true);
    public static final StaffUser EDITOR =
            new StaffUser(9003, "editor@test.example", "Eddie Editor", Role.EDITOR, "{noop}x", true);
    public static final StaffUser ADMIN =
            new StaffUser(9004, "admin@test.example", "Ada Admin", Role.ADMIN, "{noop}x", true);

    private ArticleFixtures() {}

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ArticleChanges changes(
            SectionService sections, AuthorService authors, String slug, String title, String body) {
        long sectionId = sections.all().get(0).getId();
        List<Long> authorIds =
                authors.all().stream().limit(1).map(Author::getId).toList();
        return new ArticleChanges(
                slug,
                new ArticleContent(title, "A dek", body, null, null),
                sectionId,
                authorIds,
                List.of("Test topic"));
    }
}
