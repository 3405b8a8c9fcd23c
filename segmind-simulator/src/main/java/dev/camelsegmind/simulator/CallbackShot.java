package dev.camelsegmind.simulator;

import java.net.URI;
import java.util.Map;

/**
 * One POST of a callback sequence.
 *
 * @param url      where it goes
 * @param body     the JSON sent
 * @param payload  the body as the journal shows it (padding abbreviated)
 * @param taskId   the task the body is about (not always the task whose URL it is: see forged tasks)
 * @param tag      the journal's label: the fault's, or {@code null} for a plain callback
 * @param genuine  the task's own callback (retried on failure, releases reordered ones), not a forgery or copy
 * @param attempt  0 for the first send, n for the n-th retry
 */
record CallbackShot(URI url, byte[] body, Map<String, Object> payload, String taskId, String tag, boolean genuine,
        int attempt) {

    CallbackShot retry() {
        return new CallbackShot(url, body, payload, taskId, tag, genuine, attempt + 1);
    }

    CallbackShot copy(String copyTag) {
        return new CallbackShot(url, body, payload, taskId, copyTag, false, 0);
    }

    String journalTag() {
        if (attempt == 0) {
            return tag;
        }
        return (tag == null ? "" : tag + ",") + "retry:" + attempt;
    }
}
