package dev.camelsegmind.simulator;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code {"image":"<base64>"}} encoded on the fly, so a JSON sync answer for a large padded file
 * streams like the raw one instead of being built in memory.
 */
final class Base64JsonBody implements Body {

    private final byte[] prefix;
    private final byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
    private final Body media;

    Base64JsonBody(String field, Body media) {
        this.prefix = ("{\"" + field + "\":\"").getBytes(StandardCharsets.US_ASCII);
        this.media = media;
    }

    @Override
    public long length() {
        return prefix.length + 4 * ((media.length() + 2) / 3) + suffix.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(prefix);
        // Closing the encoder writes the final padding; the shield keeps it from closing the response.
        try (OutputStream encoder = Base64.getEncoder().wrap(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        })) {
            media.writeTo(encoder);
        }
        out.write(suffix);
    }
}
