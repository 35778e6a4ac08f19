package org.masthead.edition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server that answers RCPT TO like a real one would for troubled mailboxes: an address containing
 * "busy" gets {@code 450} (temporary), one containing "nouser" gets {@code 550} (permanent); others are accepted.
 * GreenMail accepts everything, so the failure paths are tried against this one.
 */
final class FakeSmtpServer implements AutoCloseable {

    final List<String> delivered = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread acceptor;

    FakeSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 fake ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250-fake\r\n250 8BITMIME");
                } else if (command.startsWith("MAIL FROM")) {
                    recipient = null;
                    reply(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO")) {
                    if (line.contains("busy")) {
                        reply(out, "450 4.2.1 Mailbox busy, try again later");
                    } else if (line.contains("nouser")) {
                        reply(out, "550 5.1.1 No such user here");
                    } else {
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        reply(out, "250 2.1.5 OK");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 Go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not kept
                    }
                    delivered.add(recipient);
                    reply(out, "250 2.0.0 Queued");
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 OK");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Not implemented");
                }
            }
        } catch (IOException ex) {
            // the client went away
        }
    }

    private static void reply(Writer out, String text) throws IOException {
        out.write(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
