package dev.camelsegmind.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Jobs started together and awaited until a deadline; what is not done by then counts as failed. */
final class Batch {

    final List<CompletableFuture<Contender.Delivery>> jobs = new ArrayList<>();

    void add(CompletableFuture<Contender.Delivery> job) {
        jobs.add(job);
    }

    /** Waits until every job is done or the deadline (epoch ms) passes. */
    void await(long deadlineMillis) {
        try {
            CompletableFuture.allOf(jobs.toArray(new CompletableFuture[0]))
                    .get(Math.max(1, deadlineMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // failures and stragglers are counted below
        }
    }

    List<Contender.Delivery> delivered() {
        List<Contender.Delivery> out = new ArrayList<>();
        for (CompletableFuture<Contender.Delivery> j : jobs) {
            if (j.isDone() && !j.isCompletedExceptionally()) {
                out.add(j.join());
            }
        }
        return out;
    }

    int failed() {
        return jobs.size() - delivered().size();
    }

    String firstFailure() {
        for (CompletableFuture<Contender.Delivery> j : jobs) {
            if (j.isCompletedExceptionally()) {
                try {
                    j.join();
                } catch (Exception e) {
                    Throwable c = e.getCause() != null ? e.getCause() : e;
                    return c.getClass().getSimpleName() + ": " + c.getMessage();
                }
            }
        }
        return jobs.stream().anyMatch(j -> !j.isDone()) ? "not finished by the trial's deadline" : null;
    }
}
