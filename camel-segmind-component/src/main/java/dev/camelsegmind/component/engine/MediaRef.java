package dev.camelsegmind.component.engine;

/**
 * One output of a finished job, before download: a URL to fetch, or inline bytes when the provider answered with
 * base64. The content type and file name are the provider's hints and may be null.
 */
public record MediaRef(String url, byte[] inline, String contentType, String fileName, Long size) {

    public static MediaRef url(String url, String contentType, String fileName, Long size) {
        return new MediaRef(url, null, contentType, fileName, size);
    }

    public static MediaRef inline(byte[] bytes, String contentType) {
        return new MediaRef(null, bytes, contentType, null, (long) bytes.length);
    }
}
