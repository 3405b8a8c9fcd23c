package dev.camelsegmind.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * What a trial costs its own JVM: the most live threads, the largest heap left after a collection (the live set, not
 * garbage waiting to be collected), and process CPU time. Heap is read from the collector's own notifications, so
 * measuring adds no collections and no CPU; {@link #gcNow()} forces one at a moment of interest and keeps its CPU out
 * of the figure.
 */
final class JvmSampler implements AutoCloseable {

    private final Set<String> heapPools = new HashSet<>();
    private final AtomicLong peakHeapAfterGc = new AtomicLong();
    private final List<Runnable> unregister = new ArrayList<>();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long excludedCpu;

    JvmSampler() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
    }

    /** Starts counting from now: peaks reset, CPU zeroed. */
    void start() {
        System.gc();
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        peakHeapAfterGc.set(heapUsed());
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) gc;
            emitter.addNotificationListener(listener, null, null);
            unregister.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (Exception e) {
                    // already gone
                }
            });
        }
        cpuStart = os.getProcessCpuTime();
    }

    /** A full collection now, counted towards the heap peak; its CPU is left out of {@link #cpuMillis()}. */
    long gcNow() {
        long before = os.getProcessCpuTime();
        System.gc();
        long used = heapUsed();
        peakHeapAfterGc.accumulateAndGet(used, Math::max);
        excludedCpu += os.getProcessCpuTime() - before;
        return used;
    }

    int peakThreads() {
        return ManagementFactory.getThreadMXBean().getPeakThreadCount();
    }

    int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    double peakHeapMb() {
        return peakHeapAfterGc.get() / (1024.0 * 1024.0);
    }

    double cpuMillis() {
        return (os.getProcessCpuTime() - cpuStart - excludedCpu) / 1e6;
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        // a young collection leaves old garbage in place; only its total bounds the live set from above
        peakHeapAfterGc.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        unregister.forEach(Runnable::run);
    }
}
