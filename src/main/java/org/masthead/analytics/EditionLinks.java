package org.masthead.analytics;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.masthead.settings.Setting;
import org.masthead.settings.SettingsStore;
import org.masthead.web.SiteProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An edition's links through our own redirect, {@code /r/{edition}/{signature}?u={link}}, so its clicks are counted
 * per link: the signature (an HMAC of the edition and the link, with a key made once and kept in
 * {@code analytics_keys}) makes it no open redirect, and the address names the edition and the link, never the
 * recipient. A reader's own links (unsubscribe, preferences: those with their token) are left as they are.
 */
@Component
public class EditionLinks {

    /** The redirect's path, before the edition. */
    public static final String PATH = "/r/";

    /** The setting that adds an open pixel to editions (off by default). */
    public static final String OPENS_SETTING = "masthead.analytics.newsletter-opens";

    /** What the open pixel's address carries instead of a link. */
    public static final String OPENED = "opened";

    /** Links in the longest form counted: longer ones are left as they are. */
    static final int MAX_URL = 2048;

    private static final Pattern HREF = Pattern.compile("href=\"(https?://[^\"]+)\"");
    private static final Pattern TEXT_URL = Pattern.compile("https?://[^\\s<>\")]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SiteProperties site;
    private final TransactionTemplate own;
    private final SettingsStore settings;
    private final Setting<Boolean> opens;
    private volatile byte[] key;

    EditionLinks(
            JdbcClient jdbc,
            SiteProperties site,
            PlatformTransactionManager transactions,
            SettingsStore settings,
            @Qualifier("newsletterOpens") Setting<Boolean> opens) {
        this.jdbc = jdbc;
        this.site = site;
        this.settings = settings;
        this.opens = opens;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The email's HTML with each link (but those holding {@code personal}) through the redirect; and, when an admin
     * turned newsletter opens on, an open pixel for the edition (the same for every reader) before its end.
     */
    public String trackHtml(long edition, String html, String personal) {
        String tracked = trackLinks(edition, html, personal);
        if (!settings.get(opens)) {
            return tracked;
        }
        String pixel = "<img src=\"" + tracked(edition, OPENED).replace("&", "&amp;")
                + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px;\">";
        int end = tracked.lastIndexOf("</body>");
        return end < 0 ? tracked + pixel : tracked.substring(0, end) + pixel + tracked.substring(end);
    }

    /** Whether editions carry an open pixel now. */
    public boolean opensCounted() {
        return settings.get(opens);
    }

    /** Counts one open of an edition (an image load: mail clients that block images are not counted). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void opened(long edition) {
        jdbc.sql("""
                        insert into edition_opens (edition_id, opens)
                        select e.id, 1 from editions e where e.id = :edition
                        on conflict (edition_id) do update set opens = edition_opens.opens + 1
                        """).param("edition", edition).update();
    }

    private String trackLinks(long edition, String html, String personal) {
        Matcher links = HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String url = links.group(1).replace("&amp;", "&");
            String replaced = url.contains(personal) || url.length() > MAX_URL
                    ? links.group()
                    : "href=\"" + tracked(edition, url).replace("&", "&amp;") + "\"";
            links.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        links.appendTail(out);
        return out.toString();
    }

    /** The email's plain text with each link (but those holding {@code personal}) through the redirect. */
    public String trackText(long edition, String text, String personal) {
        Matcher links = TEXT_URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String url = links.group();
            String replaced = url.contains(personal) || url.length() > MAX_URL ? url : tracked(edition, url);
            links.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        links.appendTail(out);
        return out.toString();
    }

    /** The absolute redirect address of {@code url} in {@code edition}. */
    public String tracked(long edition, String url) {
        return site.absolute(PATH + edition + "/" + signature(edition, url) + "?u="
                + URLEncoder.encode(url, StandardCharsets.UTF_8));
    }

    /** Whether {@code signature} is ours for this edition and link. */
    public boolean verify(long edition, String signature, String url) {
        if (signature == null || url == null || url.length() > MAX_URL) {
            return false;
        }
        return MessageDigest.isEqual(
                signature(edition, url).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Counts one click on a link of an edition (an edition since deleted counts nothing). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void click(long edition, String url) {
        jdbc.sql("""
                        insert into edition_link_clicks (edition_id, url, clicks)
                        select e.id, :url, 1 from editions e where e.id = :edition
                        on conflict (edition_id, url) do update set clicks = edition_link_clicks.clicks + 1
                        """).param("edition", edition).param("url", url).update();
    }

    /** Decodes the {@code u} parameter as the link it is. */
    static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private String signature(long edition, String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update((edition + "\n" + url).getBytes(StandardCharsets.UTF_8));
            byte[] full = mac.doFinal();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (key == null) {
                // in a transaction of its own: a key is kept even when the send that first needed it is undone
                key = own.execute(status -> {
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    jdbc.sql("insert into analytics_keys (name, secret) values ('edition-links', :secret)"
                                    + " on conflict do nothing")
                            .param("secret", fresh)
                            .update();
                    return jdbc.sql("select secret from analytics_keys where name = 'edition-links'")
                            .query(byte[].class)
                            .single();
                });
            }
            return key;
        }
    }
}
