package org.abusedesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/** The mails SES accepted, read from the moto server's data dump and decoded: who sent what to whom. */
public final class Outbox {

    /** One sent mail, decoded; {@code replyTo} is empty when the mail names none. */
    public record Mail(String from, List<String> to, String subject, String text, String html, String replyTo) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    public Outbox(URI endpoint) {
        this.endpoint = endpoint;
    }

    public List<Mail> mails() {
        JsonNode ses = dump().path("ses");
        var mails = new ArrayList<Mail>();
        for (JsonNode message : ses.path("Message")) {
            var to = new ArrayList<String>();
            message.path("destinations").path("ToAddresses").forEach(a -> to.add(a.asText()));
            String body = message.path("body").asText();
            mails.add(new Mail(
                    message.path("source").asText(), to, message.path("subject").asText(), body, null, ""));
        }
        for (JsonNode message : ses.path("RawMessage")) {
            var to = new ArrayList<String>();
            // moto lists a recipient once per place it found it (envelope and header): keep each once.
            message.path("destinations").forEach(a -> {
                if (!to.contains(a.asText())) {
                    to.add(a.asText());
                }
            });
            mails.add(decode(
                    message.path("source").asText(),
                    to,
                    message.path("raw_data").asText()));
        }
        return mails;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(mails());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode dump() {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Mail decode(String from, List<String> to, String raw) {
        var builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        try {
            Message message = builder.parseMessage(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            var parts = new String[2];
            collect(message, parts);
            String replyTo = message.getReplyTo() == null
                    ? ""
                    : message.getReplyTo().flatten().stream()
                            .map(Mailbox::getAddress)
                            .findFirst()
                            .orElse("");
            return new Mail(from, List.copyOf(to), message.getSubject(), parts[0], parts[1], replyTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Entity entity, String[] parts) throws IOException {
        if (entity.getBody() instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                collect(part, parts);
            }
        } else if (entity.getBody() instanceof TextBody text) {
            int slot = "text/html".equalsIgnoreCase(entity.getMimeType()) ? 1 : 0;
            if (parts[slot] == null) {
                parts[slot] = readAll(text);
            }
        }
    }

    private static String readAll(TextBody text) throws IOException {
        try (var reader = text.getReader()) {
            var out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }
}
