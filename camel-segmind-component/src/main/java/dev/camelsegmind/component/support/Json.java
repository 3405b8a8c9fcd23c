package dev.camelsegmind.component.support;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** The one JSON mapper of the component; thread-safe once configured. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /**
     * Every answer of every job is parsed here: a reader resolved once spares each parse resolving the generic type
     * and looking up its deserializer again (TypeFactory showed in the overhead trial's profile).
     */
    private static final ObjectReader MAP_READER = MAPPER.readerFor(MAP);

    private Json() {
    }

    public static Map<String, Object> parseObject(byte[] json) throws IOException {
        return MAP_READER.readValue(json);
    }

    public static Map<String, Object> parseObject(String json) throws IOException {
        return MAP_READER.readValue(json);
    }

    public static Object parseAny(String json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> toMap(Object pojo) {
        return MAPPER.convertValue(pojo, MAP);
    }
}
