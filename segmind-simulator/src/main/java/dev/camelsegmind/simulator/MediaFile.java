package dev.camelsegmind.simulator;

/** A servable file: its MIME type and its streamed bytes. */
record MediaFile(String contentType, Body body) {

    long length() {
        return body.length();
    }
}
