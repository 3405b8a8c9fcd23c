package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /upload-asset}: data URIs in, hosted URLs out. */
final class UploadHandler implements RouteHandler {

    private final SimulatorContext ctx;

    UploadHandler(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Reply handle(Call call) {
        if (!call.hasJsonContentType()) {
            return Replies.unsupportedContentType(call.contentType());
        }
        JsonNode body = Json.parse(call.body());
        if (body == null || !body.isObject()) {
            return Replies.badRequest("Request body must be a JSON object with 'data_urls'");
        }
        JsonNode urls = body.get("data_urls");
        call.payload(abbreviated(body));
        if (urls == null || !urls.isArray() || urls.isEmpty()) {
            return Replies.badRequest("Parameter 'data_urls' must be a non-empty array of data URIs");
        }
        List<DataUri> files = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            Optional<DataUri> uri = DataUri.parse(urls.get(i).isTextual() ? urls.get(i).asText() : null);
            if (uri.isEmpty()) {
                return Replies.badRequest("data_urls[" + i + "] is not a base64 data URI (data:<type>;base64,<data>)");
            }
            files.add(uri.get());
        }
        ObjectNode answer = Json.object();
        ArrayNode fileUrls = answer.putArray("file_urls");
        files.forEach(file -> fileUrls.add(ctx.baseUrl() + "/assets/" + ctx.assets().put(file)));
        return Reply.json(200, answer);
    }

    /** The journal keeps the shape of the upload, not megabytes of base64. */
    private static Map<String, Object> abbreviated(JsonNode body) {
        Map<String, Object> payload = new LinkedHashMap<>(Json.toMap(body));
        Object urls = payload.get("data_urls");
        if (urls instanceof List<?> list) {
            List<Object> shortened = new ArrayList<>();
            list.forEach(item -> shortened.add(abbreviate(item)));
            payload.put("data_urls", shortened);
        }
        return payload;
    }

    /** Keeps the {@code data:<type>;base64,} head and the length. */
    private static Object abbreviate(Object item) {
        if (!(item instanceof String text) || text.length() <= 64) {
            return item;
        }
        int comma = text.indexOf(',');
        String head = text.substring(0, comma >= 0 && comma < 64 ? comma + 1 : 64);
        return head + "<" + text.length() + " chars>";
    }
}
