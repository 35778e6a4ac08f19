package org.masthead.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.masthead.StaffHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several requests of one staff session at once (tabs opened together right after signing in): each stores the same
 * new session attributes (the staff mark, the CSRF token), and none of them fails for it.
 */
@HttpTest
class ConcurrentSessionRequestsHttpTests {

    @LocalServerPort
    int port;

    @Test
    void pagesOpenedAtOnceRightAfterSigningInAllAnswer() throws Exception {
        StaffHttp staff = StaffHttp.demo(port, "editor");
        List<String> pages = List.of(
                "/admin/media/new",
                "/admin/media",
                "/admin/articles",
                "/admin/media/new",
                "/admin",
                "/admin/media/new");
        ExecutorService pool = Executors.newFixedThreadPool(pages.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String page : pages) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return staff.get(page);
                }));
            }
            start.countDown();
            for (int i = 0; i < pages.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get(60, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(pages.get(i)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
