package org.masthead.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.TestContent;
import org.masthead.article.Article;
import org.masthead.author.Author;
import org.masthead.media.ImageService;
import org.masthead.media.TestImages;
import org.masthead.section.Section;
import org.masthead.security.Actor;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.topic.TopicService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page under /admin, found by asking Spring MVC for its GET mappings (so pages added later are swept too),
 * opens for an admin: path variables are filled with the id of a real article, author, section, image or account.
 */
@IntegrationTest
class AdminPagesSweepTests {

    static final StaffUser ADMIN =
            new StaffUser(9104, "sweep-admin@test.example", "Sweep Admin", Role.ADMIN, "{noop}x", true);

    /**
     * Not pages one opens: a rescued draft needs its secret key (an unknown one is a 404), and the rescue notice is
     * only forwarded to, when a form arrives after its session expired.
     */
    static final Set<String> NOT_OPENED_DIRECTLY =
            Set.of("/admin/articles/rescued/{key}", "/admin/articles/rescue-notice");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    ImageService images;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TopicService topics;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Set<String> adminGetPatterns() {
        return adminGetPatterns(mappings);
    }

    /** The URL patterns of every GET mapping under /admin. */
    static Set<String> adminGetPatterns(RequestMappingHandlerMapping mappings) {
        Set<String> patterns = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/admin") || pattern.startsWith("/admin/")) {
                    patterns.add(pattern);
                }
            }
        }
        return patterns;
    }

    @Test
    void everyAdminPageOpensForAnAdmin() throws Exception {
        Section section = content.section();
        Author author = content.author();
        Article article = content.draft(section, List.of(author), List.of("Sweeping"));
        long image = images.upload(Actor.importing("test"), TestImages.jpeg(640, 480), "sweep.jpg", "A sweep", "", "")
                .getId();
        long account = content.account(Role.CONTRIBUTOR);
        Map<String, Long> ids = pageIds(
                jdbc,
                "Sweep",
                article,
                author,
                section,
                image,
                account,
                topics.findBySlug("sweeping").orElseThrow().getId());

        Set<String> patterns = adminGetPatterns();
        assertThat(patterns).contains("/admin/authors/{id}", "/admin/accounts/{id}/edit", "/admin/sections/{id}");
        Set<String> failed = new TreeSet<>();
        for (String pattern : patterns) {
            if (NOT_OPENED_DIRECTLY.contains(pattern)) {
                continue;
            }
            String path = concretePath(pattern, ids);
            int status = mvc.perform(get(path).with(user(ADMIN)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (status != 200) {
                failed.add(pattern + " → " + status);
            }
        }
        assertThat(failed).isEmpty();
    }

    /** The pattern with each path variable replaced by the id given for its feature (the segment after /admin). */
    /**
     * The ids that fill the admin pages' {@code {id}}s, by the path segment before them: the given content, and an
     * edition and a checked import run made here, named {@code label}.
     */
    static Map<String, Long> pageIds(
            JdbcClient jdbc,
            String label,
            Article article,
            Author author,
            Section section,
            long image,
            long account,
            long topic) {
        long edition = jdbc.sql("insert into editions (subject, created_at, updated_at) values (:label, now(), now())"
                        + " returning id")
                .param("label", label)
                .query(Long.class)
                .single();
        long importRun = jdbc.sql("insert into import_runs (file_hash, file_name, file_path, format, state,"
                        + " created_at, updated_at) values (:label, :label || '.xml', '/nonexistent/' || :label || '.xml',"
                        + " 'WORDPRESS', 'CHECKED', now(), now()) returning id")
                .param("label", label)
                .query(Long.class)
                .single();
        return Map.of(
                "import", importRun,
                "editions", edition,
                "articles", article.getId(),
                "authors", author.getId(),
                "sections", section.getId(),
                "media", image,
                "accounts", account,
                "topics", topic);
    }

    static String concretePath(String pattern, Map<String, Long> ids) {
        String[] segments = pattern.split("/");
        String feature = segments.length > 2 ? segments[2] : "";
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            Long id = ids.get(feature);
            assertThat(id).as("an id for " + pattern).isNotNull();
            variables.appendReplacement(path, id.toString());
        }
        variables.appendTail(path);
        return path.toString();
    }
}
