package dev.camelsegmind.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One misbehaviour to inject, built fluently and then handed to {@link Faults#add(Fault)}:
 * <pre>{@code
 * sim.faults().add(Fault.on(Route.SUBMIT).status(429).times(3));
 * sim.faults().add(Fault.on(Route.MEDIA).model("wan2.7-i2v").truncate());
 * sim.faults().add(Fault.on(Route.STATUS, Route.RESULT).delay(Duration.ofSeconds(2)).probability(0.1).seed(7));
 * sim.faults().add(Fault.on(Route.STATUS).requestId(id).stall());
 * sim.faults().add(Fault.rateLimitStorm(Duration.ofSeconds(30)));
 * sim.faults().add(Fault.on(Route.SUBMIT).acceptThenStatus(504).times(1));      // billed, answer lost
 * sim.faults().add(Fault.on(Route.MEDIA).stallBody());                          // headers, half the body, silence
 * sim.faults().add(Fault.onAny().redirect(307, "http://127.0.0.2:8123/elsewhere"));
 * sim.faults().add(Fault.on(Route.SUBMIT, Route.RESULT).foreignUrls("http://127.0.0.2:8123"));
 * }</pre>
 * Configure a fault fully before adding it; a fault belongs to one simulator. At most one fault
 * applies to a request, the first added that matches. {@link #status}, {@link #redirect},
 * {@link #dropBeforeAccept} and {@link #expire} replace the handling of the request; {@link #delay}
 * and {@link #stallBody} hold back whatever answer the simulator gives; {@link #dropAfterAccept},
 * {@link #acceptThenStatus}, {@link #acceptThenHtml}, {@link #malformedJson}, {@link #truncate} and
 * {@link #foreignUrls} spoil only successful answers, since they model work that was done and an
 * answer that was lost or bent, and a "dropped after accept" needs an accept. {@link #flap} and
 * {@link #stall} change the state the job routes report.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** Answer with a chosen status and body instead of handling the request. */
        STATUS,
        /** Close the connection without an answer before anything happens (nothing billed). */
        DROP_BEFORE_ACCEPT,
        /** Handle the request (create and bill the job), then close the connection without an answer. */
        DROP_AFTER_ACCEPT,
        /** Hold the answer back for a real-time duration. */
        DELAY,
        /** Answer 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** Announce the full Content-Length, send half, close. */
        TRUNCATE,
        /** On alternate polls report the state before the real one (PROCESSING shows as QUEUED, COMPLETED as PROCESSING). */
        FLAP,
        /** Report the job as it stood when the stall began, never finished: QUEUED if it had not started, else PROCESSING. */
        STALL,
        /** Answer 404 as if the request id had expired. */
        EXPIRE,
        /** Handle the request (create and bill the job), then answer a chosen error status with a JSON error body. */
        ACCEPT_THEN_STATUS,
        /** Handle the request (create and bill the job), then answer a chosen error status with a gateway's HTML page. */
        ACCEPT_THEN_HTML,
        /** Send the status line, the headers and half the body, then hold the rest back. */
        STALL_BODY,
        /** Answer a redirect to a chosen location instead of handling the request. */
        REDIRECT,
        /** Answer as usual, but with the simulator's own URLs in the JSON body naming another host. */
        FOREIGN_URLS
    }

    /** Faults that replace handling, that alter a success, that alter an error, and the ones the poll handler asks about. */
    static final Set<Kind> BEFORE = Set.of(Kind.STATUS, Kind.DROP_BEFORE_ACCEPT, Kind.EXPIRE, Kind.REDIRECT);
    static final Set<Kind> AFTER = Set.of(Kind.DROP_AFTER_ACCEPT, Kind.DELAY, Kind.MALFORMED_JSON, Kind.TRUNCATE,
            Kind.ACCEPT_THEN_STATUS, Kind.ACCEPT_THEN_HTML, Kind.STALL_BODY, Kind.FOREIGN_URLS);
    static final Set<Kind> AFTER_ERROR = Set.of(Kind.DELAY, Kind.STALL_BODY);
    static final Set<Kind> FLAPS = Set.of(Kind.FLAP);
    static final Set<Kind> STALLS = Set.of(Kind.STALL);

    /** Beyond this a lifetime is a mistake, and nanosecond arithmetic on it would overflow. */
    private static final Duration LONGEST = Duration.ofDays(36_500);

    /**
     * The longest a {@link #stallBody} holds an answer: past it the connection is closed, so a stalled
     * exchange whose client went away never pins a socket for good.
     */
    public static final Duration LONGEST_BODY_STALL = Duration.ofMinutes(10);

    /** The routes that report a job's state, the only ones {@link #flap} and {@link #stall} can act on. */
    private static final Set<Route> JOB_STATE_ROUTES = Collections.unmodifiableSet(
            EnumSet.of(Route.STATUS, Route.RESULT, Route.POLL_V1, Route.CRUN_TASK_INFO));
    /** The routes whose JSON answers carry the simulator's own URLs, the only ones {@link #foreignUrls} can bend. */
    private static final Set<Route> URL_ROUTES = Collections.unmodifiableSet(
            EnumSet.of(Route.SUBMIT, Route.RESULT, Route.POLL_V1, Route.UPLOAD, Route.CRUN_TASK_INFO));
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** The kinds that answer with a status of their own, so a body, headers and Retry-After mean something. */
    private static final Set<Kind> ANSWERING = EnumSet.of(Kind.STATUS, Kind.ACCEPT_THEN_STATUS,
            Kind.ACCEPT_THEN_HTML, Kind.REDIRECT);

    private final Set<Route> routes;
    private String model;
    private String requestId;
    private Kind kind;
    private int status;
    private String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration delay = Duration.ZERO;
    private Duration bodyStall;
    private String location;
    private String foreignBaseUrl;
    private boolean retryAfter;
    private double probability = 1.0;
    private long seed = 42L;
    private int times = -1;
    private Duration lifetime;

    private long id;
    private Instant armedAt;
    private long armedNanos;
    private Random random;
    private AtomicInteger remaining;
    private final AtomicLong injected = new AtomicLong();

    private Fault(Set<Route> routes) {
        this.routes = Collections.unmodifiableSet(EnumSet.copyOf(routes));
    }

    /** Starts a fault for one route or several, e.g. {@code Fault.on(Route.STATUS, Route.POLL_V1)}. */
    public static Fault on(Route route, Route... more) {
        Objects.requireNonNull(route, "route");
        EnumSet<Route> all = EnumSet.of(route);
        for (Route r : more) {
            all.add(Objects.requireNonNull(r, "route"));
        }
        return new Fault(all);
    }

    /** Starts a fault for every route the simulator serves, media and assets included. */
    public static Fault onAny() {
        return new Fault(EnumSet.allOf(Route.class));
    }

    static Fault on(Collection<Route> routes) {
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("a fault needs at least one route");
        }
        return new Fault(EnumSet.copyOf(routes));
    }

    /**
     * A 429 storm: for {@code length} of real time from when it is added, every route the rate
     * limiter covers ({@link Route#rateLimited()}: submit, status, result, v1 poll, sync, upload and crun's two routes)
     * answers 429 {@code {"error":"Rate limit exceeded"}}, with {@code x-rate-limit-reset-at-utc}
     * at the storm's end, the only header Segmind documents on a 429 ({@link #withRetryAfter()} adds
     * {@code Retry-After}, the whole seconds left). Media, assets and credits stay reachable, as they
     * do under the simulator's own {@link SegmindSimulator.Builder#rateLimitPerMinute limit}. The
     * storm then removes itself.
     */
    public static Fault rateLimitStorm(Duration length) {
        Set<Route> limited = Arrays.stream(Route.values()).filter(Route::rateLimited)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Route.class)));
        return new Fault(limited).status(429).lastingFor(length);
    }

    /** Applies only to requests for this model slug (for job and media routes, the job's model). */
    public Fault model(String slug) {
        this.model = slug;
        return this;
    }

    /**
     * Applies only to this job: its status, result and v1 poll routes and its media downloads.
     * Submit and sync calls name no job before it exists, so the fault never applies to them.
     */
    public Fault requestId(String id) {
        this.requestId = id;
        return this;
    }

    /** Applies this many times, then goes quiet and is removed. Unlimited by default. */
    public Fault times(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("times must not be negative, got " + n);
        }
        this.times = n;
        return this;
    }

    /**
     * Applies for this long of real time from {@link Faults#add}, then goes quiet and is removed
     * (neither the time factor nor an injected clock applies). Until removed by default.
     */
    public Fault lastingFor(Duration length) {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a fault must last a positive time of at most " + LONGEST.toDays()
                    + " days, got " + length);
        }
        this.lifetime = length;
        return this;
    }

    /** Applies to each matching request with this chance, drawn from a {@link #seed seeded} random so runs repeat. */
    public Fault probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be within [0, 1], got " + p);
        }
        this.probability = p;
        return this;
    }

    /** Seed for {@link #probability}; 42 unless set. */
    public Fault seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Answers with this HTTP status instead of handling the request (nothing is billed). A 429 comes
     * with {@code x-rate-limit-reset-at-utc}, an ISO-8601 UTC instant at the end of the fault's
     * {@link #lastingFor lifetime}, or one second ahead if it has none; it is the only header
     * Segmind documents on a 429, so {@code Retry-After} comes only with {@link #withRetryAfter()}.
     */
    public Fault status(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + code);
        }
        this.status = code;
        return kind(Kind.STATUS);
    }

    /**
     * Handles the request for real (a submit or sync call creates and bills its job, an upload
     * stores its files, a crun CreateTask creates and bills its task), then answers this error
     * status with Segmind's JSON error body {@code {"error": ...}} (on the crun routes crun's
     * {@code {"code": ..., "message": ..., "data": null}}) instead of the success, when the success
     * would have been sent. Models
     * a gateway that timed out or failed after the backend accepted the work, e.g. {@code 504}.
     * Errors the request earns on its own (a 400, a 406, a crun refusal even in HTTP 200) are
     * answered as they are.
     */
    public Fault acceptThenStatus(int code) {
        this.status = errorStatus(code);
        return kind(Kind.ACCEPT_THEN_STATUS);
    }

    /**
     * Like {@link #acceptThenStatus}, but the answer is the HTML error page a gateway (nginx) sends,
     * labelled {@code text/html}, e.g. {@code 502 Bad Gateway}: a client must not parse it as JSON.
     */
    public Fault acceptThenHtml(int code) {
        this.status = errorStatus(code);
        return kind(Kind.ACCEPT_THEN_HTML);
    }

    /**
     * Answers {@code 302 Found} with this {@code Location} instead of handling the request (nothing
     * is billed); see {@link #redirect(int, String)}.
     */
    public Fault redirect(String location) {
        return redirect(302, location);
    }

    /**
     * Answers a redirect (301, 302, 303, 307 or 308) with this {@code Location} and nginx's small
     * HTML page instead of handling the request, on any route; nothing is billed. Point it at a
     * server of the test's own on another loopback address (127.0.0.2) to see what a client sends
     * there.
     */
    public Fault redirect(int code, String location) {
        if (!REDIRECTS.contains(code)) {
            throw new IllegalArgumentException("a redirect is one of " + new TreeSet<>(REDIRECTS)
                    + ", got " + code);
        }
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("a redirect needs a location");
        }
        try {
            URI.create(location);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI: " + location, e);
        }
        this.status = code;
        this.location = location;
        return kind(Kind.REDIRECT);
    }

    /**
     * Answers as usual, but every URL of the simulator's own in the JSON body names {@code baseUrl}
     * instead ({@code http://127.0.0.2:8123}): the submit answer's {@code poll_url},
     * {@code status_url} and {@code response_url}, a result's output URLs (and {@code images},
     * {@code video.url}, {@code last_frame_url}), an upload's {@code file_urls}, a crun task's
     * {@code result.media_urls}. Acts on SUBMIT, RESULT, POLL_V1, UPLOAD and CRUN_TASK_INFO; the rest
     * of the answer, and the job, are untouched. A client must never send its key to such a host.
     */
    public Fault foreignUrls(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + baseUrl, e);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("foreign URLs need an http(s) base with a host, got " + baseUrl);
        }
        this.foreignBaseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return kind(Kind.FOREIGN_URLS);
    }

    /**
     * Body for {@link #status}, {@link #acceptThenStatus}, {@link #acceptThenHtml} and
     * {@link #redirect}; a default body for the code otherwise.
     */
    public Fault body(String json) {
        this.body = json;
        return this;
    }

    /**
     * Extra response header for {@link #status}, {@link #acceptThenStatus}, {@link #acceptThenHtml}
     * and {@link #redirect} (it replaces a default of the same name).
     */
    public Fault header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Adds {@code Retry-After} to the answer of {@link #status}, {@link #acceptThenStatus} or
     * {@link #acceptThenHtml} (and to a {@link #rateLimitStorm storm}): the whole seconds, rounded
     * up, until the end of the fault's {@link #lastingFor lifetime}, or 1 if it has none. Segmind
     * documents no {@code Retry-After}, so it is sent only when asked for; {@link #header} sets a
     * fixed value instead.
     */
    public Fault withRetryAfter() {
        this.retryAfter = true;
        return this;
    }

    public Fault dropBeforeAccept() {
        return kind(Kind.DROP_BEFORE_ACCEPT);
    }

    /** Meant for SUBMIT (the job exists and is billed, the client cannot know); elsewhere it drops the answer after the work is done. */
    public Fault dropAfterAccept() {
        return kind(Kind.DROP_AFTER_ACCEPT);
    }

    /** Stalls the answer for {@code d} of real time (the time factor does not apply). */
    public Fault delay(Duration d) {
        Objects.requireNonNull(d, "delay");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delay = d;
        return kind(Kind.DELAY);
    }

    public Fault malformedJson() {
        return kind(Kind.MALFORMED_JSON);
    }

    public Fault truncate() {
        return kind(Kind.TRUNCATE);
    }

    /**
     * Sends the status line and headers (with the Content-Length of the whole body) and the first
     * half of the body, then nothing more, on any route: the client sees an answer start and its
     * body stop. The connection stays open, holding no thread, until the client gives up, the
     * simulator is reset or closed, or {@link #LONGEST_BODY_STALL} has passed; then it is closed
     * without the rest. For whatever answer the simulator gives, errors included; an answer
     * without a body (a HEAD) is sent whole.
     */
    public Fault stallBody() {
        this.bodyStall = null;
        return kind(Kind.STALL_BODY);
    }

    /**
     * Like {@link #stallBody()}, but the rest of the body follows after {@code d} of real time
     * (the time factor does not apply), so the answer completes, late, unless the client gave up.
     */
    public Fault stallBody(Duration d) {
        Objects.requireNonNull(d, "stall");
        if (d.isNegative() || d.compareTo(LONGEST_BODY_STALL) > 0) {
            throw new IllegalArgumentException("a body stall lasts from 0 to " + LONGEST_BODY_STALL.toMinutes()
                    + " minutes, got " + d);
        }
        this.bodyStall = d;
        return kind(Kind.STALL_BODY);
    }

    /** For the job routes (STATUS, RESULT, POLL_V1): every second poll shows the state before the real one. */
    public Fault flap() {
        return kind(Kind.FLAP);
    }

    /**
     * For the job routes (STATUS, RESULT, POLL_V1): while the fault applies, the job shows the state
     * it had when the fault was added and never a final one, so a finished job reads PROCESSING
     * and one that had not started (or was submitted later) reads QUEUED. With {@link #times} the
     * next n polls stall; without, the job is stuck until the fault is removed.
     */
    public Fault stall() {
        return kind(Kind.STALL);
    }

    public Fault expire() {
        return kind(Kind.EXPIRE);
    }

    private static int errorStatus(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("an error status is from 400 to 599, got " + code);
        }
        return code;
    }

    private Fault kind(Kind k) {
        if (kind != null && kind != k) {
            throw new IllegalStateException("a fault does one thing; this one already does " + kind);
        }
        this.kind = k;
        return this;
    }

    /** The routes the fault acts on. */
    public Set<Route> routes() {
        return routes;
    }

    public String model() {
        return model;
    }

    public String requestId() {
        return requestId;
    }

    public Kind kind() {
        return kind;
    }

    /** The status the fault answers: for {@link #status}, {@link #acceptThenStatus}, {@link #acceptThenHtml}, {@link #redirect}. */
    public int statusCode() {
        return status;
    }

    /** The {@code Location} of a {@link #redirect}, else {@code null}. */
    public String location() {
        return location;
    }

    /** The base URL {@link #foreignUrls} puts in answers, else {@code null}. */
    public String foreignBaseUrl() {
        return foreignBaseUrl;
    }

    /** How long a {@link #stallBody(Duration)} holds the rest of the body; {@code null} when it never sends it. */
    public Duration bodyStall() {
        return bodyStall;
    }

    /** Whether the answer carries {@code Retry-After} ({@link #withRetryAfter()}). */
    public boolean sendsRetryAfter() {
        return retryAfter;
    }

    public String body() {
        return body;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public Duration delay() {
        return delay;
    }

    /** The real time the fault lasts once added, or {@code null} when it lasts until removed. */
    public Duration lifetime() {
        return lifetime;
    }

    /** The number {@link Faults#add} gave the fault, unique within one simulator; 0 before it is added. */
    public long id() {
        return id;
    }

    /** How many times this fault has been applied. */
    public long injected() {
        return injected.get();
    }

    int times() {
        return times;
    }

    double probability() {
        return probability;
    }

    long seed() {
        return seed;
    }

    /** When the fault was added, on the simulator's clock (the one job states are read from). */
    Instant armedAt() {
        return armedAt;
    }

    /** When the lifetime runs out on the simulator's clock, or {@code null} for a fault without one. */
    Instant endsAt() {
        return lifetime == null ? null : armedAt.plus(lifetime);
    }

    /** Real time left of the lifetime at {@code nanoTime}; zero once over. */
    Duration timeLeft(long nanoTime) {
        long left = lifetime.toNanos() - (nanoTime - armedNanos);
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Short label written on journal entries, e.g. {@code status:429} or {@code truncate}. */
    public String tag() {
        switch (kind) {
            case STATUS: return "status:" + status;
            case DROP_BEFORE_ACCEPT: return "dropBeforeAccept";
            case DROP_AFTER_ACCEPT: return "dropAfterAccept";
            case DELAY: return "delay:" + delay.toMillis() + "ms";
            case MALFORMED_JSON: return "malformedJson";
            case TRUNCATE: return "truncate";
            case FLAP: return "flap";
            case STALL: return "stall";
            case EXPIRE: return "expire";
            case ACCEPT_THEN_STATUS: return "acceptThenStatus:" + status;
            case ACCEPT_THEN_HTML: return "acceptThenHtml:" + status;
            case STALL_BODY: return bodyStall == null ? "stallBody" : "stallBody:" + bodyStall.toMillis() + "ms";
            case REDIRECT: return "redirect:" + status;
            case FOREIGN_URLS: return "foreignUrls";
            default: throw new IllegalStateException(String.valueOf(kind));
        }
    }

    /** Rejects a fault that could never apply, so the mistake shows when it is added rather than as a quiet test. */
    void check() {
        if (kind == null) {
            throw new IllegalStateException("fault on " + routes + " has no action: call status(), delay(), truncate() ...");
        }
        if (routes.equals(EnumSet.of(Route.CRUN_CALLBACK))) {
            throw new IllegalStateException("the simulator sends callbacks, it does not answer them: aim a CallbackFault "
                    + "at them (sim.crun().callbackFaults())");
        }
        if ((kind == Kind.FLAP || kind == Kind.STALL) && Collections.disjoint(routes, JOB_STATE_ROUTES)) {
            throw new IllegalStateException(tag() + " acts only on " + JOB_STATE_ROUTES + ", not on " + routes);
        }
        if (kind == Kind.FOREIGN_URLS && Collections.disjoint(routes, URL_ROUTES)) {
            throw new IllegalStateException(tag() + " acts only on " + URL_ROUTES + ", not on " + routes);
        }
        if (retryAfter && !ANSWERING.contains(kind)) {
            throw new IllegalStateException("Retry-After goes with an answer of the fault's own " + ANSWERING
                    + ", not with " + tag());
        }
        if ((body != null || !headers.isEmpty()) && !ANSWERING.contains(kind)) {
            throw new IllegalStateException("a body and headers go with an answer of the fault's own " + ANSWERING
                    + ", not with " + tag());
        }
    }

    /** Freezes the configuration; called once when the fault is registered. */
    void arm(long number, Instant now, long nanoTime) {
        check();
        id = number;
        armedAt = now;
        armedNanos = nanoTime;
        random = new Random(seed);
        remaining = new AtomicInteger(times);
    }

    /**
     * Whether the fault applies to this request, consuming one of its {@link #times} if so.
     * The chance is drawn before the count so a miss does not use up a planned failure.
     */
    boolean tryApply(Route r, String requestModel, String requestJob, Set<Kind> kinds) {
        if (!routes.contains(r) || !kinds.contains(kind)
                || (model != null && !model.equals(requestModel))
                || (requestId != null && !requestId.equals(requestJob))) {
            return false;
        }
        if (probability < 1.0) {
            synchronized (random) {
                if (random.nextDouble() >= probability) {
                    return false;
                }
            }
        }
        if (times >= 0 && !takeOne(remaining)) {
            return false;
        }
        injected.incrementAndGet();
        return true;
    }

    /** Takes one of the uses left, if any: concurrent requests can never share the last one. */
    static boolean takeOne(AtomicInteger remaining) {
        return remaining.getAndUpdate(left -> left > 0 ? left - 1 : left) > 0;
    }

    /** Whether the fault will never apply again: its times are used up or its lifetime is over at {@code nanoTime}. */
    boolean over(long nanoTime) {
        return (times >= 0 && remaining.get() <= 0) || (lifetime != null && timeLeft(nanoTime).isZero());
    }

    @Override
    public String toString() {
        return "Fault[" + (id > 0 ? "#" + id + " " : "")
                + routes.stream().map(Route::name).collect(Collectors.joining(","))
                + (model == null ? "" : " model=" + model)
                + (requestId == null ? "" : " request=" + requestId)
                + " " + (kind == null ? "?" : tag())
                + (retryAfter ? " +Retry-After" : "")
                + (times >= 0 ? " x" + times : "")
                + (probability < 1 ? " p=" + probability : "")
                + (lifetime == null ? "" : " for " + lifetime.toMillis() + "ms") + "]";
    }
}
