package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which disabled feature (see {@link Crun#disableFeatures}) a create request uses, if any. */
final class CrunFeatures {

    private CrunFeatures() {
    }

    static Optional<String> disabledIn(JsonNode body, Set<String> disabled, List<String> imageFields) {
        if (disabled.isEmpty()) {
            return Optional.empty();
        }
        if (disabled.contains("callback_url") && used(body.get("callback_url"))) {
            return Optional.of("callback_url");
        }
        JsonNode input = body.get("input");
        for (String name : disabled) {
            if (used(input.get(name))) {
                return Optional.of(name);
            }
        }
        if (disabled.contains("input_urls")) {
            for (String name : imageFields) {
                if (used(input.get(name))) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean used(JsonNode value) {
        return value != null && !value.isNull() && !(value.isBoolean() && !value.booleanValue());
    }
}
