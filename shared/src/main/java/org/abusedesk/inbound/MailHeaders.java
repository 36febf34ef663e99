package org.abusedesk.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/** The header fields of one entity in their order, values unfolded but not decoded. */
public record MailHeaders(List<Field> fields) {

    /** One header field. */
    public record Field(String name, String value) {

        public Field {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(value, "value == null");
        }
    }

    public static final MailHeaders NONE = new MailHeaders(List.of());

    public MailHeaders {
        fields = List.copyOf(fields);
    }

    /** The first value of the field, as sent. */
    public Optional<String> first(String name) {
        return fields.stream()
                .filter(f -> f.name().equalsIgnoreCase(name))
                .map(Field::value)
                .findFirst();
    }

    /** The first value of the field with RFC 2047 encoded words decoded. */
    public Optional<String> decoded(String name) {
        return first(name).map(MailHeaders::decode);
    }

    public List<String> all(String name) {
        return fields.stream()
                .filter(f -> f.name().equalsIgnoreCase(name))
                .map(Field::value)
                .toList();
    }

    public boolean has(String name) {
        return fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(name));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The value of a field lower-cased for comparisons, empty string when absent. */
    String lower(String name) {
        return first(name).map(v -> v.toLowerCase(Locale.ROOT)).orElse("");
    }

    static String decode(String value) {
        return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }
}
