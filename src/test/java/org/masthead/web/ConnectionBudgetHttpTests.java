package org.masthead.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.masthead.HttpPage;
import org.masthead.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Slowloris: one client's half-open connections do not keep other readers out. */
@HttpTest
class ConnectionBudgetHttpTests {

    static final InetAddress ATTACKER = address("127.0.0.2");
    static final InetAddress PROXY = address("127.0.0.3");

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    ClientConnectionProperties connections;

    @Test
    void twoThousandFiveHundredHalfOpenConnectionsFromOneAddressLeaveAReaderServed() throws Exception {
        List<Socket> attack = SlowClients.open(ATTACKER, port, 2_500);
        try {
            var page = HttpPage.get(port, "/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("</html>");
            assertThat(budget().openConnections(ATTACKER)).isLessThanOrEqualTo(connections.connectionsPerClient());
            assertThat(SlowClients.closedByServer(attack))
                    .isGreaterThanOrEqualTo(2_500 - connections.connectionsPerClient());
        } finally {
            SlowClients.close(attack);
        }
    }

    @Test
    void aTrustedProxyHasNoBudget() throws Exception {
        budget().configure(3, List.of("127.0.0.3/32"));
        List<Socket> proxy = List.of();
        List<Socket> client = List.of();
        try {
            proxy = SlowClients.open(PROXY, port, 10);
            client = SlowClients.open(ATTACKER, port, 10);

            assertThat(SlowClients.closedByServer(proxy)).isZero();
            assertThat(SlowClients.closedByServer(client)).isEqualTo(7);
        } finally {
            SlowClients.close(proxy);
            SlowClients.close(client);
            budget().configure(connections.connectionsPerClient(), connections.trustedProxies());
        }
    }

    @Test
    void aRequestWhoseHeadersStallIsDroppedAndTheBudgetFreed() throws Exception {
        List<Socket> stalled = SlowClients.open(ATTACKER, port, 1);
        try {
            stalled.get(0).setSoTimeout(20_000);
            InputStream in = stalled.get(0).getInputStream();
            byte[] buffer = new byte[4096];
            int read;
            do {
                read = in.read(buffer);
            } while (read > 0);

            assertThat(read).isEqualTo(-1);
            assertThat(budget().openConnections(ATTACKER)).isZero();
        } finally {
            SlowClients.close(stalled);
        }
    }

    @Test
    void theConnectorDropsStalledAndIdleConnectionsWithinSeconds() {
        Connector connector = tomcat();
        assertThat(connector.getProperty("connectionTimeout")).isEqualTo(5000);
        assertThat(connector.getProperty("keepAliveTimeout")).isEqualTo(5000);
        assertThat(connector.getProtocolHandler()).isInstanceOf(ConnectionBudget.class);
    }

    private ConnectionBudget budget() {
        return (ConnectionBudget) tomcat().getProtocolHandler();
    }

    private Connector tomcat() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Clients that open a connection, send half a request and wait. */
    static final class SlowClients {

        static final byte[] PARTIAL =
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: a".getBytes(StandardCharsets.US_ASCII);

        static List<Socket> open(InetAddress from, int port, int count) throws IOException {
            List<Socket> sockets = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    Socket socket = new Socket();
                    sockets.add(socket);
                    socket.bind(new InetSocketAddress(from, 0));
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                    try {
                        socket.getOutputStream().write(PARTIAL);
                    } catch (IOException refused) {
                        // closed by the server already: counted by closedByServer
                    }
                }
            } catch (IOException | RuntimeException ex) {
                close(sockets);
                throw ex;
            }
            return sockets;
        }

        /** How many of {@code sockets} the server has closed (each waited for briefly). */
        static int closedByServer(List<Socket> sockets) throws IOException {
            int closed = 0;
            for (Socket socket : sockets) {
                socket.setSoTimeout(sockets.size() > 100 ? 5 : 300);
                try {
                    if (socket.getInputStream().read() == -1) {
                        closed++;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // open, waiting for the rest of its request
                } catch (IOException reset) {
                    closed++;
                }
            }
            return closed;
        }

        static void close(List<Socket> sockets) {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }
}
