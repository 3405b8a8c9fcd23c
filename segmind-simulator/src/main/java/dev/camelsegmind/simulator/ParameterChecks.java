package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The type, value and range checks behind {@link ModelParameter}, worded to name the parameter as Segmind's 400s do. */
final class ParameterChecks {

    private ParameterChecks() {
    }

    static Optional<String> check(ModelParameter p, JsonNode value, boolean numericStrings) {
        String name = p.name();
        switch (p.type()) {
            case STRING:
                if (!value.isTextual() || (p.isRequired() && value.asText().isBlank())) {
                    return Optional.of("Parameter '" + name + "' must be a non-empty string");
                }
                return allowedText(p, value);
            case URI:
                return uri(name, value, p.isRequired());
            case BOOLEAN:
                return value.isBoolean() ? Optional.empty()
                        : Optional.of("Parameter '" + name + "' must be a boolean (true or false), got " + value);
            case INTEGER:
            case NUMBER:
                return number(p, value, numericStrings);
            default:
                throw new IllegalStateException(String.valueOf(p.type()));
        }
    }

    private static Optional<String> allowedText(ModelParameter p, JsonNode value) {
        List<Object> allowed = p.allowedValues();
        if (allowed.isEmpty() || allowed.contains(value.asText())) {
            return Optional.empty();
        }
        return Optional.of("Invalid value " + value + " for parameter '" + p.name() + "': allowed values are "
                + allowed.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    private static Optional<String> uri(String name, JsonNode value, boolean required) {
        if (value.isTextual() && !(required && value.asText().isBlank())) {
            return Optional.empty();
        }
        if (value.isArray() && !value.isEmpty()) {
            for (JsonNode item : value) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    return Optional.of("Parameter '" + name + "' must be a URL or a list of URLs, got " + item);
                }
            }
            return Optional.empty();
        }
        return Optional.of("Parameter '" + name + "' must be a non-empty string (a URL or base64 data)");
    }

    private static Optional<String> number(ModelParameter p, JsonNode value, boolean numericStrings) {
        Double number = numeric(value, p.type() == ModelParameter.Type.INTEGER, numericStrings);
        boolean inRange = number != null && p.minimum().map(min -> number >= min).orElse(true)
                && p.maximum().map(max -> number <= max).orElse(true);
        boolean listed = number != null && (p.allowedValues().isEmpty()
                || p.allowedValues().stream().anyMatch(a -> a instanceof Number n && n.doubleValue() == number));
        if (inRange && listed) {
            return Optional.empty();
        }
        if (!p.allowedValues().isEmpty()) {
            return Optional.of("Invalid value " + value + " for parameter '" + p.name() + "': allowed values are "
                    + p.allowedValues().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        String kind = p.type() == ModelParameter.Type.INTEGER ? "an integer" : "a number";
        if (p.minimum().isPresent() && p.maximum().isPresent()) {
            return Optional.of("Parameter '" + p.name() + "' must be " + kind + " between " + plain(p.minimum().get())
                    + " and " + plain(p.maximum().get()) + ", got " + value);
        }
        return Optional.of("Parameter '" + p.name() + "' must be " + kind + ", got " + value);
    }

    private static Double numeric(JsonNode value, boolean integral, boolean numericStrings) {
        if (value.isNumber()) {
            double d = value.asDouble();
            if (Double.isInfinite(d) || Double.isNaN(d)) {
                return null;
            }
            if (integral && (value.isIntegralNumber() ? !value.canConvertToLong() : d != Math.rint(d))) {
                return null;
            }
            return d;
        }
        if (numericStrings && value.isTextual()) {
            try {
                double d = Double.parseDouble(value.asText().trim());
                return integral && d != Math.rint(d) ? null : d;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
