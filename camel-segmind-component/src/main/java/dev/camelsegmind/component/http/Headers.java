package dev.camelsegmind.component.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * An answer's headers, as read: names without regard to case, values in the order they came. The layer's own type,
 * so no caller depends on the HTTP client underneath.
 */
public final class Headers {

    private static final Headers NONE = new Headers(Map.of());

    private final Map<String, List<String>> values;

    private Headers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The headers from name-value pairs (a name may repeat); for answers and tests. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>(1)).add(namesAndValues[i + 1]);
        }
        return map.isEmpty() ? NONE : new Headers(Collections.unmodifiableMap(map));
    }

    static Headers of(org.apache.hc.core5.http.Header[] headers) {
        if (headers.length == 0) {
            return NONE;
        }
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (org.apache.hc.core5.http.Header h : headers) {
            map.computeIfAbsent(h.getName(), k -> new ArrayList<>(1)).add(h.getValue());
        }
        return new Headers(Collections.unmodifiableMap(map));
    }

    public Optional<String> firstValue(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
    }

    /** The first value as a number; empty when absent or not a number. */
    public OptionalLong firstValueAsLong(String name) {
        Optional<String> v = firstValue(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public List<String> allValues(String name) {
        List<String> v = values.get(name);
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    /** Every header, names as they came; for logs and tests. */
    public Map<String, List<String>> map() {
        return values;
    }

    @Override
    public String toString() {
        return values.keySet().toString().toLowerCase(Locale.ROOT);
    }
}
