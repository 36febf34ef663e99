package org.abusedesk.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.abusedesk.local.ProjectRoot;

/** Loads a sample event from the project's {@code events/} folder into the Lambda events type a handler takes. */
public final class LambdaEvents {

    // AWS writes "Records" and "eventSourceARN" where the events classes say records and eventSourceArn.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LambdaEvents() {}

    /** Reads {@code events/<path>} as the given type; a fresh object on every call, free to modify. */
    public static <T> T load(String path, Class<T> type) {
        var file = ProjectRoot.find().resolve("events").resolve(path);
        try {
            return JSON.readValue(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + file, e);
        }
    }
}
