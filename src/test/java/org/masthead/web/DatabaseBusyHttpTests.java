package org.masthead.web;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.masthead.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every database connection busy is not an outage: the page says "busy, try again" and asks for seconds. */
@HttpTest
class DatabaseBusyHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aSearchThatFindsEveryConnectionBusyIsAskedToRetryInSecondsNotToldTheDatabaseIsDown() throws Exception {
        List<Connection> held = new ArrayList<>();
        HttpResponse<String> response;
        try {
            while (true) {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLTransientConnectionException poolEmpty) {
                    break;
                }
            }
            response = HttpPage.get(port, "/search?q=" + TestContent.unique("busy"));
        } finally {
            for (Connection connection : held) {
                close(connection);
            }
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(response.body())
                .contains("id=\"busy\"")
                .contains("busy")
                .doesNotContain("id=\"unavailable\"")
                .doesNotContain("cannot reach its database");
        assertThat(HttpPage.get(port, "/search?q=" + TestContent.unique("free")).statusCode())
                .isEqualTo(200);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // returned to the pool or gone
        }
    }
}
