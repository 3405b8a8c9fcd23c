package dev.camelsegmind.component.provider.segmind;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.DownloadOptions;
import dev.camelsegmind.component.engine.Failure;
import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobProvider;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobState;
import dev.camelsegmind.component.engine.JobStatus;
import dev.camelsegmind.component.engine.MediaRef;
import dev.camelsegmind.component.engine.SyncAnswer;
import dev.camelsegmind.component.engine.SyncCapable;
import dev.camelsegmind.component.engine.UploadCapable;
import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.component.http.ApiKey;
import dev.camelsegmind.component.http.ApiResponse;
import dev.camelsegmind.component.http.HttpMediaDownloader;
import dev.camelsegmind.component.http.HttpTransport;
import dev.camelsegmind.component.http.KeyPolicy;
import dev.camelsegmind.component.http.MediaDownload;
import dev.camelsegmind.component.http.MediaResponse;
import dev.camelsegmind.component.http.PartFile;
import dev.camelsegmind.component.model.MediaTypes;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.component.support.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segmind's serverless API as a {@link JobProvider}: {@code POST /v2/{model}}, then the {@code status_url} and
 * {@code response_url} exactly as returned, as long as they name a host the key may go to. Also the calls outside the
 * job lifecycle: sync v1, upload-asset and the free credits call.
 */
public final class SegmindJobProvider implements JobProvider, SyncCapable, UploadCapable {

    public static final String ID = "segmind";
    static final String API_KEY_HEADER = "x-api-key";
    private static final Logger LOG = LoggerFactory.getLogger(SegmindJobProvider.class);
    private static final Duration RETENTION = Duration.ofHours(1);

    private final HttpTransport http;
    private final String baseUrl;
    private final URI uploadUrl;
    private final ApiKey apiKey;
    private final ApiKey uploadKey;
    private final Duration requestTimeout;

