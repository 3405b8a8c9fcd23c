package dev.camelsegmind.component.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter of a Segmind model as its page documents it, with the endpoint option and message header that set
 * it. Constraints that a page does not state are left open: an empty {@code allowed} list means any value, and null
 * bounds mean no bound.
 *
 * @param name      the API's own (snake_case) name, sent as the JSON key
 * @param option    the camelCase endpoint option
 * @param header    the message header, {@code CamelSegmind} + the capitalised option
 * @param type      how the value is checked
 * @param required  whether the request must carry it
 * @param allowed   the only values accepted, compared as text; empty when any value is accepted
 * @param min       the smallest whole number accepted, or null
 * @param max       the largest whole number accepted, or null
 * @param maxLength the longest text accepted, or null
 */
public record ParameterSpec(String name, String option, String header, ParameterType type, boolean required,
                            List<String> allowed, Long min, Long max, Integer maxLength) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** An optional parameter without constraints, its option and header derived from the API name. */
    public static ParameterSpec of(String name, ParameterType type) {
        String option = optionFor(name);
        return new ParameterSpec(name, option, headerFor(option), type, false, List.of(), null, null, null);
    }

    public ParameterSpec asRequired() {
        return new ParameterSpec(name, option, header, type, true, allowed, min, max, maxLength);
    }

    public ParameterSpec withAllowed(String... values) {
        return new ParameterSpec(name, option, header, type, required, List.of(values), min, max, maxLength);
    }

    public ParameterSpec withRange(long min, long max) {
        return new ParameterSpec(name, option, header, type, required, allowed, min, max, maxLength);
    }

    public ParameterSpec withMaxLength(int maxLength) {
        return new ParameterSpec(name, option, header, type, required, allowed, min, max, maxLength);
    }

    /** The endpoint option for an API name: {@code negative_prompt} becomes {@code negativePrompt}. */
    public static String optionFor(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** The header for an endpoint option: {@code lastFrame} becomes {@code CamelSegmindLastFrame}. */
    public static String headerFor(String option) {
        if (option.isEmpty()) {
            return "CamelSegmind";
        }
        return "CamelSegmind" + option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
    }
}
