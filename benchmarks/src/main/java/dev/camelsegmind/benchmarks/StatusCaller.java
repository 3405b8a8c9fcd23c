package dev.camelsegmind.benchmarks;

/** Keeps a fixed number of status calls on the wire, round-robin over the jobs, until stopped. */
interface StatusCaller {

    /** Told of every answer: when it arrived, how long it took, and what was wrong with it (null if nothing). */
    interface Sink {
        void answered(long doneNanos, long latencyNanos, String problem);
    }

    /** A name for the results. */
    String name();

    void start(int concurrency, Sink sink);

    /** Stops sending and waits for the answers still on the wire; returns how many calls were sent. */
    long stop() throws InterruptedException;

    /** Null for a 200 about a job still waiting; the reason otherwise. */
    static String problem(int status, String body) {
        if (status != 200) {
            return "HTTP " + status + ": " + body;
        }
        // the simulator writes compact JSON; parsing every answer would bill the load generator, not the server
        return body.contains("\"status\":\"PROCESSING\"") || body.contains("\"status\":\"QUEUED\"") ? null
                : "not in flight: " + body;
    }
}
