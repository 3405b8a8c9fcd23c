package dev.camelsegmind.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Status calls as fast as the simulator answers them, with a fixed number on the wire. Only answers arriving inside
 * the measured window count towards the rate and the latencies; the warm-up before it lets the JIT and the
 * connections settle. Failures count over the whole run.
 */
final class StatusLoad {

    /**
     * One client at one concurrency level. CPU is in cores kept busy on average over the measured window: the
     * simulator's, the load generator's, the whole machine's, and what other processes took.
     */
    record Level(String client, int concurrency, double measuredSeconds, long calls, double callsPerSecond,
            double p50Ms, double p99Ms, double maxMs, long failures, String firstFailure, double serverCores,
            double clientCores, double machineCores, double otherCores, double serverCpuMicrosPerCall, long sent) {
    }

    private final long serverPid;

    StatusLoad(long serverPid) {
        this.serverPid = serverPid;
    }

    Level run(StatusCaller caller, int concurrency, Duration warmup, Duration measured) throws InterruptedException {
        LatencyRecorder latencies = new LatencyRecorder(1 << 22);
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long from = System.nanoTime() + warmup.toNanos();
        long until = from + measured.toNanos();
        caller.start(concurrency, (done, latency, problem) -> {
            if (problem != null) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, problem);
            } else if (done >= from && done < until) {
                latencies.add(latency);
            }
        });
        sleepUntil(from);
        CpuSnapshot atFrom = CpuSnapshot.take(serverPid);
        sleepUntil(until);
        CpuSnapshot atUntil = CpuSnapshot.take(serverPid);
        // answers still on the wire are waited for (and checked) but fall outside the window
        long sent = caller.stop();
        long calls = latencies.count();
        double seconds = measured.toNanos() / 1e9;
        double[] p = latencies.percentilesMs(0.5, 0.99, 1.0);
        double server = atUntil.serverCoresSince(atFrom);
        double client = atUntil.clientCoresSince(atFrom);
        double machine = atUntil.machineCoresSince(atFrom);
        return new Level(caller.name(), concurrency, seconds, calls, round(calls / seconds), round(p[0]), round(p[1]),
                round(p[2]), failures.get(), firstFailure.get(), round(server), round(client), round(machine),
                round(Math.max(0, machine - server - client)),
                round(atUntil.serverCpuSecondsSince(atFrom) * 1e6 / calls), sent);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
