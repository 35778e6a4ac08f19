package org.masthead.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.masthead.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slowloris against the running server: 2,500 connections from 127.0.0.2, each sending half a request and waiting,
 * while a reader on 127.0.0.1 asks for the front page on a new connection each time (connect, request, whole
 * response: the reader's wait). Measured with the connection budget on (the configuration), and off (as before it
 * existed), each after a quiet baseline. Not part of {@code ./mvnw verify}; run it with
 * <pre>./mvnw -Dtest=SlowlorisBenchmark -Dmasthead.bench=true test</pre>
 * ({@code -Dmasthead.bench.connections=N}, {@code -Dmasthead.bench.requests=N}). Figures go to the console and
 * target/benchmarks/slowloris.txt.
 */
@HttpTest
@EnabledIfSystemProperty(named = "masthead.bench", matches = "true")
class SlowlorisBenchmark {

    static final InetAddress ATTACKER = address("127.0.0.2");

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    ClientConnectionProperties budgetSettings;

    @Test
    void theReadersWaitDuringASlowlorisAttack() throws Exception {
        int connections = Integer.getInteger("masthead.bench.connections", 2_500);
        int requests = Integer.getInteger("masthead.bench.requests", 200);
        List<String> report = new ArrayList<>();
        report.add("Slowloris: " + connections + " half-open connections from " + ATTACKER.getHostAddress()
                + ", a reader on 127.0.0.1 (" + requests + " requests, a new connection each)");

        read(20); // warm-up
        report.add(line("quiet", read(requests)));
        List<Socket> attack = ConnectionBudgetHttpTests.SlowClients.open(ATTACKER, port, connections);
        try {
            report.add(line("attack, budget " + budgetSettings.connectionsPerClient() + " per client", read(requests)));
            assertThat(budget().openConnections(ATTACKER)).isLessThanOrEqualTo(budgetSettings.connectionsPerClient());
        } finally {
            ConnectionBudgetHttpTests.SlowClients.close(attack);
        }

        Thread.sleep(1_000);
        budget().configure(0, budgetSettings.trustedProxies());
        try {
            // as before the budget: one client fills every connection the connector takes (2,048)
            List<Socket> unbudgeted = ConnectionBudgetHttpTests.SlowClients.open(ATTACKER, port, 2_048);
            try {
                report.add(line("attack, no budget (2,048 held)", read(1)));
            } finally {
                ConnectionBudgetHttpTests.SlowClients.close(unbudgeted);
            }
        } finally {
            budget().configure(budgetSettings.connectionsPerClient(), budgetSettings.trustedProxies());
        }

        Path out = Path.of("target", "benchmarks", "slowloris.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private long[] read(int requests) throws IOException {
        long[] waits = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            String response = get("/");
            waits[i] = System.nanoTime() - start;
            assertThat(response).startsWith("HTTP/1.1 200");
        }
        return waits;
    }

    private String get(String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 60_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.transferTo(body);
            return body.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String line(String what, long[] waits) {
        long[] sorted = waits.clone();
        Arrays.sort(sorted);
        return String.format(
                "%-40s p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms",
                what,
                sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private ConnectionBudget budget() {
        return (ConnectionBudget) ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getConnector()
                .getProtocolHandler();
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
