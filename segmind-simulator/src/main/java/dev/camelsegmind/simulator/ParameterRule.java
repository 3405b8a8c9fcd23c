package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * One documented constraint on one parameter. A JSON {@code null} counts as absent for optional
 * parameters, because Segmind's pages give {@code null} as the default for several of them.
 */
interface ParameterRule {

    /** An error message naming the parameter, or empty when the payload satisfies the rule. */
    Optional<String> check(JsonNode payload);

    static ParameterRule requiredString(String name) {
        return payload -> {
            JsonNode value = payload.get(name);
            if (value == null || value.isNull()) {
                return Optional.of("Missing required parameter '" + name + "'");
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                return Optional.of("Parameter '" + name + "' must be a non-empty string");
            }
            return Optional.empty();
        };
    }

    static ParameterRule oneOf(String name, String... allowed) {
        List<String> values = List.of(allowed);
        return payload -> {
            JsonNode value = present(payload, name);
            if (value == null || (value.isTextual() && values.contains(value.asText()))) {
                return Optional.empty();
            }
            return Optional.of("Invalid value " + value + " for parameter '" + name + "': allowed values are "
                    + String.join(", ", values));
        };
    }

    static ParameterRule integerBetween(String name, long min, long max) {
        return payload -> {
            JsonNode value = present(payload, name);
            if (value == null || (isIntegral(value) && value.asLong() >= min && value.asLong() <= max)) {
                return Optional.empty();
            }
            return Optional.of("Parameter '" + name + "' must be an integer between " + min + " and " + max
                    + ", got " + value);
        };
    }

    /** Whole numbers given either as JSON numbers or as numeric strings, e.g. wan2.1's resolution {@code "720"}. */
    static ParameterRule integerOneOf(String name, long... allowed) {
        return payload -> {
            JsonNode value = present(payload, name);
            if (value == null) {
                return Optional.empty();
            }
            Long number = isIntegral(value) ? Long.valueOf(value.asLong()) : numericString(value);
            if (number != null) {
                for (long a : allowed) {
                    if (a == number) {
                        return Optional.empty();
                    }
                }
            }
            StringBuilder list = new StringBuilder();
            for (long a : allowed) {
                list.append(list.length() == 0 ? "" : ", ").append(a);
            }
            return Optional.of("Invalid value " + value + " for parameter '" + name + "': allowed values are " + list);
        };
    }

    static ParameterRule bool(String name) {
        return payload -> {
            JsonNode value = present(payload, name);
            if (value == null || value.isBoolean()) {
                return Optional.empty();
            }
            return Optional.of("Parameter '" + name + "' must be a boolean (true or false), got " + value);
        };
    }

    private static JsonNode present(JsonNode payload, String name) {
        JsonNode value = payload.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A whole-valued float such as 5.0 passes, as lax validators usually allow; the string "5" does not. */
    private static boolean isIntegral(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.canConvertToLong();
        }
        return value.isFloatingPointNumber() && value.asDouble() == Math.rint(value.asDouble())
                && !Double.isInfinite(value.asDouble());
    }

    private static Long numericString(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Long.valueOf(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
