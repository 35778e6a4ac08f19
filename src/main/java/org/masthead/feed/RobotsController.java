package org.masthead.feed;

import org.masthead.web.SiteProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code /robots.txt}: crawlers keep out of the newsroom and draft previews, and learn where the sitemap is. */
@Controller
class RobotsController {

    private final SiteProperties site;

    RobotsController(SiteProperties site) {
        this.site = site;
    }

    @GetMapping("/robots.txt")
    @ResponseBody
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Disallow: /admin
                Disallow: /preview
                Disallow: /newsletter/

                Sitemap: %s
                """.formatted(site.absolute("/sitemap.xml"));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }
}
