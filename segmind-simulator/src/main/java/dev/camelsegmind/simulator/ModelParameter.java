package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One documented parameter of a model: its type, whether it is required, its allowed values or
 * range, and the default the model applies when it is absent. The seed models' parameters are
 * copied from their pages; a test can give a model of its own some:
 * <pre>{@code
 * sim.model("my-upscaler")
 *    .parameter(ModelParameter.uri("image").required())
 *    .parameter(ModelParameter.integer("scale").range(2, 4).defaultValue(2));
 * }</pre>
 * A JSON {@code null} counts as absent, because Segmind's pages give {@code null} as the default
 * for several parameters. Unknown parameters are never refused: Segmind forwards them.
 */
public final class ModelParameter {

    /** The value types Segmind's pages name. */
    public enum Type {
        /** Text. */
        STRING,
        /** "string (uri)": a URL, a data URI or bare base64; some models take a list of them. */
        URI,
        /** A whole number; a whole-valued float such as {@code 5.0} passes, the string {@code "5"} does not. */
        INTEGER,
        /** Any JSON number. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN
    }

    private final String name;
    private final Type type;
    private final boolean required;
    private final Object defaultValue;
    private final List<Object> allowed;
    private final Double min;
    private final Double max;
    private final boolean numericStrings;

    private ModelParameter(String name, Type type, boolean required, Object defaultValue, List<Object> allowed,
            Double min, Double max, boolean numericStrings) {
        this.name = name;
        this.type = type;
        this.required = required;
        this.defaultValue = defaultValue;
        this.allowed = allowed;
        this.min = min;
        this.max = max;
        this.numericStrings = numericStrings;
    }

    public static ModelParameter of(String name, Type type) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        return new ModelParameter(name, Objects.requireNonNull(type, "type"), false, null, List.of(), null, null,
                false);
    }

    public static ModelParameter string(String name) {
        return of(name, Type.STRING);
    }

    public static ModelParameter uri(String name) {
        return of(name, Type.URI);
    }

    public static ModelParameter integer(String name) {
        return of(name, Type.INTEGER);
    }

    public static ModelParameter number(String name) {
        return of(name, Type.NUMBER);
    }

    public static ModelParameter bool(String name) {
        return of(name, Type.BOOLEAN);
    }

    /** Refuses a request without it (or with {@code null}, or a blank string). */
    public ModelParameter required() {
        return new ModelParameter(name, type, true, defaultValue, allowed, min, max, numericStrings);
    }

    /** The value the model uses when the request leaves the parameter out. */
    public ModelParameter defaultValue(Object value) {
        return new ModelParameter(name, type, required, value, allowed, min, max, numericStrings);
    }

    /** The only values accepted (compared as JSON text and numbers). */
    public ModelParameter oneOf(Object... values) {
        List<Object> list = new ArrayList<>();
        Collections.addAll(list, values);
        return new ModelParameter(name, type, required, defaultValue, List.copyOf(list), min, max, numericStrings);
    }

    /** Inclusive bounds for INTEGER and NUMBER parameters. */
    public ModelParameter range(double minimum, double maximum) {
        if (minimum > maximum) {
            throw new IllegalArgumentException("range minimum above maximum for " + name);
        }
        return new ModelParameter(name, type, required, defaultValue, allowed, minimum, maximum, numericStrings);
    }

    /** Also accepts a number written as a string, e.g. wan2.1's {@code "resolution": "720"} in its own example. */
    public ModelParameter acceptingNumericStrings() {
        return new ModelParameter(name, type, required, defaultValue, allowed, min, max, true);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    public List<Object> allowedValues() {
        return allowed;
    }

    public Optional<Double> minimum() {
        return Optional.ofNullable(min);
    }

    public Optional<Double> maximum() {
        return Optional.ofNullable(max);
    }

    /** An error message naming the parameter, or empty when the payload satisfies it. */
    Optional<String> check(JsonNode payload) {
        JsonNode value = payload.get(name);
        if (value == null || value.isNull()) {
            return required && defaultValue == null
                    ? Optional.of("Missing required parameter '" + name + "'") : Optional.empty();
        }
        return ParameterChecks.check(this, value, numericStrings);
    }

    @Override
    public String toString() {
        return name + ":" + type + (required ? " required" : "") + (defaultValue == null ? "" : " =" + defaultValue);
    }
}
