package dev.camelsegmind.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How the simulator behaves for one model slug: its parameters, timings, output and price. The four
 * seed models start as their Segmind pages describe them; any other slug exists once a test asks
 * for its profile. Tests change profiles freely while the simulator runs; each job copies the
 * profile when it is accepted, so a change affects later jobs only; that is also when it draws its own queue and
 * render time, fixed unless {@link #queueTimes(DurationDistribution)} or {@link #renderTimes(DurationDistribution)}
 * gave a spread.
 */
public final class ModelProfile {

    /** Whether a submit is served at all. */
    public enum Availability { AVAILABLE, NOT_FOUND, RETIRED }

    private final String slug;
    private volatile DurationDistribution queueTimes;
    private volatile DurationDistribution renderTimes;
    private final java.util.Random random;
    private volatile OutputShape outputShape = OutputShape.URL_STRING;
    private volatile int outputs = 1;
    private volatile String mediaType;
    private volatile long mediaSizeBytes;
    private volatile double cost;
    private volatile Availability availability = Availability.AVAILABLE;
    private volatile String failure;
    private volatile List<String> blockedWords = List.of();
    private volatile SyncResponse syncResponse = SyncResponse.RAW_BYTES;
    private final List<ModelParameter> parameters = new CopyOnWriteArrayList<>();
    private final MediaGeometry.Rule pageGeometry;
    private volatile int[] outputSize;
    private volatile Duration videoLength;
    private final WorkerPool workers;

    ModelProfile(String slug, Duration queueTime, Duration renderTime, String mediaType, double cost,
            List<ModelParameter> parameters, MediaGeometry.Rule pageGeometry) {
        this.slug = slug;
        this.queueTimes = DurationDistribution.fixed(queueTime);
        this.renderTimes = DurationDistribution.fixed(renderTime);
        // repeatable by default: the same slug draws the same sequence of times in every run
        this.random = new java.util.Random(slug.hashCode());
        this.mediaType = mediaType;
        this.cost = cost;
        this.parameters.addAll(parameters);
        this.pageGeometry = pageGeometry;
        this.workers = new WorkerPool(0);
    }

    public String slug() {
        return slug;
    }

    /** The typical queue time (the fixed one unless {@link #queueTimes(DurationDistribution)} set a spread). */
    public Duration queueTime() {
        return queueTimes.typical();
    }

    /** Time in QUEUED, in simulated time (the simulator's time factor applies); the same for every job. */
    public ModelProfile queueTime(Duration queueTime) {
        this.queueTimes = DurationDistribution.fixed(queueTime);
        return this;
    }

    public DurationDistribution queueTimes() {
        return queueTimes;
    }

    /**
     * Each job's time in QUEUED drawn from {@code distribution} when it is accepted, e.g. a
     * {@link DurationDistribution#mixture mixture} of jobs a warm worker takes at once and jobs that wait for one.
     * A full {@link #workers(int) worker pool} still adds its own wait.
     */
    public ModelProfile queueTimes(DurationDistribution distribution) {
        this.queueTimes = Objects.requireNonNull(distribution, "queueTimes");
        return this;
    }

    /** The typical render time (the fixed one unless {@link #renderTimes(DurationDistribution)} set a spread). */
    public Duration renderTime() {
        return renderTimes.typical();
    }

    /** Time in PROCESSING, in simulated time (the simulator's time factor applies); the same for every job. */
    public ModelProfile renderTime(Duration renderTime) {
        this.renderTimes = DurationDistribution.fixed(renderTime);
        return this;
    }

    public DurationDistribution renderTimes() {
        return renderTimes;
    }

    /**
     * Each job's time in PROCESSING drawn from {@code distribution} when it is accepted, e.g.
     * {@code DurationDistribution.logNormal(Duration.ofMillis(137_700), 0.4)} for a long tail around a page's
     * typical time. The job's answers (metrics, crun's {@code duration_s}) report its own draw.
     */
    public ModelProfile renderTimes(DurationDistribution distribution) {
        this.renderTimes = Objects.requireNonNull(distribution, "renderTimes");
        return this;
    }

    /**
     * Restarts this profile's draws of queue and render times from {@code seed}. Each profile starts seeded from its
     * slug, so the same submissions in the same order get the same times in every run.
     */
    public ModelProfile seed(long seed) {
        synchronized (random) {
            random.setSeed(seed);
        }
        return this;
    }

    public OutputShape outputShape() {
        return outputShape;
    }

    public ModelProfile outputShape(OutputShape outputShape) {
        this.outputShape = Objects.requireNonNull(outputShape, "outputShape");
        return this;
    }

    public int outputs() {
        return outputs;
    }

    /** Number of media files each job produces. */
    public ModelProfile outputs(int outputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be at least 1, got " + outputs);
        }
        this.outputs = outputs;
        return this;
    }

    public String mediaType() {
        return mediaType;
    }

    /** MIME type of the outputs, e.g. {@code image/png}, {@code image/jpeg}, {@code video/mp4}. */
    public ModelProfile mediaType(String mediaType) {
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        return this;
    }

    public long mediaSizeBytes() {
        return mediaSizeBytes;
    }

    /**
     * Pads every output to this many bytes (0 keeps the natural size). The padding is streamed,
     * so gigabyte downloads cost no memory, and it is placed where the format allows it (an MP4
     * {@code free} box, a private PNG chunk) so the file stays valid.
     */
    public ModelProfile mediaSizeBytes(long mediaSizeBytes) {
        if (mediaSizeBytes < 0) {
            throw new IllegalArgumentException("mediaSizeBytes must not be negative");
        }
        this.mediaSizeBytes = mediaSizeBytes;
        return this;
    }

    public double cost() {
        return cost;
    }

    /** Credits charged per accepted job. */
    public ModelProfile cost(double cost) {
        if (cost < 0 || Double.isNaN(cost)) {
            throw new IllegalArgumentException("cost must not be negative");
        }
        this.cost = cost;
        return this;
    }

    public Availability availability() {
        return availability;
    }

    /** Submits answer 404, as for a slug Segmind does not know. */
    public ModelProfile notFound() {
        this.availability = Availability.NOT_FOUND;
        return this;
    }

    /** Submits answer 410, as for a model Segmind has withdrawn. */
    public ModelProfile retired() {
        this.availability = Availability.RETIRED;
        return this;
    }

    /** Undoes {@link #notFound()} and {@link #retired()}. */
    public ModelProfile available() {
        this.availability = Availability.AVAILABLE;
        return this;
    }

    public String failure() {
        return failure;
    }

    /** Every later job ends FAILED with this detail; {@code null} lets jobs succeed again. */
    public ModelProfile failWith(String detail) {
        this.failure = detail;
        return this;
    }

    public List<String> blockedWords() {
        return blockedWords;
    }

    /**
     * Words that make a job end FAILED with a content-policy detail when its prompt contains one
     * (whole words, any case), as Segmind reports a safety block: a FAILED job, not a state of its
     * own. Replaces the list; none by default.
     */
    public ModelProfile blockedWords(String... words) {
        List<String> list = new java.util.ArrayList<>();
        for (String word : words) {
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException("a blocked word must not be blank");
            }
            list.add(word.trim());
        }
        this.blockedWords = List.copyOf(list);
        return this;
    }

    public SyncResponse syncResponse() {
        return syncResponse;
    }

    public ModelProfile syncResponse(SyncResponse syncResponse) {
        this.syncResponse = Objects.requireNonNull(syncResponse, "syncResponse");
        return this;
    }

    /** The documented parameters, checked on every submit; unknown ones always pass. */
    public List<ModelParameter> parameters() {
        return List.copyOf(parameters);
    }

    /** Adds a documented parameter, replacing one of the same name: requests breaking it get a 400 naming it. */
    public ModelProfile parameter(ModelParameter parameter) {
        Objects.requireNonNull(parameter, "parameter");
        parameters.removeIf(p -> p.name().equals(parameter.name()));
        parameters.add(parameter);
        return this;
    }

    /** Drops every parameter rule, so any JSON object is accepted. */
    public ModelProfile clearParameters() {
        parameters.clear();
        return this;
    }

    /**
     * Fixes the output's pixel size whatever the request says. Unset, a seed model follows its
     * parameters ({@code size}, {@code resolution}) and other models produce 1024x1024 images or
     * 1280x720 video.
     */
    public ModelProfile outputSize(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > 8192L * 8192L) {
            throw new IllegalArgumentException("outputSize must be between 1x1 and 8192x8192 pixels, got "
                    + width + "x" + height);
        }
        this.outputSize = new int[] {width, height};
        return this;
    }

    /** Fixes a video output's length whatever the request says (unset: the model's duration parameter, else 5 s). */
    public ModelProfile videoLength(Duration length) {
        Objects.requireNonNull(length, "videoLength");
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("videoLength must be within (0, 10 minutes], got " + length);
        }
        this.videoLength = length;
        return this;
    }

    public int workers() {
        return workers.capacity();
    }

    /**
     * Renders at most this many jobs at once; later ones stay QUEUED until a worker frees up,
     * first come first served. 0, the default, means a worker for every job, as Segmind's
     * serverless fleet mostly behaves.
     */
    public ModelProfile workers(int count) {
        workers.capacity(count);
        return this;
    }

    WorkerPool workerPool() {
        return workers;
    }

    /** The immutable copy a job keeps, so later profile changes do not rewrite its history. */
    ModelSpec snapshot() {
        Duration queue;
        Duration render;
        synchronized (random) {
            queue = queueTimes.draw(random);
            render = renderTimes.draw(random);
        }
        return new ModelSpec(slug, queue, render, outputShape, outputs, mediaType,
                mediaSizeBytes, cost, availability, failure, blockedWords, syncResponse, List.copyOf(parameters),
                geometryRule());
    }

    private MediaGeometry.Rule geometryRule() {
        int[] size = outputSize;
        Duration length = videoLength;
        MediaGeometry.Rule page = pageGeometry;
        boolean video = MediaTypes.baseType(mediaType).startsWith("video/");
        return params -> {
            MediaGeometry base = page != null ? page.of(params)
                    // a model without rules may be sent any duration: keep the file makeable
                    : video ? MediaGeometry.DEFAULT_VIDEO.withSeconds(
                            Math.max(1, Math.min(600, MediaGeometry.integer(params, "duration", 5))))
                    : MediaGeometry.DEFAULT_IMAGE;
            if (video && base.fps() == 0) {
                base = MediaGeometry.DEFAULT_VIDEO;
            }
            if (size != null) {
                base = video ? MediaGeometry.video(size[0], size[1], base.seconds(), base.fps())
                        : MediaGeometry.image(size[0], size[1]);
            }
            return length == null || !video ? base : base.withSeconds(length.toMillis() / 1000.0);
        };
    }

    @Override
    public String toString() {
        return "ModelProfile[" + slug + ", queue=" + queueTimes + ", render=" + renderTimes + ", " + mediaType + "]";
    }
}
