package dev.camelsegmind.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator behaves for one model slug. Tests change it freely while the simulator runs;
 * each job copies the profile when it is accepted, so a change affects later jobs only.
 */
public final class ModelProfile {

    /** Whether a submit is served at all. */
    public enum Availability { AVAILABLE, NOT_FOUND, RETIRED }

    private final String slug;
    private volatile Duration queueTime;
    private volatile Duration renderTime;
    private volatile OutputShape outputShape = OutputShape.URL_STRING;
    private volatile int outputs = 1;
    private volatile String mediaType;
    private volatile long mediaSizeBytes;
    private volatile double cost;
    private volatile Availability availability = Availability.AVAILABLE;
    private volatile String failure;
    private volatile SyncResponse syncResponse = SyncResponse.RAW_BYTES;

    ModelProfile(String slug, Duration queueTime, Duration renderTime, String mediaType, double cost) {
        this.slug = slug;
        this.queueTime = queueTime;
        this.renderTime = renderTime;
        this.mediaType = mediaType;
        this.cost = cost;
    }

    public String slug() {
        return slug;
    }

    public Duration queueTime() {
        return queueTime;
    }

    /** Time in QUEUED, in simulated time (the simulator's time factor applies). */
    public ModelProfile queueTime(Duration queueTime) {
        this.queueTime = nonNegative(queueTime, "queueTime");
        return this;
    }

    public Duration renderTime() {
        return renderTime;
    }

    /** Time in PROCESSING, in simulated time (the simulator's time factor applies). */
    public ModelProfile renderTime(Duration renderTime) {
        this.renderTime = nonNegative(renderTime, "renderTime");
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

    public SyncResponse syncResponse() {
        return syncResponse;
    }

    public ModelProfile syncResponse(SyncResponse syncResponse) {
        this.syncResponse = Objects.requireNonNull(syncResponse, "syncResponse");
        return this;
    }

    /** The immutable copy a job keeps, so later profile changes do not rewrite its history. */
    ModelSpec snapshot() {
        return new ModelSpec(slug, queueTime, renderTime, outputShape, outputs, mediaType,
                mediaSizeBytes, cost, availability, failure, syncResponse);
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    @Override
    public String toString() {
        return "ModelProfile[" + slug + ", queue=" + queueTime + ", render=" + renderTime + ", " + mediaType + "]";
    }
}
