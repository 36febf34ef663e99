package org.abusedesk.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A function's environment variables, read once; a missing one is named in the error. */
public record Environment(Map<String, String> variables) {

    public Environment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables == null"));
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public BigDecimal requireDecimal(String name) {
        String value = require(name);
        try {
            var parsed = new BigDecimal(value.strip());
            if (parsed.signum() >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new IllegalStateException("environment variable " + name + " must be a decimal number >= 0: " + value);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    public int requirePositiveInt(String name) {
        return requireInt(name, 1, "a positive whole number");
    }

    public int requireNonNegativeInt(String name) {
        return requireInt(name, 0, "0 or a positive whole number");
    }

    private int requireInt(String name, int minimum, String description) {
        String value = require(name);
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new IllegalStateException("environment variable " + name + " must be " + description + ": " + value);
    }
}
