package dev.camelsegmind.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * CPU time at one instant: the simulator's process (another JVM, read through {@link ProcessHandle}, which on Linux is
 * /proc/PID/stat), this load generator's process, and the whole machine (/proc/stat), so two snapshots tell who used
 * the two cores: if server and client together use all of them, the rate is the machine's, not the server's alone.
 */
record CpuSnapshot(long wallNanos, long serverNanos, long clientNanos, long machineBusyTicks, long machineTicks) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static CpuSnapshot take(long serverPid) {
        long server = ProcessHandle.of(serverPid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos)
                .orElse(-1L);
        long[] machine = readProcStat();
        return new CpuSnapshot(System.nanoTime(), server, OS.getProcessCpuTime(), machine[0], machine[1]);
    }

    /** Cores the simulator kept busy on average since {@code earlier}. */
    double serverCoresSince(CpuSnapshot earlier) {
        return (double) (serverNanos - earlier.serverNanos) / (wallNanos - earlier.wallNanos);
    }

    double clientCoresSince(CpuSnapshot earlier) {
        return (double) (clientNanos - earlier.clientNanos) / (wallNanos - earlier.wallNanos);
    }

    /** Busy share of all cores since {@code earlier}, times the core count: 2.0 is a saturated 2-core machine. */
    double machineCoresSince(CpuSnapshot earlier) {
        long total = machineTicks - earlier.machineTicks;
        return total <= 0 ? Double.NaN : (double) (machineBusyTicks - earlier.machineBusyTicks) / total
                * Runtime.getRuntime().availableProcessors();
    }

    double serverCpuSecondsSince(CpuSnapshot earlier) {
        return (serverNanos - earlier.serverNanos) / 1e9;
    }

    /** Busy and total ticks of all CPUs: the first line of /proc/stat; idle and iowait count as not busy. */
    private static long[] readProcStat() {
        try {
            String[] f = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            // not Linux: the machine figure is left out
            return new long[] {0, 0};
        }
    }
}
