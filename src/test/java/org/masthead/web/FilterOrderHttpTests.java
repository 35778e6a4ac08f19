package org.masthead.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.masthead.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The filters of the running server meet a request in the order {@link FilterOrder} declares. */
@HttpTest
class FilterOrderHttpTests {

    /** Each row's filter, by the class the server holds (Spring's own by theirs). */
    static final Map<String, FilterOrder> CLASSES = Map.ofEntries(
            Map.entry("OrderedCharacterEncodingFilter", FilterOrder.CHARACTER_ENCODING),
            Map.entry("ServerHttpObservationFilter", FilterOrder.OBSERVATION),
            Map.entry("OrderedServerHttpObservationFilter", FilterOrder.OBSERVATION),
            Map.entry("DatabaseOutageFilter", FilterOrder.DATABASE_OUTAGE),
            Map.entry("ApiRateLimitFilter", FilterOrder.API_RATE_LIMIT),
            Map.entry("LegacyRedirectFilter", FilterOrder.LEGACY_REDIRECT),
            Map.entry("BeaconFilter", FilterOrder.READERSHIP_BEACON),
            Map.entry("ReplicaReadsFilter", FilterOrder.REPLICA_READS),
            Map.entry("PublicPageFilter", FilterOrder.PUBLIC_PAGE),
            Map.entry("FingerprintedAssetFilter", FilterOrder.FINGERPRINTED_ASSET),
            Map.entry("SessionRepositoryFilter", FilterOrder.SPRING_SESSION),
            Map.entry("OrderedFormContentFilter", FilterOrder.FORM_CONTENT),
            Map.entry("UploadTooLargeFilter", FilterOrder.UPLOAD_TOO_LARGE),
            Map.entry("ImportTooLargeFilter", FilterOrder.IMPORT_TOO_LARGE),
            Map.entry("OrderedRequestContextFilter", FilterOrder.REQUEST_CONTEXT),
            Map.entry("DelegatingFilterProxy", FilterOrder.SPRING_SECURITY),
            Map.entry("ErrorPathFilter", FilterOrder.ERROR_PATH),
            Map.entry("HealthAcceptFilter", FilterOrder.HEALTH_ACCEPT),
            Map.entry("ResourceUrlEncodingFilter", FilterOrder.RESOURCE_URL_ENCODING));

    /** Spring Session and Spring Security both register a {@code DelegatingFilterProxy}: told apart by name. */
    static final Map<String, String> PROXIES = Map.of(
            "springSessionRepositoryFilter", "SessionRepositoryFilter",
            "springSecurityFilterChain", "DelegatingFilterProxy");

    @Autowired
    WebServerApplicationContext application;

    /** The filters' classes, in the order the server runs them. */
    List<String> runningOrder() {
        TomcatWebServer server = (TomcatWebServer) application.getWebServer();
        Context context = (Context) server.getTomcat().getHost().findChildren()[0];
        Map<String, String> byName = new LinkedHashMap<>();
        for (FilterMap map : context.findFilterMaps()) {
            FilterDef def = context.findFilterDef(map.getFilterName());
            if (def.getFilter().getClass().getName().startsWith("org.apache.")) {
                continue; // the container's own (Tomcat's WebSocket upgrade filter), added after all of Spring's
            }
            String name = map.getFilterName();
            byName.putIfAbsent(
                    name, PROXIES.getOrDefault(name, typeOf(def.getFilter().getClass())));
        }
        return List.copyOf(byName.values());
    }

    /** The nearest class the table knows, for a filter made as an anonymous subclass (Spring Security's proxy). */
    static String typeOf(Class<?> type) {
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            if (CLASSES.containsKey(each.getSimpleName())) {
                return each.getSimpleName();
            }
        }
        return type.getName();
    }

    @Test
    void theServerRunsEveryFilterInTheTablesOrder() {
        List<String> running = runningOrder();
        List<FilterOrder> rows = new ArrayList<>();
        for (String type : running) {
            assertThat(CLASSES)
                    .as("a filter the table does not list: " + type + " in " + running)
                    .containsKey(type);
            rows.add(CLASSES.get(type));
        }

        assertThat(rows).as("the running filters " + running).isSorted().doesNotHaveDuplicates();
        assertThat(rows)
                .as("every filter of the table runs (the observation filter only with its actuator, the replica's only"
                        + " with a replica)")
                .containsAll(Arrays.stream(FilterOrder.values())
                        .filter(row -> row != FilterOrder.OBSERVATION && row != FilterOrder.REPLICA_READS)
                        .toList());
    }

    @Test
    void theTablesOrdersRiseRowByRow() {
        FilterOrder[] rows = FilterOrder.values();
        for (int i = 1; i < rows.length; i++) {
            assertThat(rows[i].order()).as(rows[i] + " after " + rows[i - 1]).isGreaterThan(rows[i - 1].order());
        }
    }
}
