package org.abusedesk.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain SMTP client (RFC 5321, no extensions) that hands one mail to the local stack's listener on loopback. */
final class SmtpClient {

    private SmtpClient() {}

    /** Sends the mail; returns the reply to the end of its data (250 when the listener took it). */
    static String send(int port, String from, String to, String mail) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(reply(in), "220");
            expect(command(out, in, "HELO load.example.net"), "250");
            expect(command(out, in, "MAIL FROM:<" + from + ">"), "250");
            expect(command(out, in, "RCPT TO:<" + to + ">"), "250");
            expect(command(out, in, "DATA"), "354");
            // Dot-stuffing: a line that starts with '.' gets another one.
            String body = mail.replace("\r\n.", "\r\n..");
            String sent = command(out, in, body + (body.endsWith("\r\n") ? "" : "\r\n") + ".");
            command(out, in, "QUIT");
            return sent;
        }
    }

    private static void expect(String reply, String code) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + ", got " + reply);
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