    /**
     * @param trustedHosts hosts besides the base URL's that may receive the key (a gateway in front of Segmind)
     */
    public SegmindJobProvider(HttpTransport http, String baseUrl, String uploadUrl, String apiKey,
                              Duration requestTimeout, Set<String> trustedHosts) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.uploadUrl = URI.create(uploadUrl);
        KeyPolicy policy = new KeyPolicy(this.baseUrl, trustedHosts);
        this.apiKey = apiKey == null ? null : new ApiKey(API_KEY_HEADER, apiKey, policy);
        // Segmind's upload host is its own, named by the user in option uploadUrl: the key may go there too
        this.uploadKey = apiKey == null ? null : new ApiKey(API_KEY_HEADER, apiKey, new KeyPolicy(uploadUrl,
                trustedHosts));
        this.requestTimeout = requestTimeout;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Segmind";
    }

    @Override
    public CompletableFuture<JobHandle> submit(String model, Map<String, Object> payload) {
        byte[] body = Json.write(payload);
        Instant sentAt = Instant.now();
        CompletableFuture<ApiResponse> sent = http.postJson(URI.create(baseUrl + "/v2/" + model), apiKey, body,
                requestTimeout);
        return HttpTransport.abortsCall(call(CallPhase.SUBMIT, sent, null, model)
                .thenApply(response -> {
                    Map<String, Object> json = tryParse(response);
                    String id = json == null ? null : text(json.get("request_id"));
                    if (id == null) {
                        // a 2xx answer means the job exists and is billed, yet without its id it cannot be followed
                        throw new SegmindSubmitUncertainException("Segmind answered the submit of " + model
                                + " with HTTP " + response.statusCode() + " but " + (json == null
                                ? "the answer is not readable JSON" : "the answer has no request_id") + ", so the job"
                                + " was probably accepted and billed and cannot be followed; it was not retried to"
                                + " avoid paying twice (set retryUncertainSubmit=true to retry anyway)",
                                response.statusCode(), null, null, model);
                    }
                    return new JobHandle(ID, id, model, locatorOf(json, id, model), sentAt);
                }), sent);
    }

    /**
     * The URLs of the answer, when both are there and name a host the key may go to. Otherwise the job is followed by
     * its request id on the API's own host, the documented way to resume a job, and never at a host the answer
     * named: the key would travel with every status read.
     */
    private String locatorOf(Map<String, Object> json, String id, String model) {
        String status = text(json.get("status_url"));
        String result = text(json.get("response_url"));
        if (status == null || result == null) {
            LOG.warn("Segmind's answer for request {} of {} lacks status_url or response_url; following the request"
                    + " id on {}", id, model, apiKey == null ? baseUrl : apiKey.policy().apiHost());
            return null;
        }
        URI s = checked(status, id, model);
        URI r = checked(result, id, model);
        if (apiKey != null && (!apiKey.policy().allows(s) || !apiKey.policy().allows(r))) {
            LOG.warn("Segmind's answer for request {} of {} names status or response URLs on another host ({}); the"
                    + " key is never sent there, so the job is followed by its request id on {} instead (add the host"
                    + " to option trustedHosts if it is really Segmind's)", id, model,
                    SafeText.forMessage(!apiKey.policy().allows(s) ? s.getHost() : r.getHost(), 80),
                    apiKey.policy().apiHost());
            return null;
        }
        return s + " " + r;
    }

    @Override
    public CompletableFuture<JobStatus> status(JobHandle job) {
        CompletableFuture<ApiResponse> sent = http.get(statusUrl(job), apiKey, requestTimeout);
        return HttpTransport.abortsCall(sent
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(SegmindErrors.fromTransport(CallPhase.STATUS, failure,
                                job.requestId(), job.model()));
                    }
                    // a body that names a final state is final whatever the HTTP code (FAILED comes as 422)
                    Map<String, Object> json = response.isJson() ? tryParse(response) : null;
                    if (json != null && json.get("status") != null) {
                        JobState state = JobState.parse(json.get("status"));
                        if (response.isSuccess() || state.isFinal()) {
                            return toStatus(job, json);
                        }
                    }
                    if (response.isSuccess()) {
                        throw new CompletionException(new SegmindProtocolException("Segmind's status answer for "
                                + job.requestId() + " is not the expected JSON", response.statusCode(), null,
                                job.requestId(), job.model(), json == null ? new IOException("unreadable") : null));
                    }
                    throw new CompletionException(SegmindErrors.fromResponse(CallPhase.STATUS, response,
                            job.requestId(), job.model()));
                }), sent);
    }

    @Override
    public CompletableFuture<JobResult> result(JobHandle job) {
        CompletableFuture<ApiResponse> sent = http.get(resultUrl(job), apiKey, requestTimeout);
        return HttpTransport.abortsCall(sent
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(SegmindErrors.fromTransport(CallPhase.RESULT, failure,
                                job.requestId(), job.model()));
                    }
                    Map<String, Object> json = response.isJson() ? tryParse(response) : null;
                    JobState state = json == null ? null : JobState.parse(json.get("status"));
                    if (!response.isSuccess() && (state == null || !state.isFinal())) {
                        throw new CompletionException(SegmindErrors.fromResponse(CallPhase.RESULT, response,
                                job.requestId(), job.model()));
                    }
                    if (json == null) {
                        throw new CompletionException(new SegmindProtocolException("Segmind's result answer is not"
                                + " valid JSON (request " + job.requestId() + ")", response.statusCode(), null,
                                job.requestId(), job.model(), new IOException("unreadable")));
                    }
                    if (state == JobState.FAILED) {
                        throw new CompletionException(SegmindErrors.fromResponse(CallPhase.RESULT,
                                new ApiResponse(422, response.headers(), response.body()), job.requestId(),
                                job.model()));
                    }
                    if (json.get("output") == null && json.get("images") == null && json.get("video") == null) {
                        throw new CompletionException(new SegmindProtocolException("Segmind's result for "
                                + job.requestId() + " carries no output (status " + json.get("status") + ")",
                                response.statusCode(), null, job.requestId(), job.model()));
                    }
                    return new JobResult(job, json, metricsOf(json),
                            OutputExtractor.extract(json, job.requestId(), job.model()), List.of(), false);
                }), sent);
    }

    @Override
    public JobHandle locate(String model, String requestId, String locator, Instant submittedAt) {
        if (locator != null) {
            String[] parts = locator.split(" ");
            try {
                if (parts.length == 2 && apiKey != null && apiKey.policy().allows(URI.create(parts[0]))
                        && apiKey.policy().allows(URI.create(parts[1])) && parts[0].contains(requestId)
                        && parts[1].contains(requestId)) {
                    return new JobHandle(ID, requestId, model, locator, submittedAt);
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed stored URL: follow the id
            }
            LOG.warn("Ignoring stored URLs of request {} that do not belong to it or to {}; following the request id"
                    + " instead", requestId, apiKey == null ? baseUrl : apiKey.policy().apiHost());
        }
        return new JobHandle(ID, requestId, model, null, submittedAt);
    }

    @Override
    public Duration retention() {
        return RETENTION;
    }

    @Override
    public Failure classify(CallPhase phase, Throwable error) {
        return SegmindErrors.classify(phase, error);
    }

    @Override
    public RuntimeException jobFailed(JobHandle job, JobStatus status) {
        return new SegmindJobFailedException("Segmind job " + job.requestId() + " of " + job.model() + " FAILED"
                + (status.detail() != null ? ": " + SafeText.forMessage(status.detail(), 300) : ""), 422,
                status.detail(), job.requestId(), job.model());
    }

    @Override
    public RuntimeException timedOut(JobHandle job, JobState last, Duration timeout) {
        if (job == null) {
            return new SegmindTimeoutException("The Segmind job did not finish within " + timeout.toSeconds()
                    + " s (option timeout): its submit had not been answered", null, null, null);
        }
        return new SegmindTimeoutException("Segmind job " + job.requestId() + " of " + job.model()
                + " did not finish within " + timeout.toSeconds() + " s (option timeout); last status " + last
                + ". It keeps running at Segmind: collect it with operation=await and header CamelSegmindRequestId"
                + " within an hour of submission", job.requestId(), job.model(), last == null ? null : last.name());
    }

    @Override
    public RuntimeException expired(JobHandle job, String why) {
        return new SegmindRequestExpiredException(why, 404, null, job.requestId(), job.model());
    }

    @Override
    public RuntimeException uncertain(String model, String requestId, String why) {
        return new SegmindSubmitUncertainException(why, 0, null, requestId, model);
    }

    /**
     * One blocking-at-the-server v1 call. The answer is raw media or JSON depending on the model. Media is read like
     * a polled job's download: in memory up to {@code inMemoryThreshold}, else streamed to a file in
     * {@code downloadDirectory}, and cut off when it crosses {@code maxMediaSize}; the server may take {@code timeout}
     * to answer, and its body may then go silent for no longer than {@code requestTimeout}.
     */
    @Override
    public CompletableFuture<SyncAnswer> sync(String model, Map<String, Object> payload, Duration timeout,
                                              DownloadOptions media) {
        PartFile part;
        try {
            // created before the call: its answer is billed whether or not it can be kept
            part = PartFile.now(media.directory(), "sync-" + HttpMediaDownloader.safeName(model));
        } catch (IOException e) {
            // before anything is sent: no job exists
            return CompletableFuture.failedFuture(new SegmindDownloadException("Cannot create a download file in "
                    + media.directory() + " (option downloadDirectory): " + e.getMessage(), 0, null, model, false,
                    e));
        }
        CompletableFuture<MediaResponse> sent = http.postForMedia(URI.create(baseUrl + "/v1/" + model),
                apiKey, Json.write(payload), timeout, requestTimeout, media.inMemoryThreshold(), media.maxSize(),
                part);
        return HttpTransport.abortsCall(sent.handle((response, failure) -> {
            try {
                if (failure != null) {
                    throw new CompletionException(SegmindErrors.fromTransport(CallPhase.SYNC, failure, null, model));
                }
                return syncAnswer(model, response, part);
            } finally {
                // moved into place when it became the answer's media; in every other case it must not stay
                part.delete();
            }
        }), sent);
    }

    private SyncAnswer syncAnswer(String model, MediaResponse response, PartFile part) {
        MediaDownload body = response.body();
        byte[] bytes = body.bytes();
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new CompletionException(SegmindErrors.fromResponse(CallPhase.SYNC, new ApiResponse(
                    response.statusCode(), response.headers(), bytes == null ? new byte[0] : bytes), null, model));
        }
        String requestId = response.headers().firstValue("x-request-id")
                .orElseGet(() -> "sync-" + java.util.UUID.randomUUID());
        Map<String, Object> metrics = new java.util.LinkedHashMap<>();
        response.headers().firstValue("x-remaining-credits").ifPresent(v -> metrics.put("remaining_credits", v));
        response.headers().firstValue("x-cost").ifPresent(v -> metrics.put("cost", v));
        response.headers().firstValue("x-generation-time").ifPresent(v -> metrics.put("inference_time", v));
        response.headers().firstValue("x-seed-value").ifPresent(v -> metrics.put("seed_value", v));
        ApiResponse asAnswer = bytes == null ? null : new ApiResponse(response.statusCode(), response.headers(), bytes);
        if (asAnswer == null || !asAnswer.isJson()) {
            if (body.declaredLength() >= 0 && body.received() != body.declaredLength()) {
                throw new CompletionException(new SegmindDownloadException("The sync answer of " + model + " was"
                        + " truncated: " + body.received() + " of " + body.declaredLength() + " bytes; Segmind"
                        + " answered, so the call was billed, and it is not repeated", response.statusCode(),
                        requestId, model, false, null));
            }
            String type = HttpMediaDownloader.contentType(response.headers(), null, null, body);
            try {
                // the id comes from the server: only a sanitised form may name a file
                SegmindMedia kept = HttpMediaDownloader.keep(part, body, null, type,
                        HttpMediaDownloader.safeName(requestId), MediaTypes.extensionFor(type));
                return new SyncAnswer(requestId, metrics, kept, null, List.of(), null);
            } catch (IOException e) {
                throw new CompletionException(new SegmindDownloadException("Cannot move the sync answer of " + model
                        + " into place: " + e.getMessage(), response.statusCode(), requestId, model, false, e));
            }
        }
        Map<String, Object> json = tryParse(asAnswer);
        if (json == null) {
            throw new CompletionException(new SegmindProtocolException("Segmind's sync answer for " + model
                    + " is not valid JSON", response.statusCode(), null, requestId, model));
        }
        Object output = syncOutput(json);
        List<MediaRef> refs = output == null ? List.of()
                : OutputExtractor.extract(Map.of("output", output), requestId, model);
        return new SyncAnswer(requestId, metrics, null, json, refs, output);
    }

    /** Sync JSON answers name their media differently per model; the first of these keys that is present. */
    private static Object syncOutput(Map<String, Object> json) {
        for (String key : new String[] { "output", "images", "image", "video", "audio", "data" }) {
            if (json.get(key) != null) {
                return json.get(key);
            }
        }
        return null;
    }

    /** Uploads local media as data URIs and returns the hosted URLs, in order. */
    @Override
    public CompletableFuture<List<String>> upload(List<String> dataUris, String model) {
        byte[] body = Json.write(Map.of("data_urls", dataUris));
        CompletableFuture<ApiResponse> sent = http.postJson(uploadUrl, uploadKey, body, requestTimeout);
        return HttpTransport.abortsCall(call(CallPhase.UPLOAD, sent, null, model)
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
                }), sent);
    }

    /** The free credits call; used by the health check. */
    public CompletableFuture<Map<String, Object>> credits() {
        CompletableFuture<ApiResponse> sent = http.get(URI.create(baseUrl + "/v1/get-user-credits"), apiKey,
                requestTimeout);
        return HttpTransport.abortsCall(call(CallPhase.CREDITS, sent, null, null)
                .thenApply(r -> parse(r, CallPhase.CREDITS, null, null)), sent);
    }

    public String baseUrl() {
        return baseUrl;
    }

    private URI statusUrl(JobHandle job) {
        return urlOf(job, 0, "/status");
    }

    private URI resultUrl(JobHandle job) {
        return urlOf(job, 1, "");
    }

    /**
     * The status URL ({@code part} 0) or result URL (1) of a job: from its locator when it has one, else from its id
     * on the API host. Only the URL a call needs is parsed: each of a job's reads used to parse both.
     */
    private URI urlOf(JobHandle job, int part, String byIdSuffix) {
        if (job.locator() != null) {
            String[] parts = job.locator().split(" ");
            if (parts.length == 2) {
                return URI.create(parts[part]);
            }
        }
        return URI.create(baseUrl + "/v2/requests/" + job.requestId() + byIdSuffix);
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
        } catch (IOException | RuntimeException e) {
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
