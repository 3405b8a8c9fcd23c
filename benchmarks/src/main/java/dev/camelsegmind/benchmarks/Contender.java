package dev.camelsegmind.benchmarks;

import java.util.concurrent.CompletableFuture;

/** One way of running Segmind jobs. Every job ends with its media in hand. */
interface Contender extends AutoCloseable {

    /** Starts one job; the future completes when the media is in hand (the moment a route would go on). */
    CompletableFuture<Delivery> submit(String model, String prompt);

    /** A finished job: its request id, when its media was in hand (epoch ms) and how many bytes it had. */
    record Delivery(String requestId, long deliveredAtMillis, long bytes) {
    }

    /** How many jobs this contender holds in flight at most, or 0 when it has no limit of its own. */
    default int capacity() {
        return 0;
    }

    @Override
    void close() throws Exception;
}
