package org.masthead.analytics.web;

import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.analytics.AnalyticsProperties;
import org.masthead.analytics.EditionLinks;
import org.masthead.analytics.ReaderCounts;
import org.masthead.throttle.TokenBuckets;
import org.masthead.web.PageNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An edition's link followed ({@code /r/{edition}/{signature}?u={link}}): counted for the edition and the link, then
 * a redirect to it; or, while newsletter opens are on, the edition's open pixel ({@code u=opened}), counted per
 * edition. An address the application did not sign for that edition is not found (no open redirect). Robots (mail
 * scanners opening every link) and an address over its rate still go on to the link, uncounted. Nothing about the
 * reader is read or kept, and no session or cookie is made.
 */
@Controller
class ClickController {

    /** A 1×1 transparent GIF, the open pixel. */
    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final EditionLinks links;
    private final TokenBuckets rate;

    ClickController(EditionLinks links, AnalyticsProperties properties) {
        this.links = links;
        this.rate = properties.rateLimit()
                ? new TokenBuckets(properties.beaconsPerMinute(), properties.burst(), properties.maxClients())
                : null;
    }

    @GetMapping(EditionLinks.PATH + "{edition}/{signature}")
    ResponseEntity<byte[]> follow(
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
        if (url == null || !links.verify(id, signature, url)) {
            throw new PageNotFoundException("edition link");
        }
        if (url.equals(EditionLinks.OPENED)) {
            if (counts(request)) {
                links.opened(id);
            }
            return ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .contentType(MediaType.IMAGE_GIF)
                    .body(PIXEL);
        }
        if (!(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new PageNotFoundException("edition link");
        }
        if (counts(request)) {
            links.click(id, url);
        }
        return ResponseEntity.<byte[]>status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, url)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** Not a robot (by its agent), and the address within its rate. */
    private boolean counts(HttpServletRequest request) {
        return !ReaderCounts.isRobot(request.getHeader(HttpHeaders.USER_AGENT))
                && (rate == null || rate.tryTake(request.getRemoteAddr()));
    }
}
