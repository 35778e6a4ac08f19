package org.masthead.article;

import java.util.List;
import java.util.UUID;

import org.masthead.author.Author;
import org.masthead.author.AuthorService;
import org.masthead.section.SectionService;
import org.masthead.security.StaffUser;
import org.masthead.testing.TestData;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff members of {@link TestData} under their older names, and article changes with unique slugs. */
public final class ArticleFixtures {

    public static final StaffUser CONTRIBUTOR = TestData.CONTRIBUTOR;
    public static final StaffUser OTHER_CONTRIBUTOR = TestData.OTHER_CONTRIBUTOR;
    public static final StaffUser EDITOR = TestData.EDITOR;
    public static final StaffUser ADMIN = TestData.ADMIN;

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

    /**
     * A new draft by {@code owner}, created as that member signed in (as the editor's request would be), with a
     * unique slug starting with {@code prefix} and the title {@code "Prefix slug"}; signed out again afterwards.
     */
    public static Article draftBy(
            ArticleService articles,
            SectionService sections,
            AuthorService authors,
            StaffUser owner,
            String prefix,
            String body) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
        try {
            String slug = uniqueSlug(prefix);
            String title = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " " + slug;
            return articles.create(changes(sections, authors, slug, title, body), owner);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
