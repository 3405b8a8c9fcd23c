package dev.camelsegmind.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for {@code https://api.segmind.com} (and Segmind's upload host) on 127.0.0.1: async
 * v2 jobs, blocking v1 calls, uploads, credits per key, real images and video drawn from the prompt at
 * the requested size, fault injection and a journal of every request; beside it, crun.ai's task API for Wan 2.7
 * Image Pro with push callbacks ({@link #crun()}).
 * <pre>{@code
 * try (SegmindSimulator sim = SegmindSimulator.builder().timeFactor(0.01).build().start()) {
 *     sim.model("wan2.7-i2v").renderTime(Duration.ofSeconds(20));
 *     // point the client at sim.baseUrl() with sim.defaultApiKey()
 * }
 * }</pre>
 * Job state is computed from timestamps when asked, and late answers are scheduled rather than
 * slept on, so a handful of threads serve thousands of jobs.
 */
public final class SegmindSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmindSimulator.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    private final int requestedPort;
    private final int threads;
    private final int backlog;
    private final Clock clock;
    private final TimeScale scale;
    private final ApiKeys keys;
    private final CreditAccounts credits;
    private final RateLimits limits;
    private final ModelCatalog catalog;
    private final JobStore jobs;
    private final AssetStore assets = new AssetStore();
    private final MediaLibrary media = new MediaLibrary(assets);
    private final Journal journal;
    private final Faults faults;
    private final Crun crun;

    private HttpServer server;
    private ExecutorService requestThreads;
    private ExecutorService streamThreads;
    private ScheduledExecutorService scheduler;
    // Read by reset(), which is not synchronized; set once by start().
    private volatile BodyStalls stalls;
    private String baseUrl;
    private boolean closed;

    private SegmindSimulator(Builder b) {
        this.requestedPort = b.port;
        this.threads = b.threads;
        this.backlog = b.backlog;
        this.clock = b.clock;
        this.scale = new TimeScale(b.timeFactor);
        this.keys = new ApiKeys(b.apiKeys.isEmpty() ? List.of(Builder.DEFAULT_KEY) : b.apiKeys);
        this.credits = new CreditAccounts(keys.all(), b.credits);
        this.limits = new RateLimits(b.rateLimitPerMinute, scale.real(Duration.ofMinutes(1)));
        this.catalog = new ModelCatalog(b.acceptUnknownModels, b.workersPerModel, b.blockedWords);
        this.jobs = new JobStore(scale, new JobRetention(b.retention, b.mediaRetention));
        this.journal = new Journal(b.journalCapacity);
        this.faults = new Faults(clock);
        this.crun = new Crun(b.workersPerModel, b.blockedWords);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns {@code this} for chaining off {@link Builder#build()}. */
    public synchronized SegmindSimulator start() {
        if (closed) {
            throw new IllegalStateException("simulator already closed");
        }
        if (server != null) {
            throw new IllegalStateException("simulator already started on " + baseUrl);
        }
        ServerTuning.apply();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                    requestedPort), backlog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator to 127.0.0.1:" + requestedPort, e);
        }
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        requestThreads = Executors.newFixedThreadPool(threads, daemon("segmind-sim-http"));
        streamThreads = Executors.newCachedThreadPool(daemon("segmind-sim-stream"));
        scheduler = Executors.newScheduledThreadPool(1, daemon("segmind-sim-timer"));
        SimulatorContext ctx = new SimulatorContext(clock, scale, baseUrl, keys, limits, credits, catalog, jobs,
                assets, media, journal, faults, crun);
        stalls = new BodyStalls(scheduler, streamThreads);
        ReplySender sender = new ReplySender(journal, clock, scheduler, requestThreads, streamThreads, stalls);
        server.createContext("/", new Dispatcher(ctx, sender, this::reset));
        crun.start(new Callbacks(crun, clock, scale, journal, scheduler, new CrunTaskData(baseUrl)));
        server.setExecutor(requestThreads);
        server.start();
        scheduler.scheduleWithFixedDelay(() -> {
            jobs.sweep(clock.instant());
            crun.sweep(jobs);
        },
                SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(), TimeUnit.SECONDS);
        LOG.debug("Segmind simulator listening on {} (time factor {})", baseUrl, scale.factor());
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, standing in for {@code https://api.segmind.com} and the upload host. */
    public synchronized String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("simulator not started");
        }
        return baseUrl;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.getAddress().getPort();
    }

    /** The first accepted key ({@code SG_simulator0000} unless keys were given). */
    public String defaultApiKey() {
        return keys.first();
    }

    public double timeFactor() {
        return scale.factor();
    }

    /**
     * The profile of a model, for reading or changing how it behaves; changes apply to jobs
     * accepted afterwards. The four seed models are always there. Any other slug is registered
     * by this call (with generic image settings to adjust): until then it answers 404, as a slug
     * Segmind does not know would.
     */
    public ModelProfile model(String slug) {
        return catalog.profile(Objects.requireNonNull(slug, "slug"));
    }

    /** The models served now: the seed models and those registered through {@link #model(String)}. */
    public Collection<ModelProfile> models() {
        return catalog.all();
    }

    /** The clock jobs, retention and rate limits run on: the system clock unless one was given. */
    public Clock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public Journal journal() {
        return journal;
    }

    /** The crun.ai task API served beside Segmind's, its settings and its callback faults. */
    public Crun crun() {
        return crun;
    }

    /** The job as it stands now, even after it expired (until its media is gone too). */
    public Optional<JobView> job(String requestId) {
        Instant now = clock.instant();
        return jobs.find(requestId).map(job -> job.viewAt(now));
    }

    public Collection<JobView> jobs() {
        Instant now = clock.instant();
        List<JobView> views = new ArrayList<>();
        jobs.all().forEach(job -> views.add(job.viewAt(now)));
        return views;
    }

    /** How many answers a {@link Fault#stallBody()} holds half-sent right now. */
    public int stalledAnswers() {
        BodyStalls held = stalls;
        return held == null ? 0 : held.size();
    }

    /** The default key's balance. */
    public double credits() {
        return credits.balance(keys.first());
    }

    /** The balance of one of the simulator's keys; each key has an account of its own. */
    public double credits(String apiKey) {
        return credits.balance(apiKey);
    }

    /** Sets every key's balance; 0 makes the next paid submit answer 406 "insufficient credits". */
    public void setCredits(double balance) {
        credits.setAll(balance);
    }

    /** Sets one key's balance. */
    public void setCredits(String apiKey, double balance) {
        credits.set(apiKey, balance);
    }

    /** Makes status and result for this id answer 404, as when the hour of retention runs out; media stays. */
    public boolean expire(String requestId) {
        return jobs.expire(requestId);
    }

    /**
     * Back to the state after {@link #start()}: no jobs, uploads, journal entries or faults,
     * default model profiles, the starting credits and an empty rate window; answers a
     * {@link Fault#stallBody()} still holds are cut off. For a simulator shared by several tests.
     */
    public void reset() {
        // callbacks first: one answered between the journal's clearing and their own reset would be journaled as
        // the next test's
        crun.reset();
        journal.clear();
        faults.reset();
        BodyStalls held = stalls;
        if (held != null) {
            held.releaseAll();
        }
        jobs.clear();
        assets.clear();
        media.clear();
        catalog.clear();
        credits.reset();
        limits.reset();
    }

    /** Stops serving; open connections are closed. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(0);
            crun.close();
            scheduler.shutdownNow();
            streamThreads.shutdownNow();
            requestThreads.shutdownNow();
            stalls.releaseAll();
            LOG.debug("Segmind simulator on {} stopped", baseUrl);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            // Daemon threads: a test that forgets close() must still let the JVM exit.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings for a {@link SegmindSimulator}; every one has a working default. */
    public static final class Builder {

        static final String DEFAULT_KEY = "SG_simulator0000";

        private int port;
        private double timeFactor = 1.0;
        private final List<String> apiKeys = new ArrayList<>();
        private double credits = 10_000;
        private Clock clock = Clock.systemUTC();
        private boolean acceptUnknownModels;
        private int workersPerModel;
        private final List<String> blockedWords = new ArrayList<>();
        private int rateLimitPerMinute;
        private Duration retention = Duration.ofHours(1);
        private Duration mediaRetention = Duration.ofDays(7);
        private int threads = 8;
        private int backlog = 4096;
        private int journalCapacity = 100_000;

        private Builder() {
        }

        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Multiplies every simulated duration: queue, render, retention, the rate window. 0.01 runs a 33 s render in 0.33 s. */
        public Builder timeFactor(double factor) {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("timeFactor must be a positive number, got " + factor);
            }
            this.timeFactor = factor;
            return this;
        }

        /** Adds accepted keys; the first one given becomes {@link #defaultApiKey()}. */
        public Builder apiKey(String... keys) {
            for (String key : keys) {
                if (key == null || key.isBlank()) {
                    throw new IllegalArgumentException("API key must not be blank");
                }
                apiKeys.add(key);
            }
            return this;
        }

        /**
         * The clock job states, retention and rate windows are read from; the system clock by
         * default. Give a {@link SimulatedClock} to step through an hour of retention in a test.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Serves any slug as a generic image model instead of answering 404 for slugs outside the
         * catalogue; for demos against models the simulator has no page for. Off by default.
         */
        public Builder acceptUnknownModels(boolean accept) {
            this.acceptUnknownModels = accept;
            return this;
        }

        /**
         * How many jobs each model renders at once, the rest waiting QUEUED (see
         * {@link ModelProfile#workers(int)}); 0, the default, is a worker for every job.
         */
        public Builder workersPerModel(int workers) {
            if (workers < 0) {
                throw new IllegalArgumentException("workersPerModel must not be negative, got " + workers);
            }
            this.workersPerModel = workers;
            return this;
        }

        /**
         * Words that make any model's job end FAILED with a content-policy detail when the prompt
         * contains one (see {@link ModelProfile#blockedWords(String...)}); none by default. The
         * {@code [sim:block]} marker works regardless.
         */
        public Builder blockedWords(String... words) {
            for (String word : words) {
                if (word == null || word.isBlank()) {
                    throw new IllegalArgumentException("a blocked word must not be blank");
                }
                blockedWords.add(word.trim());
            }
            return this;
        }

        /** Starting balance of every key; 10,000 by default. */
        public Builder credits(double credits) {
            this.credits = credits;
            return this;
        }

        /** Requests allowed per key per (scaled) minute on keyed routes; 0, the default, is unlimited. */
        public Builder rateLimitPerMinute(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("rateLimitPerMinute must not be negative");
            }
            this.rateLimitPerMinute = limit;
            return this;
        }

        /** How long status and result answer after submission (simulated time); 1 hour by default. */
        public Builder retention(Duration retention) {
            this.retention = positive(retention, "retention");
            return this;
        }

        /** How long output media stays downloadable after completion (simulated time); 7 days by default. */
        public Builder mediaRetention(Duration retention) {
            this.mediaRetention = positive(retention, "mediaRetention");
            return this;
        }

        /** Request-handling threads; 8 by default. Handlers never block, so few are needed. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** TCP accept backlog; 4096 by default so bursts of thousands of connections are not refused. */
        public Builder backlog(int backlog) {
            this.backlog = Math.max(1, backlog);
            return this;
        }

        /**
         * Journal entries kept, the oldest dropped first; counts cover every request whatever the
         * capacity. 100,000 by default: an entry with its headers and payload takes about 700 bytes.
         */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = capacity;
            return this;
        }

        public SegmindSimulator build() {
            return new SegmindSimulator(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
