package dev.camelsegmind.component.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobProvider;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobState;
import dev.camelsegmind.component.engine.JobStatus;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;

/**
 * Segmind's serverless API as a {@link JobProvider}: {@code POST /v2/{model}}, then the {@code status_url} and
 * {@code response_url} exactly as returned. Also the calls outside the job lifecycle: sync v1, upload-asset and the
 * free credits call.
 */
public final class SegmindJobProvider implements JobProvider {

    private static final Duration RETENTION = Duration.ofHours(1);

    private final SegmindHttpClient http;
    private final String baseUrl;
    private final URI uploadUrl;
    private final String apiKey;
    private final Duration requestTimeout;

    public SegmindJobProvider(SegmindHttpClient http, String baseUrl, String uploadUrl, String apiKey,
                              Duration requestTimeout) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.uploadUrl = URI.create(uploadUrl);
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public CompletableFuture<JobHandle> submit(String model, Map<String, Object> payload) {
        byte[] body = Json.write(payload);
        Instant sentAt = Instant.now();
        return call(CallPhase.SUBMIT, http.postJson(URI.create(baseUrl + "/v2/" + model), apiKey, body, requestTimeout),
                null, model)
                .thenApply(response -> {
                    Map<String, Object> json = tryParse(response);
                    if (json == null) {
                        // a 2xx answer means the job exists and is billed, yet without its id it cannot be followed
                        throw new SegmindSubmitUncertainException("Segmind answered the submit of " + model + " with HTTP "
                                + response.statusCode() + " but the answer is not readable JSON, so the job was"
                                + " probably accepted and billed and cannot be followed; it was not retried to avoid"
                                + " paying twice (set retryUncertainSubmit=true to retry anyway)",
                                response.statusCode(), null, null, model);
                    }
                    String id = text(json.get("request_id"));
                    String status = text(json.get("status_url"));
                    String result = text(json.get("response_url"));
                    if (id == null || status == null || result == null) {
                        throw new SegmindProtocolException("Segmind accepted a job for " + model
                                + " but its answer lacks request_id, status_url or response_url: not polling"
                                + (id != null ? " (request " + id + ")" : ""), response.statusCode(), null, id, model);
                    }
                    return new JobHandle(id, model, checked(status, id, model), checked(result, id, model), sentAt);
                });
    }

