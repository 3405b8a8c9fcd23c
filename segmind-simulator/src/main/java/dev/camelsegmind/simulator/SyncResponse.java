package dev.camelsegmind.simulator;

/** How a model answers on the blocking v1 route; Segmind's older models send bytes, newer ones JSON. */
public enum SyncResponse {
    /** The media itself, with its own Content-Type. */
    RAW_BYTES,
    /** {@code {"image": "<base64>"}} (or {@code "video"}/{@code "audio"} by media type). */
    JSON
}
