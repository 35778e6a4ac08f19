package org.masthead.analytics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the {@code User-Agent} header says that counting needs: whether it is a robot (not counted), and the class
 * of device (desktop, mobile, tablet). Nothing else of it is kept.
 */
final class ReaderAgent {

    /** Crawlers, link previews, monitors, HTTP libraries and headless browsers: no reader reads with them. */
    private static final Pattern ROBOT = Pattern.compile(
            "bot|crawl|spider|slurp|archiver|scraper|preview|facebookexternalhit|embedly|quora link|"
                    + "headless|phantomjs|lighthouse|pagespeed|pingdom|uptime|monitor|check_http|"
                    + "curl|wget|httpie|python|java|okhttp|go-http|libwww|perl|ruby|php|node-fetch|axios|undici|"
                    + "feed|rss|reader/|wrk|apachebench|jmeter|k6/|postman|insomnia",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TABLET = Pattern.compile("ipad|tablet|kindle|silk|playbook|android(?!.*mobile)");
    private static final Pattern MOBILE =
            Pattern.compile("mobi|iphone|ipod|android|windows phone|blackberry|opera mini");

    private ReaderAgent() {}

    /** Whether this agent is no reader: a robot, a tool, or no agent at all. */
    static boolean isRobot(String userAgent) {
        return userAgent == null
                || userAgent.isBlank()
                || !userAgent.startsWith("Mozilla/")
                || ROBOT.matcher(userAgent).find();
    }

    static Device device(String userAgent) {
        String agent = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (TABLET.matcher(agent).find()) {
            return Device.TABLET;
        }
        if (MOBILE.matcher(agent).find()) {
            return Device.MOBILE;
        }
        return Device.DESKTOP;
    }

    enum Device {
        DESKTOP,
        MOBILE,
        TABLET;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
