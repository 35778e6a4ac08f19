package org.masthead.analytics;

import org.masthead.settings.BooleanSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Readership counting's seams: the country lookup, which knows no country unless a build brings one; and the
 * setting that turns newsletter opens on (off by default).
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsConfiguration.class);

    /** The settings page's switch for open pixels in editions; the property is its default (off). */
    @Bean
    BooleanSetting newsletterOpens(AnalyticsProperties properties) {
        return new BooleanSetting(EditionLinks.OPENS_SETTING, properties.newsletterOpens());
    }

    @Bean
    @ConditionalOnMissingBean
    CountryLookup countryLookup(AnalyticsProperties properties) {
        if (properties.geoipDatabase() != null) {
            log.warn(
                    "masthead.analytics.geoip-database is set ({}), but this build has no GeoIP reader: no country"
                            + " is counted",
                    properties.geoipDatabase());
        }
        return CountryLookup.NONE;
    }
}
