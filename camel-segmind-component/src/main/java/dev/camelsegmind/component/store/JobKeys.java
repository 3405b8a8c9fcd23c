package dev.camelsegmind.component.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import dev.camelsegmind.component.support.Json;

/** Digests that name a job by what it asks for, so the same message maps to the same pending job. */
public final class JobKeys {

    private JobKeys() {
    }

    /**
     * The default job key: the model, the payload with its keys sorted (so field order does not matter) and what
     * identifies the message, so a redelivery of the message maps to its job and a new message with the same content
     * to a job of its own.
     */
    public static String of(String model, Map<String, Object> payload, String messageIdentity) {
        return model + ":" + sha256(model + "\n" + Json.writeString(sorted(payload)) + "\n" + messageIdentity);
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            TreeMap<String, Object> t = new TreeMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> t.put(String.valueOf(k), sorted(v)));
            return t;
        }
        return value;
    }

    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
