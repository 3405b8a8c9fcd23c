package dev.camelsegmind.component.http;

/**
 * The answer to a download or a sync call: its status and headers, and the body as {@link MediaDownload} read it
 * (media in memory or in a file, an error or a JSON answer in memory).
 */
public record MediaResponse(int statusCode, Headers headers, MediaDownload body) {
}
