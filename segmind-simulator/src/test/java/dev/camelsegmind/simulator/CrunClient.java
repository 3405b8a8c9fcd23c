package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The crun routes of one simulator, called as a crun client would, with the simulator's default key unless told. */
final class CrunClient {

    static final String CREATE = "/api/v1/client/job/CreateTask";
    static final String TASK_INFO = "/api/v1/client/job/TaskInfo";

    final SimClient http;

    CrunClient(SegmindSimulator sim) {
        this.http = new SimClient(sim);
    }

    /** A create body for the model with this {@code input} (a JSON object's text) and no callback. */
    static String body(String input) {
        return "{\"model\": \"" + Crun.MODEL + "\", \"input\": " + input + "}";
    }

    static String body(String input, String callbackUrl) {
        return "{\"model\": \"" + Crun.MODEL + "\", \"callback_url\": \"" + callbackUrl + "\", \"input\": " + input + "}";
    }

    HttpResponse<String> post(String json) {
        return http.post(CREATE, json);
    }

    HttpResponse<String> post(String json, String key) {
        return http.post(CREATE, json, b -> b.setHeader("x-api-key", key));
    }

    /** Creates a task and returns its id, failing on anything but code 200. */
    String create(String json) {
        return taskId(post(json));
    }

    String create(String json, String key) {
        return taskId(post(json, key));
    }

    HttpResponse<String> info(String taskId) {
        return http.get(TASK_INFO + "?task_id=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8));
    }

    HttpResponse<String> info(String taskId, String key) {
        return http.send(http.request(TASK_INFO + "?task_id=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8))
                .setHeader("x-api-key", key).GET().build());
    }

    /** The task's {@code data}, failing on anything but code 200. */
    JsonNode data(String taskId) {
        HttpResponse<String> response = info(taskId);
        JsonNode body = SimClient.json(response);
        if (response.statusCode() != 200 || body.path("code").asInt() != 200) {
            throw new AssertionError("TaskInfo answered " + response.statusCode() + ": " + response.body());
        }
        return body.get("data");
    }

    /** Polls TaskInfo until the task is success or failed; returns its data. */
    JsonNode awaitEnd(String taskId) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode data = data(taskId);
            String status = data.get("status").asText();
            if (status.equals("success") || status.equals("failed")) {
                return data;
            }
            SimClient.pause(10);
        }
        throw new AssertionError("task " + taskId + " never ended");
    }

    HttpResponse<String> send(HttpRequest request) {
        return http.send(request);
    }

    private static String taskId(HttpResponse<String> response) {
        JsonNode body = SimClient.json(response);
        if (response.statusCode() != 200 || body.path("code").asInt() != 200) {
            throw new AssertionError("CreateTask answered " + response.statusCode() + ": " + response.body());
        }
        return body.get("data").get("task_id").asText();
    }
}
