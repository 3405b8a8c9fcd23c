package dev.camelsegmind.component;

/** What the message body holds after a job finishes. */
public enum SegmindOutputType {
    /** The media itself ({@code SegmindMedia}, or a {@code List} of them for image sets). */
    media,
    /** The output URL (or a {@code List} of URLs); nothing is downloaded. */
    url,
    /** The whole result as a {@code Map}. */
    json
}
