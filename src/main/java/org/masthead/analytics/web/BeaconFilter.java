package org.masthead.analytics.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.analytics.ReaderCounts;
import org.masthead.analytics.ReaderPage;
import org.masthead.throttle.TokenBuckets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * The counting endpoint ({@code /count}), answered here before sessions, security and MVC: a {@code POST} from the
 * pages' counting script ({@code navigator.sendBeacon}) or a {@code GET} from the image in their
 * {@code <noscript>}. It answers the same whether it counted or not (204, or a transparent pixel), sets no cookie,
 * and is never cached. Not counted: a reader who asks not to be ({@code DNT: 1}, {@code Sec-GPC: 1}), anyone with a
 * session cookie (staff: readers have none), robots and tools by their agent, a page it does not know, and an
 * address over its rate.
 */
final class BeaconFilter extends OncePerRequestFilter {

    static final String PATH = "/count";

    /** A 1×1 transparent GIF, the answer to the {@code <noscript>} image. */
    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private static final Pattern ARTICLE_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final ReaderCounts counts;
    private final TokenBuckets rate;
    private final String sessionCookie;

    /** {@code rate} is {@code null} when the rate limit is off. */
    BeaconFilter(ReaderCounts counts, TokenBuckets rate, String sessionCookie) {
        this.counts = counts;
        this.rate = rate;
        this.sessionCookie = sessionCookie;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean image = "GET".equals(method) || "HEAD".equals(method);
        if (!image && !"POST".equals(method)) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ReaderCounts.View view = "HEAD".equals(method) ? null : view(request);
        if (view != null && rate != null && !rate.tryTake(request.getRemoteAddr())) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            response.setStatus(429);
            return;
        }
        if (view != null) {
            counts.count(view);
        }
        if (image) {
            response.setContentType("image/gif");
            response.setContentLength(PIXEL.length);
            if (!"HEAD".equals(method)) {
                response.getOutputStream().write(PIXEL);
            }
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    /** The view to count, or {@code null} when it is not counted. */
    private ReaderCounts.View view(HttpServletRequest request) {
        if ("1".equals(request.getHeader("DNT")) || "1".equals(request.getHeader("Sec-GPC"))) {
            return null;
        }
        if (hasSession(request)) {
            return null;
        }
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        if (ReaderCounts.isRobot(agent)) {
            return null;
        }
        ReaderPage page = ReaderPage.of(request.getParameter("p"));
        if (page == null) {
            return null;
        }
        Long article = null;
        if (page == ReaderPage.ARTICLE) {
            String id = request.getParameter("a");
            if (id == null || !ARTICLE_ID.matcher(id).matches()) {
                return null;
            }
            article = Long.parseLong(id);
        }
        String address = request.getRemoteAddr();
        return new ReaderCounts.View(
                page,
                article,
                referrer(request.getParameter("r"), request.getServerName()),
                address,
                agent,
                counts.knowsCountries() ? country(address) : null);
    }

    private boolean hasSession(HttpServletRequest request) {
        return WebUtils.getCookie(request, sessionCookie) != null;
    }

    /**
     * The referring domain as the script sent it: {@code ""} for none (a direct visit), {@code null} when unknown or
     * not a domain (never counted as a referrer), without a leading {@code www.}; this site itself is no referrer.
     */
    static String referrer(String sent, String ownHost) {
        if (sent == null) {
            return null;
        }
        String domain = sent.strip().toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) {
            return "";
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return null;
        }
        if (domain.equalsIgnoreCase(ownHost)) {
            return null;
        }
        return domain.startsWith("www.") ? domain.substring(4) : domain;
    }

    private String country(String address) {
        try {
            return counts.country(InetAddress.getByName(address)); // an address literal: no name is looked up
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
