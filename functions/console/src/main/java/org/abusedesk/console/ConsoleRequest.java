package org.abusedesk.console;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Language;

/**
 * One request to a console page, as the pages see it: past the session check and, for a POST, past the CSRF and
 * permission checks.
 *
 * @param path the path below {@code /console}, e.g. {@code /cases/14141611/01J…}; {@code /} for the overview
 * @param query the query parameters, each name once (the first value wins)
 * @param fields a POST's form fields, url-encoded or multipart alike, each name once; empty for a GET
 * @param files a multipart POST's files by field name
 * @param csrfToken the session's CSRF token, which every form the page renders must carry as field {@code csrf}
 */
public record ConsoleRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> fields,
        Map<String, Upload> files,
        Language language,
        Person person,
        String csrfToken) {

    /** A file sent in a multipart form. */
    public record Upload(String fileName, String contentType, byte[] content) {

        public Upload {
            Objects.requireNonNull(fileName, "fileName == null");
            Objects.requireNonNull(contentType, "contentType == null");
            Objects.requireNonNull(content, "content == null");
        }
    }

    public ConsoleRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        query = Map.copyOf(query);
        fields = Map.copyOf(fields);
        files = Map.copyOf(files);
        Objects.requireNonNull(language, "language == null");
        Objects.requireNonNull(person, "person == null");
        Objects.requireNonNull(csrfToken, "csrfToken == null");
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isBlank());
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public boolean isPost() {
        return method.equals("POST");
    }

    /** The path's segments below {@code /console}, without empty ones. */
    public List<String> segments() {
        return java.util.Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList();
    }
}
