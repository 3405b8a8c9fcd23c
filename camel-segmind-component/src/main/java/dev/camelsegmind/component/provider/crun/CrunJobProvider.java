package dev.camelsegmind.component.provider.crun;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.Failure;
import dev.camelsegmind.component.engine.FailureKind;
import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobProvider;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobState;
import dev.camelsegmind.component.engine.JobStatus;
import dev.camelsegmind.component.engine.MediaRef;
import dev.camelsegmind.component.engine.PayloadRules;
import dev.camelsegmind.component.engine.UploadCapable;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.component.http.ApiKey;
import dev.camelsegmind.component.http.ApiResponse;
import dev.camelsegmind.component.http.HttpTransport;
import dev.camelsegmind.component.http.KeyPolicy;
import dev.camelsegmind.component.model.MediaTypes;
import dev.camelsegmind.component.model.ModelCatalog;
import dev.camelsegmind.component.model.ModelSpec;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.support.Json;
import dev.camelsegmind.component.support.Numbers;

/**
 * crun.ai's task API as a {@link JobProvider}: {@code CreateTask} with the model, its input and, when callbacks are
 * on, a callback URL of this task's own; {@code TaskInfo} for the status, whose successful reading already carries
 * the media URLs, so the result costs no second call. The key goes to crun's host only. A callback only shortens the
 * wait: {@link #pushWindow} holds the first status read back while one is expected, and the engine reads the task
 * when it comes.
 */
public final class CrunJobProvider implements JobProvider, PayloadRules, UploadCapable {

    public static final String ID = "crun";
    static final String CREATE_PATH = "/api/v1/client/job/CreateTask";
    static final String INFO_PATH = "/api/v1/client/job/TaskInfo";
    static final String API_KEY_HEADER = "x-api-key";
    /** crun's models by the component's slugs: the same model as on Segmind, under crun's name. */
    static final Map<String, String> MODELS = Map.of("wan2.7-image-pro", "wan/2-7-image-pro");
    /** Unconfirmed: crun states no retention; the simulator, like Segmind, keeps tasks an hour. */
    public static final Duration RETENTION = Duration.ofHours(1);
    /** A callback is awaited this many times the model's typical duration before polling starts after all. */
    static final int WINDOW_FACTOR = 2;
    static final Duration MIN_WINDOW = Duration.ofSeconds(30);
    /** Finished readings kept for the result call, bounded for status reads whose result is never fetched. */
    private static final int MAX_FINISHED = 1024;

