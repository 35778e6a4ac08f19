package org.masthead.analytics;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The country of an address, for the per-country counts; the address itself is never kept. No GeoIP database ships
 * with Masthead, so the one lookup in the application ({@link #NONE}) knows no country and none is counted. A build
 * that bundles a GeoIP reader provides its own bean of this type, reading {@code masthead.analytics.geoip-database}.
 */
public interface CountryLookup {

    /** Knows no country. */
    CountryLookup NONE = address -> Optional.empty();

    /** The ISO 3166-1 alpha-2 code of the address's country, when known. */
    Optional<String> country(InetAddress address);
}
