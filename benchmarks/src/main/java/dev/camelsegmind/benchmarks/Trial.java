package dev.camelsegmind.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one trial runs, passed to its JVM as {@code key=value} arguments. */
final class Trial {

    final Map<String, String> values = new LinkedHashMap<>();

    Trial set(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("trial argument " + key + " missing");
        }
        return v;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int integer(String key) {
        return Integer.parseInt(get(key));
    }

    double number(String key) {
        return Double.parseDouble(get(key));
    }

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        values.forEach((k, v) -> args.add(k + "=" + v));
        return args;
    }

    static Trial parse(String[] args) {
        Trial t = new Trial();
        for (String a : args) {
            int eq = a.indexOf('=');
            t.values.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return t;
    }

    @Override
    public String toString() {
        return values.get("scenario") + "/" + values.get("contender") + "/" + values.get("n");
    }
}
