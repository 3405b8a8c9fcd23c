package dev.camelsegmind.simulator;

import com.sun.net.httpserver.Headers;

import java.util.List;
import java.util.Set;

/** The accepted keys. Segmind reads only {@code x-api-key}; a Bearer token alone is refused. */
final class ApiKeys {

    enum Verdict { ACCEPTED, MISSING, BEARER_ONLY, INVALID }

    private final List<String> keys;
    private final Set<String> accepted;

    ApiKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is needed");
        }
        this.keys = List.copyOf(keys);
        this.accepted = Set.copyOf(keys);
    }

    String first() {
        return keys.get(0);
    }

    Verdict check(Headers headers) {
        String key = headers.getFirst("x-api-key");
        if (key == null || key.isBlank()) {
            String authorization = headers.getFirst("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? Verdict.BEARER_ONLY : Verdict.MISSING;
        }
        return accepted.contains(key.trim()) ? Verdict.ACCEPTED : Verdict.INVALID;
    }
}
