package org.masthead.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Tomcat's HTTP/1.1 connector with a budget of open connections per client address: a connection from an address
 * that already holds {@code masthead.http.connections-per-client} open connections is closed as soon as it is
 * accepted, so one client (slowloris: many connections, each sending a partial request) cannot fill the
 * connector's {@code server.tomcat.max-connections} and keep every other reader out. The trusted proxies
 * ({@code masthead.http.trusted-proxies}: a reverse proxy or load balancer carries every reader on its own address)
 * have no budget. Configured by {@link ConnectionConfiguration}.
 */
public class ConnectionBudget extends Http11NioProtocol {

    public ConnectionBudget() {
        super(new BudgetedEndpoint());
    }

    /**
     * The most connections one address may hold open (0 or less: no budget), and the addresses or CIDR ranges that
     * have no budget.
     */
    void configure(int perClient, List<String> trustedProxies) {
        ((BudgetedEndpoint) getEndpoint()).configure(perClient, trustedProxies);
    }

    /** Open connections from {@code address}, as the budget counts them. */
    int openConnections(InetAddress address) {
        return ((BudgetedEndpoint) getEndpoint()).counts.open(address);
    }

    static final class BudgetedEndpoint extends NioEndpoint {

        private final CountingConnections counts = new CountingConnections();
        private volatile int perClient;
        private volatile List<IpAddressMatcher> trusted = List.of();

        BudgetedEndpoint() {
            connections = counts;
        }

        void configure(int perClient, List<String> trustedProxies) {
            this.perClient = perClient;
            this.trusted = trustedProxies.stream()
                    .map(String::strip)
                    .filter(proxy -> !proxy.isEmpty())
                    .map(IpAddressMatcher::new)
                    .toList();
        }

        /**
         * Runs on the one acceptor thread, so counting and admitting a connection are not raced by another
         * accept; a closed connection leaves the count from whichever thread closes it.
         */
        @Override
        protected boolean setSocketOptions(SocketChannel socket) {
            InetAddress address = remoteAddress(socket);
            if (address != null && perClient > 0 && counts.open(address) >= perClient && !isTrusted(address)) {
                counts.refused();
                // closed here: the acceptor's closeSocket only closes a connection that was admitted
                destroySocket(socket);
                return false;
            }
            return super.setSocketOptions(socket);
        }

        private boolean isTrusted(InetAddress address) {
            String host = address.getHostAddress();
            for (IpAddressMatcher matcher : trusted) {
                if (matcher.matches(host)) {
                    return true;
                }
            }
            return false;
        }
    }

    static InetAddress remoteAddress(SocketChannel socket) {
        try {
            return socket.getRemoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        } catch (IOException ex) {
            return null;
        }
    }

    /**
     * The endpoint's own map of open connections (Tomcat adds a connection when it is admitted and removes it when
     * it is closed), counting them per client address on the way.
     */
    static final class CountingConnections extends ConcurrentHashMap<SocketChannel, SocketWrapperBase<NioChannel>> {

        private final Map<SocketChannel, InetAddress> addresses = new ConcurrentHashMap<>();
        private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
        private volatile long refused;

        int open(InetAddress address) {
            return perAddress.getOrDefault(address, 0);
        }

        void refused() {
            refused++;
        }

        long refusedSoFar() {
            return refused;
        }

        @Override
        public SocketWrapperBase<NioChannel> put(SocketChannel socket, SocketWrapperBase<NioChannel> wrapper) {
            SocketWrapperBase<NioChannel> previous = super.put(socket, wrapper);
            InetAddress address = remoteAddress(socket);
            if (previous == null && address != null && addresses.putIfAbsent(socket, address) == null) {
                perAddress.merge(address, 1, Integer::sum);
            }
            return previous;
        }

        @Override
        public SocketWrapperBase<NioChannel> remove(Object socket) {
            SocketWrapperBase<NioChannel> removed = super.remove(socket);
            InetAddress address = addresses.remove(socket);
            if (address != null) {
                perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            }
            return removed;
        }
    }
}
