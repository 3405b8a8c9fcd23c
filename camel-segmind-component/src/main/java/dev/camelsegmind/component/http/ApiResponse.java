package dev.camelsegmind.component.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One HTTP answer, fully read: small JSON bodies only (media goes through {@link MediaDownload}). */
public record ApiResponse(int statusCode, Headers headers, byte[] body) {

    public String contentType() {
        return headers.firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
    }

    public boolean isJson() {
        String ct = contentType();
        return ct.contains("json") || (ct.isEmpty() && body.length > 0 && (body[0] == '{' || body[0] == '['));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }
}