    private final HttpTransport http;
    private final CrunSettings settings;
    private final ApiKey apiKey;
    private final CrunCallbacks callbacks;
    private final UploadCapable uploads;
    private final Map<String, Map<String, Object>> finished = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > MAX_FINISHED;
        }
    };

    /**
     * @param callbacks where callback URLs are registered, or null to poll only
     * @param uploads   hosts body media for a task (Segmind's upload-asset), or null when option uploadInputs is off
     */
    public CrunJobProvider(HttpTransport http, CrunSettings settings, CrunCallbacks callbacks, UploadCapable uploads) {
        this.http = http;
        this.settings = settings;
        this.apiKey = settings.apiKey() == null ? null : new ApiKey(API_KEY_HEADER, settings.apiKey(),
                new KeyPolicy(settings.baseUrl(), java.util.Set.of()));
        this.callbacks = settings.callbackUrl() == null ? null : callbacks;
        this.uploads = uploads;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return CrunErrors.NAME;
    }

    @Override
    public void check(String model, Map<String, Object> payload) {
        crunModel(model);
        new CrunInputs(model, uploads != null).normalise(payload);
    }

    @Override
    public CompletableFuture<JobHandle> submit(String model, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("model", crunModel(model));
            // checked again here without the upload allowance: a data URI left in the payload is never sent
            body.put("input", CrunInputs.wire(new CrunInputs(model, false).normalise(payload), settings.fieldNames()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CrunCallbacks.Registration registration = callbacks == null ? null : callbacks.register();
        if (registration != null) {
            body.put("callback_url", registration.url(settings.callbackUrl()));
        }
        Instant sentAt = Instant.now();
        return http.postJson(URI.create(settings.baseUrl() + CREATE_PATH), apiKey, Json.write(body),
                        settings.requestTimeout())
                .handle((response, failure) -> {
                    try {
                        String taskId = taskIdOf(model, failure, response);
                        if (registration != null) {
                            callbacks.bind(registration, taskId);
                        }
                        return new JobHandle(ID, taskId, model, null, sentAt);
                    } catch (RuntimeException e) {
                        if (registration != null) {
                            if (classify(CallPhase.SUBMIT, e).kind() == FailureKind.UNCERTAIN) {
                                callbacks.uncertain(registration);
                            } else {
                                callbacks.forget(registration);
                            }
                        }
                        throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                    }
                });
    }

    private static String taskIdOf(String model, Throwable failure, ApiResponse response) {
        if (failure != null) {
            throw CrunErrors.fromTransport(CallPhase.SUBMIT, failure, null, model);
        }
        Map<String, Object> data = CrunErrors.data(CallPhase.SUBMIT, response, null, model);
        Object id = data == null ? null : data.get("task_id");
        if (!(id instanceof String taskId) || taskId.isBlank()) {
            throw new SegmindSubmitUncertainException(CrunErrors.NAME + " accepted the CreateTask of " + model
                    + " but its answer has no task_id, so the task was probably created and billed and cannot be"
                    + " followed; it was not sent again to avoid paying twice", response.statusCode(), null, null,
                    model);
        }
        return taskId;
    }

    @Override
    public CompletableFuture<JobStatus> status(JobHandle job) {
        return taskInfo(job, CallPhase.STATUS).thenApply(data -> {
            JobState state = JobState.parse(data.get("status"));
            if (state == JobState.COMPLETED) {
                synchronized (finished) {
                    finished.put(job.requestId(), data);
                }
            }
            return new JobStatus(job.requestId(), state, state == JobState.FAILED ? failureOf(data) : null,
                    metricsOf(data), data);
        });
    }

    /** The successful status reading's data, or one more TaskInfo when there was none (a resumed job, say). */
    @Override
    public CompletableFuture<JobResult> result(JobHandle job) {
        Map<String, Object> known;
        synchronized (finished) {
            known = finished.remove(job.requestId());
        }
        CompletableFuture<Map<String, Object>> data = known != null ? CompletableFuture.completedFuture(known)
                : taskInfo(job, CallPhase.RESULT);
        return data.thenApply(d -> {
            JobState state = JobState.parse(d.get("status"));
            if (state == JobState.FAILED) {
                throw jobFailed(job, new JobStatus(job.requestId(), state, failureOf(d), metricsOf(d), d));
            }
            if (state != JobState.COMPLETED) {
                throw new SegmindProtocolException(CrunErrors.NAME + " shows task " + job.requestId() + " as "
                        + SafeText.forMessage(d.get("status"), 20) + " when its result was read", 0, null,
                        job.requestId(), job.model());
            }
            if (callbacks != null) {
                callbacks.finished(job.requestId());
            }
            return new JobResult(job, d, metricsOf(d), mediaOf(job, d), List.of(), false);
        });
    }

    private CompletableFuture<Map<String, Object>> taskInfo(JobHandle job, CallPhase phase) {
        URI uri = URI.create(settings.baseUrl() + INFO_PATH + "?task_id="
                + URLEncoder.encode(job.requestId(), StandardCharsets.UTF_8));
        return http.get(uri, apiKey, settings.requestTimeout()).handle((response, failure) -> {
            if (failure != null) {
                throw CrunErrors.fromTransport(phase, failure, job.requestId(), job.model());
            }
            Map<String, Object> data = CrunErrors.data(phase, response, job.requestId(), job.model());
            if (data == null || data.get("status") == null) {
                throw new SegmindProtocolException(CrunErrors.NAME + "'s TaskInfo for " + job.requestId()
                        + " has no data.status", response.statusCode(), null, job.requestId(), job.model());
            }
            Object id = data.get("task_id");
            if (id != null && !job.requestId().equals(id.toString())) {
                throw new SegmindProtocolException(CrunErrors.NAME + "'s TaskInfo for " + job.requestId()
                        + " describes another task (" + SafeText.forMessage(id, 60) + ")", response.statusCode(),
                        null, job.requestId(), job.model());
            }
            return data;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<MediaRef> mediaOf(JobHandle job, Map<String, Object> data) {
        Object result = data.get("result");
        Object urls = result instanceof Map<?, ?> r ? ((Map<String, Object>) r).get("media_urls") : null;
        if (!(urls instanceof List<?> list) || list.isEmpty()) {
            throw new SegmindProtocolException(CrunErrors.NAME + "'s task " + job.requestId() + " succeeded without"
                    + " result.media_urls", 0, null, job.requestId(), job.model());
        }
        List<MediaRef> refs = new ArrayList<>();
        for (Object u : list) {
            String url = checkedUrl(String.valueOf(u), job);
            refs.add(MediaRef.url(url, MediaTypes.fromFileName(url.replaceAll("[?#].*$", "")), null, null));
        }
        return refs;
    }

    /** Media URLs are fetched without the key, and only over http(s) from a named host. */
    private static String checkedUrl(String text, JobHandle job) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new SegmindProtocolException(CrunErrors.NAME + " returned a media URL the component will not fetch: '"
                + SafeText.forMessage(text, 80) + "' (only absolute http and https URLs are followed)", 0, null,
                job.requestId(), job.model());
    }

    @SuppressWarnings("unchecked")
    private static String failureOf(Map<String, Object> data) {
        Object result = data.get("result");
        if (result instanceof Map<?, ?> r) {
            Map<String, Object> map = (Map<String, Object>) r;
            Object message = map.get("message");
            Object code = map.get("code");
            return (message != null ? message.toString() : "failed") + (code != null ? " (code " + code + ")" : "");
        }
        return null;
    }

    /** crun's figures under the names the component's headers read (inference_time, cost). */
    private static Map<String, Object> metricsOf(Map<String, Object> data) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        Double duration = Numbers.toDouble(data.get("duration_s"));
        if (duration != null) {
            metrics.put("inference_time", duration);
        }
        Double credits = Numbers.toDouble(data.get("credits"));
        if (credits != null) {
            metrics.put("cost", credits);
        }
        return metrics;
    }

    @Override
    public JobHandle locate(String model, String requestId, String locator, Instant submittedAt) {
        return new JobHandle(ID, requestId, model, null, submittedAt);
    }

    @Override
    public Duration retention() {
        return RETENTION;
    }

    @Override
    public Failure classify(CallPhase phase, Throwable error) {
        return CrunErrors.classify(phase, error);
    }

    @Override
    public RuntimeException jobFailed(JobHandle job, JobStatus status) {
        ended(job);
        return new SegmindJobFailedException(CrunErrors.NAME + " task " + job.requestId() + " of " + job.model()
                + " failed" + (status.detail() != null ? ": " + SafeText.forMessage(status.detail(), 300) : ""), 501,
                status.detail(), job.requestId(), job.model());
    }

    @Override
    public RuntimeException timedOut(JobHandle job, JobState last, Duration timeout) {
        if (job == null) {
            return new SegmindTimeoutException("The " + CrunErrors.NAME + " job did not finish within "
                    + timeout.toSeconds() + " s (option timeout): its CreateTask had not been answered", null, null,
                    null);
        }
        ended(job);
        return new SegmindTimeoutException(CrunErrors.NAME + " task " + job.requestId() + " of " + job.model()
                + " did not finish within " + timeout.toSeconds() + " s (option timeout); last status " + last
                + ". It keeps running at " + CrunErrors.NAME + ": collect it with operation=await, provider=crun and"
                + " header CamelSegmindRequestId", job.requestId(), job.model(), last == null ? null : last.name());
    }

    @Override
    public RuntimeException expired(JobHandle job, String why) {
        ended(job);
        return new SegmindRequestExpiredException(why, 404, null, job.requestId(), job.model());
    }

    @Override
    public RuntimeException uncertain(String model, String requestId, String why) {
        return new SegmindSubmitUncertainException(why, 0, null, requestId, model);
    }

    /**
     * While a callback is expected for the task, the first status read waits for it: a callback that came already
     * (even before CreateTask's answer was read) means read now; one that never comes costs this long.
     */
    @Override
    public Optional<Duration> pushWindow(JobHandle job) {
        CrunCallbacks.Registration registration = callbacks == null ? null : callbacks.forTask(job.requestId());
        if (registration == null) {
            return Optional.empty();
        }
        if (registration.received()) {
            return Optional.of(Duration.ZERO);
        }
        if (settings.callbackWait() != null) {
            return Optional.of(settings.callbackWait());
        }
        Duration typical = ModelCatalog.find(job.model()).map(ModelSpec::typicalDuration).orElse(MIN_WINDOW);
        Duration window = typical.multipliedBy(WINDOW_FACTOR);
        return Optional.of(window.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : window);
    }

    /** Body media is hosted by the upload service the endpoint chose (Segmind's), since crun reads URLs only. */
    @Override
    public CompletableFuture<List<String>> upload(List<String> dataUris, String model) {
        if (uploads == null) {
            return CompletableFuture.failedFuture(new SegmindValidationException(CrunErrors.NAME + " has no upload"
                    + " service: turn option uploadInputs on (with option apiKey for Segmind's upload-asset)",
                    "uploadInputs", model));
        }
        return uploads.upload(dataUris, model);
    }

    private void ended(JobHandle job) {
        if (callbacks != null && job != null) {
            callbacks.finished(job.requestId());
        }
        if (job != null) {
            synchronized (finished) {
                finished.remove(job.requestId());
            }
        }
    }

    private static String crunModel(String model) {
        String crun = MODELS.get(model);
        if (crun == null) {
            throw new SegmindValidationException("Model " + SafeText.forMessage(model, 60) + " is not offered through "
                    + CrunErrors.NAME + " by this component: with provider=crun use " + String.join(", ",
                    MODELS.keySet()) + " (the endpoint path or header CamelSegmindModel)", "provider", model);
        }
        return crun;
    }

    /**
     * What a crun provider is configured with.
     *
     * @param fieldNames  the names the input is sent under, by the reference's name (unconfirmed for crun)
     * @param callbackUrl the public URL of the callback receiver, or null to poll only
     * @param callbackWait how long to wait for a callback before polling, or null for twice the model's typical time
     */
    public record CrunSettings(String baseUrl, String apiKey, Duration requestTimeout, Map<String, String> fieldNames,
                               String callbackUrl, Duration callbackWait) {

        public CrunSettings {
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            fieldNames = fieldNames == null ? Map.of() : Map.copyOf(fieldNames);
        }

        @Override
        public String toString() {
            // the key is a secret
            return "CrunSettings[" + baseUrl + ", callbacks " + (callbackUrl != null) + "]";
        }
    }
}
