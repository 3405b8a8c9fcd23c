package dev.camelsegmind.component;

import java.util.Map;

/**
 * One message's request, resolved from headers, body, endpoint and component before any call: operation, model,
 * payload, and input media still to be inlined or uploaded.
 *
 * @param timingClass the payload's values of the parameters that drive the model's render time (see
 *                    {@link dev.camelsegmind.component.model.ModelSpec#timingClass}), or null
 */
record SegmindRequest(SegmindOperation operation, String model, Map<String, Object> payload, InputMedia media,
                      String requestId, SegmindOutputType outputType, String jobKey, String timingClass) {

    /** What is left to know once the job is sent: its payload and input media are not kept while it waits. */
    SegmindRequest withoutInputs() {
        return payload.isEmpty() && media == null ? this
                : new SegmindRequest(operation, model, Map.of(), null, requestId, outputType, jobKey,
                        timingClass);
    }

    /** Media from the message body, bound for one model parameter. */
    record InputMedia(String parameter, String contentType, byte[] bytes) {
        String dataUri() {
            return "data:" + contentType + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
        }
    }
}