    @Override
    public CompletableFuture<JobStatus> status(JobHandle job) {
        return http.get(job.statusUrl(), apiKey, requestTimeout)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(SegmindErrors.fromTransport(CallPhase.STATUS, failure,
                                job.requestId(), job.model()));
                    }
                    // a body that says COMPLETED or FAILED is final whatever the HTTP code (FAILED comes as 422)
                    if (response.isSuccess() || response.statusCode() == 422) {
                        Map<String, Object> json = tryParse(response);
                        if (json != null && json.get("status") != null) {
                            return toStatus(job, json);
                        }
                        if (response.isSuccess()) {
                            throw new CompletionException(new SegmindProtocolException("Segmind's status answer for "
                                    + job.requestId() + " is not the expected JSON", response.statusCode(), null,
                                    job.requestId(), job.model()));
                        }
                    }
                    throw new CompletionException(SegmindErrors.fromResponse(CallPhase.STATUS, response,
                            job.requestId(), job.model()));
                });
    }

    @Override
    public CompletableFuture<JobResult> result(JobHandle job) {
        return call(CallPhase.RESULT, http.get(job.responseUrl(), apiKey, requestTimeout), job.requestId(), job.model())
                .thenApply(response -> {
                    Map<String, Object> json = parse(response, CallPhase.RESULT, job.requestId(), job.model());
                    JobState state = JobState.parse(json.get("status"));
                    if (state == JobState.FAILED) {
                        throw SegmindErrors.fromResponse(CallPhase.RESULT, new ApiResponse(422, response.headers(),
                                response.body()), job.requestId(), job.model());
                    }
                    if (!json.containsKey("output") && !json.containsKey("images") && !json.containsKey("video")) {
                        throw new SegmindProtocolException("Segmind's result for " + job.requestId()
                                + " carries no output (status " + json.get("status") + ")", response.statusCode(), null,
                                job.requestId(), job.model());
                    }
                    return new JobResult(job, json, metricsOf(json),
                            OutputExtractor.extract(json, job.requestId(), job.model()), List.of(), false);
                });
    }

    @Override
    public JobHandle resume(String model, String requestId, Instant submittedAt) {
        return new JobHandle(requestId, model, URI.create(baseUrl + "/v2/requests/" + requestId + "/status"),
                URI.create(baseUrl + "/v2/requests/" + requestId), submittedAt);
    }

    @Override
    public Duration retention() {
        return RETENTION;
    }

    /** One blocking-at-the-server v1 call; the answer is raw media or JSON depending on the model. */
    public CompletableFuture<ApiResponse> sync(String model, Map<String, Object> payload, Duration timeout) {
        return call(CallPhase.SYNC, http.postJson(URI.create(baseUrl + "/v1/" + model), apiKey, Json.write(payload),
                timeout), null, model);
    }

    /** Uploads local media as data URIs and returns the hosted URLs, in order. */
    public CompletableFuture<List<String>> upload(List<String> dataUris, String model) {
        byte[] body = Json.write(Map.of("data_urls", dataUris));
        return call(CallPhase.UPLOAD, http.postJson(uploadUrl, apiKey, body, requestTimeout), null, model)
                .thenApply(response -> {
                    Object urls = parse(response, CallPhase.UPLOAD, null, model).get("file_urls");
                    if (!(urls instanceof List<?> list) || list.size() != dataUris.size()) {
                        throw new SegmindProtocolException("Segmind's upload-asset answer has no file_urls for "
                                + dataUris.size() + " input(s)", response.statusCode(), null, null, model);
                    }
                    List<String> out = new ArrayList<>();
                    for (Object o : list) {
                        out.add(OutputExtractor.checkedUrl(String.valueOf(o), null, model));
                    }
                    return out;
                });
    }

    /** The free credits call; used by the health check. */
    public CompletableFuture<Map<String, Object>> credits() {
        return call(CallPhase.CREDITS, http.get(URI.create(baseUrl + "/v1/get-user-credits"), apiKey, requestTimeout),
                null, null).thenApply(r -> parse(r, CallPhase.CREDITS, null, null));
    }

    public String baseUrl() {
        return baseUrl;
    }

    private CompletableFuture<ApiResponse> call(CallPhase phase, CompletableFuture<ApiResponse> sent, String requestId,
                                                String model) {
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(SegmindErrors.fromTransport(phase, failure, requestId, model));
            }
            if (!response.isSuccess()) {
                throw new CompletionException(SegmindErrors.fromResponse(phase, response, requestId, model));
            }
            return response;
        });
    }

    private static JobStatus toStatus(JobHandle job, Map<String, Object> json) {
        JobState state = JobState.parse(json.get("status"));
        String detail = state == JobState.FAILED ? text(json.get("error")) : null;
        return new JobStatus(job.requestId(), state, detail, metricsOf(json), json);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metricsOf(Map<String, Object> json) {
        Object m = json.get("metrics");
        return m instanceof Map ? (Map<String, Object>) m : Collections.emptyMap();
    }

    private static Map<String, Object> parse(ApiResponse response, CallPhase phase, String requestId, String model) {
        try {
            return Json.parseObject(response.body());
        } catch (IOException e) {
            throw new SegmindProtocolException("Segmind's " + phase.name().toLowerCase() + " answer is not valid JSON"
                    + (requestId != null ? " (request " + requestId + ")" : ""), response.statusCode(), null,
                    requestId, model, e);
        }
    }

    private static Map<String, Object> tryParse(ApiResponse response) {
        try {
            return Json.parseObject(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static URI checked(String url, String requestId, String model) {
        return URI.create(OutputExtractor.checkedUrl(url, requestId, model));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
