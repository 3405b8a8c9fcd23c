package dev.camelsegmind.simulator;

import com.sun.net.httpserver.Headers;

import java.util.List;
import java.util.Set;

/** The accepted keys. Segmind reads only {@code x-api-key}; a Bearer token alone is refused. */
final class ApiKeys {

    enum Verdict { ACCEPTED, MISSING, BEARER_ONLY, INVALID }

    /** The verdict, and for an accepted request the key it carried (the account to bill and rate-limit). */
    record Check(Verdict verdict, String key) {
    }

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

    List<String> all() {
        return keys;
    }

    boolean accepts(String key) {
        return key != null && accepted.contains(key);
    }

    Check check(Headers headers) {
        String key = headers.getFirst("x-api-key");
        if (key == null || key.isBlank()) {
            String authorization = headers.getFirst("Authorization");
            return new Check(authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? Verdict.BEARER_ONLY : Verdict.MISSING, null);
        }
        String trimmed = key.trim();
        return accepted.contains(trimmed) ? new Check(Verdict.ACCEPTED, trimmed) : new Check(Verdict.INVALID, null);
    }

    /** How a key appears in the journal: enough to tell two keys apart, never enough to use one. */
    static String mask(String key) {
        if (key == null) {
            return null;
        }
        String trimmed = key.trim();
        return trimmed.length() <= 8 ? "****" : "****" + trimmed.substring(trimmed.length() - 4);
    }
}
