package org.abusedesk.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the text fields of one admin request into domain values, collecting every error instead of stopping at the
 * first, so that a caller learns all that is wrong at once. Text is stripped; blank counts as absent.
 */
public final class RequestFields {

    public static final String REQUIRED = "is required";
    public static final String NOT_SINGLE_LINE = "must be a single line without control characters";
    public static final String NOT_UNICODE = "must be Unicode text (a surrogate is unpaired)";

    private final List<FieldError> errors = new ArrayList<>();

    /** The stripped text, or null (and an error) when it is absent, too long or more than one line. */
    public String required(String field, String value, int maxChars) {
        String text = blankToNull(value);
        if (text == null) {
            errors.add(new FieldError(field, REQUIRED));
            return null;
        }
        return checked(field, text, maxChars);
    }

    /** The stripped text, empty when absent; an error when too long or more than one line. */
    public Optional<String> optional(String field, String value, int maxChars) {
        String text = blankToNull(value);
        return text == null ? Optional.empty() : Optional.ofNullable(checked(field, text, maxChars));
    }

    /** The enum constant a required field names, case ignored; an error listing the allowed names otherwise. */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        String text = required(field, value, 64);
        return text == null ? null : parse(field, text, type);
    }

    public <E extends Enum<E>> Optional<E> optionalOneOf(String field, String value, Class<E> type) {
        return optional(field, value, 64).map(text -> parse(field, text, type));
    }

    /** What {@code reader} makes of the text; an error with {@code message} when it throws. */
    public <T> T parsed(String field, String text, Function<String, T> reader, String message) {
        try {
            return reader.apply(text);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws with every error found so far, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private <E extends Enum<E>> E parse(String field, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        var names = new ArrayList<String>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        errors.add(new FieldError(field, "must be one of " + String.join(", ", names)));
        return null;
    }

    private String checked(String field, String text, int maxChars) {
        if (text.length() > maxChars) {
            errors.add(new FieldError(field, "must be at most " + maxChars + " characters"));
            return null;
        }
        if (text.codePoints().anyMatch(RequestFields::isLineBreakOrControl)) {
            errors.add(new FieldError(field, NOT_SINGLE_LINE));
            return null;
        }
        // A JSON escape can name half a surrogate pair, which no UTF-8 store or mail can carry.
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            errors.add(new FieldError(field, NOT_UNICODE));
            return null;
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isLineBreakOrControl(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }
}
