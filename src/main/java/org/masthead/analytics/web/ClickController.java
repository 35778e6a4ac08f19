package org.masthead.analytics.web;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.analytics.AnalyticsProperties;
import org.masthead.analytics.EditionLinks;
import org.masthead.analytics.ReaderCounts;
import org.masthead.throttle.TokenBuckets;
import org.masthead.web.PageNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An edition's link followed ({@code /r/{edition}/{signature}?u={link}}): counted for the edition and the link, then
 * a redirect to it. A link the application did not sign for that edition is not found (no open redirect). Robots
 * (mail scanners opening every link) and an address over its rate still go on to the link, uncounted. Nothing about
 * the reader is read or kept, and no session or cookie is made.
 */
@Controller
class ClickController {

    private final EditionLinks links;
    private final TokenBuckets rate;

    ClickController(EditionLinks links, AnalyticsProperties properties) {
        this.links = links;
        this.rate = properties.rateLimit()
                ? new TokenBuckets(properties.beaconsPerMinute(), properties.burst(), properties.maxClients())
                : null;
    }

    @GetMapping(EditionLinks.PATH + "{edition}/{signature}")
    ResponseEntity<Void> follow(
            @PathVariable String edition,
            @PathVariable String signature,
            @RequestParam(name = "u", required = false) String url,
            HttpServletRequest request) {
        long id;
        try {
            id = Long.parseLong(edition);
        } catch (NumberFormatException notAnEdition) {
            throw new PageNotFoundException("edition link");
        }
        if (url == null
                || !links.verify(id, signature, url)
                || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new PageNotFoundException("edition link");
        }
        if (!ReaderCounts.isRobot(request.getHeader(HttpHeaders.USER_AGENT))
                && (rate == null || rate.tryTake(request.getRemoteAddr()))) {
            links.click(id, url);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, url)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
