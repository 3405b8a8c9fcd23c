package dev.camelsegmind.simulator;

/**
 * The forms Segmind's {@code output} field has been seen (or is feared) to take, so a client can
 * be tested against each of them.
 */
public enum OutputShape {
    /** {@code "output": "https://.../0.png"}: the common case; only the first output is named. */
    URL_STRING,
    /** {@code "output": ["https://...", ...]}. */
    URL_LIST,
    /** {@code "output": {"url": ..., "content_type": ...}}, or a list of those when several. */
    OBJECT,
    /** {@code "output"} is the first URL and {@code "images"} lists all of them. */
    IMAGES_FIELD,
    /** {@code "output"} is the URL and {@code "video"} describes it (url, content_type, file_name, file_size, last_frame_url). */
    VIDEO_FIELD,
    /** {@code "output": "[\"https://...\"]"}: a list of URLs encoded as a JSON string, as LLM-style models do. */
    JSON_STRING
}
