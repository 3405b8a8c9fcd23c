package dev.camelsegmind.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The simulator's crun.ai side: the task API of a second provider of Wan 2.7 Image Pro, on the same port as the
 * Segmind routes, with the same keys (each key one account: the same credits, the same rate window), the same clock,
 * journal, media host and fault API ({@link Route#CRUN_CREATE}, {@link Route#CRUN_TASK_INFO}):
 * <pre>{@code
 * POST {baseUrl}/api/v1/client/job/CreateTask   {"model": "wan/2-7-image-pro", "callback_url": "...", "input": {...}}
 *   -> {"code": 200, "message": "success", "data": {"task_id": "..."}}
 * GET  {baseUrl}/api/v1/client/job/TaskInfo?task_id=...
 *   -> {"code": 200, "message": "success", "data": {"task_id", "status", "param", "create_at", "result",
 *                                                  "duration_s", "complete_at", "credits"}}
 * }</pre>
 * A task is {@code pending}, then {@code running}, then {@code success} (with {@code result.media_urls}, one real
 * image per {@code n}) or {@code failed} ({@code result.code} 501) in the model's time; when it ends, its
 * {@code callback_url}, if it has one on 127.0.0.0/8, receives the same {@code data} object, shaped by the
 * {@link CallbackFaults}. Errors carry crun's codes (401, 402, 404, 422, 429, 455, 505) in the body, in HTTP 200 by
 * default ({@link #errorStyle}). Everything set here returns to its default on {@link SegmindSimulator#reset()}.
 *
 * <p>Over HTTP, {@code GET /_sim/crun} shows these settings and {@code POST /_sim/crun} changes them
 * ({@code {"error_style": "HTTP_STATUS", "maintenance": true, "disabled_features": ["thinking_mode"],
 * "image_fields": ["img_urls"], "callback_retries": 2, "callback_backoff_ms": 5000, "callback_timeout_ms": 2000,
 * "token_parameter": "t"}}); {@code /_sim/callback-faults} takes callback faults as JSON, like
 * {@code /_sim/faults} ({@code {"lose": true, "task_id": "...", "times": 1}}).
 */
public final class Crun {

    /** The one model the crun side serves; any other answers 404. */
    public static final String MODEL = "wan/2-7-image-pro";
    /** The names input images may come under: the reference's and the one crun's other models use. */
    public static final List<String> DEFAULT_IMAGE_FIELDS = List.of("input_urls", "img_urls");
    static final Duration DEFAULT_CALLBACK_BACKOFF = Duration.ofSeconds(5);
    static final Duration DEFAULT_CALLBACK_TIMEOUT = Duration.ofSeconds(10);
    static final String DEFAULT_TOKEN_PARAMETER = "token";

    private final int workersPerModel;
    private final String[] blockedWords;
    private final CrunTasks tasks = new CrunTasks();
    private final CallbackFaults callbackFaults = new CallbackFaults();
    private volatile Callbacks callbacks;

    private volatile ModelProfile model;
    private volatile CrunErrorStyle errorStyle;
    private volatile List<String> imageFields;
    private volatile boolean maintenance;
    private volatile Set<String> disabledFeatures;
    private volatile int callbackRetries;
    private volatile Duration callbackBackoff;
    private volatile Duration callbackTimeout;
    private volatile String tokenParameter;

    Crun(int workersPerModel, List<String> blockedWords) {
        this.workersPerModel = workersPerModel;
        this.blockedWords = blockedWords.toArray(new String[0]);
        defaults();
    }

    /**
     * The profile of {@value #MODEL}: queue and render time (1 s and 33.38 s by default, simulated), price per image
     * (0.06), {@code workers(n)}, {@code failWith}, {@code blockedWords}, the media type (PNG; JPEG with
     * {@code mediaType("image/jpeg")}), {@code notFound()}, and the per-field input rules. The number of images is
     * the request's {@code n}, so {@code outputs} and {@code outputShape} do not apply.
     */
    public ModelProfile model() {
        return model;
    }

    public CrunErrorStyle errorStyle() {
        return errorStyle;
    }

    /** Whether errors come as HTTP 200 with the code in the body (the default) or with the code as HTTP status too. */
    public Crun errorStyle(CrunErrorStyle style) {
        this.errorStyle = Objects.requireNonNull(style, "style");
        return this;
    }

    public List<String> imageFields() {
        return imageFields;
    }

    /**
     * The {@code input} names input images are accepted under, {@link #DEFAULT_IMAGE_FIELDS} by default. The
     * reference's name for crun is unconfirmed; a field outside this list is ignored, as an API ignores a field it
     * does not know, so a task sent with the wrong name quietly becomes text-to-image.
     */
    public Crun imageFields(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("give at least one field name for input images");
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an image field name must not be blank");
            }
        }
        this.imageFields = List.of(names);
        return this;
    }

    public boolean maintenance() {
        return maintenance;
    }

    /** While on, both crun routes answer 455 "service unavailable (maintenance)" to any accepted key. */
    public Crun maintenance(boolean on) {
        this.maintenance = on;
        return this;
    }

    public Set<String> disabledFeatures() {
        return disabledFeatures;
    }

    /**
     * A create request that uses one of these answers 505 "feature disabled": an {@code input} field name
     * ({@code "thinking_mode"}, {@code "enable_sequential"}, {@code "input_urls"} for input images under any accepted
     * name, ...) or {@code "callback_url"}. A field counts as used when it is present, not null and not {@code false}.
     */
    public Crun disableFeatures(String... names) {
        Set<String> all = new LinkedHashSet<>(disabledFeatures);
        all.addAll(Arrays.asList(names));
        this.disabledFeatures = Set.copyOf(all);
        return this;
    }

    public Crun enableAllFeatures() {
        this.disabledFeatures = Set.of();
        return this;
    }

    public int callbackRetries() {
        return callbackRetries;
    }

    public Duration callbackBackoff() {
        return callbackBackoff;
    }

    /**
     * How often a callback the receiver did not answer 200 (another status, no answer, a timeout) is sent again, the
     * first retry {@code backoff} (simulated time) after the failure and each next one twice as long after. crun
     * documents no retries, so the default is none: a receiver that is down misses the callback and must poll.
     */
    public Crun callbackRetries(int retries, Duration backoff) {
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("callback retries must be within [0, 20], got " + retries);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
        this.callbackRetries = retries;
        this.callbackBackoff = backoff;
        return this;
    }

    public Duration callbackTimeout() {
        return callbackTimeout;
    }

    /** How long (real time) a callback waits for the receiver's answer before it counts as failed; 10 s by default. */
    public Crun callbackTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("callback timeout must be positive");
        }
        this.callbackTimeout = timeout;
        return this;
    }

    public String callbackTokenParameter() {
        return tokenParameter;
    }

    /**
     * The query parameter of a callback URL that {@link CallbackFault#forgeToken()} alters ({@code token} by
     * default); a URL without it has its last path segment altered instead.
     */
    public Crun callbackTokenParameter(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the token parameter name must not be blank");
        }
        this.tokenParameter = name;
        return this;
    }

    public CallbackFaults callbackFaults() {
        return callbackFaults;
    }

    CrunTasks tasks() {
        return tasks;
    }

    Callbacks callbacks() {
        Callbacks running = callbacks;
        if (running == null) {
            throw new IllegalStateException("simulator not started");
        }
        return running;
    }

    void start(Callbacks engine) {
        this.callbacks = engine;
    }

    void sweep(JobStore jobs) {
        tasks.sweep(jobs);
    }

    /** No tasks, no callbacks on their way, no faults, the default settings. */
    void reset() {
        Callbacks running = callbacks;
        if (running != null) {
            running.reset();
        }
        tasks.clear();
        callbackFaults.reset();
        defaults();
    }

    void close() {
        Callbacks running = callbacks;
        if (running != null) {
            running.close();
        }
    }

    private void defaults() {
        model = CrunModel.profile().workers(workersPerModel).blockedWords(blockedWords);
        errorStyle = CrunErrorStyle.BODY_CODE;
        imageFields = DEFAULT_IMAGE_FIELDS;
        maintenance = false;
        disabledFeatures = Set.of();
        callbackRetries = 0;
        callbackBackoff = DEFAULT_CALLBACK_BACKOFF;
        callbackTimeout = DEFAULT_CALLBACK_TIMEOUT;
        tokenParameter = DEFAULT_TOKEN_PARAMETER;
    }
}
