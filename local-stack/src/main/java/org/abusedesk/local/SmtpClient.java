package org.abusedesk.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A plain SMTP client (RFC 5321, no extensions), enough to hand a mail to the local stack's listener on loopback:
 * for tests and the load run.
 */
public final class SmtpClient {

    private SmtpClient() {}

    /** Sends the mail; returns the last reply of each command, from the greeting to QUIT. */
    public static List<String> send(int port, String from, String to, String mail) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String greeting = reply(in);
            String helo = command(out, in, "HELO client.example.net");
            String mailFrom = command(out, in, "MAIL FROM:<" + from + ">");
            String rcptTo = command(out, in, "RCPT TO:<" + to + ">");
            String data = command(out, in, "DATA");
            // Dot-stuffing: a line that starts with '.' gets another one.
            String body = mail.replace("\r\n.", "\r\n..");
            String sent = command(out, in, body + (body.endsWith("\r\n") ? "" : "\r\n") + ".");
            String quit = command(out, in, "QUIT");
            return List.of(greeting, helo, mailFrom, rcptTo, data, sent, quit);
        }
    }

    private static String command(OutputStream out, BufferedReader in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply(in);
    }

    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }
}
