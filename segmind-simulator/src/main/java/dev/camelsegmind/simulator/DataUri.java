package dev.camelsegmind.simulator;

import java.util.Base64;
import java.util.Optional;

/** {@code data:<type>[;param]*;base64,<data>}, the only form Segmind's upload endpoint documents. */
record DataUri(String mediaType, byte[] bytes) {

    static Optional<DataUri> parse(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, "data:", 0, 5)) {
            return Optional.empty();
        }
        int comma = uri.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String meta = uri.substring(5, comma);
        if (!meta.toLowerCase(java.util.Locale.ROOT).endsWith(";base64")) {
            return Optional.empty();
        }
        String type = MediaTypes.baseType(meta.substring(0, meta.indexOf(';')));
        if (!type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(uri.substring(comma + 1));
            return bytes.length == 0 ? Optional.empty() : Optional.of(new DataUri(type, bytes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
