package org.masthead.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.masthead.IntegrationTest;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every state-changing request under /admin, found by asking Spring MVC for its POST mappings (so features added
 * later are swept too), is refused with 403 without a CSRF token, or with a wrong one, even for an admin.
 */
@IntegrationTest
class AdminCsrfSweepTests {

    static final StaffUser ADMIN =
            new StaffUser(9104, "sweep-admin@test.example", "Sweep Admin", Role.ADMIN, "{noop}x", true);

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The /admin paths that accept POST, with path variables filled in ({id} becomes 1). */
    Set<String> adminPostPaths() {
        Set<String> paths = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.POST)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/admin") || pattern.startsWith("/admin/")) {
                    paths.add(pattern.replaceAll("\\{[^}]*}", "1"));
                }
            }
        }
        return paths;
    }

    @Test
    void everyAdminPostNeedsACsrfToken() throws Exception {
        Set<String> paths = adminPostPaths();
        assertThat(paths).contains("/admin/articles", "/admin/articles/1", "/admin/articles/1/publish");
        List<String> accepted = new ArrayList<>();
        for (String path : paths) {
            int without = mvc.perform(post(path).param("title", "Sweep").with(user(ADMIN)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            int wrong = mvc.perform(
                            post(path).param("title", "Sweep").with(user(ADMIN)).with(csrf().useInvalidToken()))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (without != 403 || wrong != 403) {
                accepted.add(path + " → " + without + "/" + wrong);
            }
        }
        assertThat(accepted).isEmpty();
    }
}
