package dev.camelsegmind.component.engine;

import java.util.List;
import java.util.Map;

/**
 * The answer of a sync call: the media itself when the provider answered with raw bytes, else its JSON with the
 * outputs found in it.
 *
 * @param media   the answer's body when it was media, else null
 * @param json    the answer when it was JSON, else null
 * @param outputs media references found in the JSON, to download
 * @param output  the JSON's output value, for models whose output is not media
 */
public record SyncAnswer(String requestId, Map<String, Object> metrics, FetchedMedia media, Map<String, Object> json,
                         List<MediaRef> outputs, Object output) {
}
