package dev.camelsegmind.component.budget;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages whose job was delivered and whose route then failed, by job key. Such a message comes back (a file left in
 * its folder is read again about once a second) and finds its paid job in the pending-job store; collecting it again
 * costs a status read, a result read and a download every time. So a delivered result is reused once: the delivery
 * that reuses it closes the job's pending entry, and when that delivery fails too the message is refused without a
 * call until Segmind forgets the job. Held in memory, bounded; a restart forgets it.
 */
public final class DeliveredJobs {

    /** More messages failing after delivery at once than this means a broken route; the oldest are forgotten. */
    static final int CAPACITY = 10_000;

    /** A message that failed after delivery {@code failures} times. */
    public record Entry(String requestId, String model, int failures, Instant until) {
        /** Delivered twice, failed twice: not collected again. */
        public boolean closed() {
            return failures >= 2;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** The message's job was delivered and the route failed after it. */
    public synchronized void failedAfterDelivery(String jobKey, String requestId, String model, Instant until) {
        if (jobKey == null) {
            return;
        }
        prune();
        Entry old = entries.remove(jobKey);
        int failures = old != null && old.requestId().equals(requestId) ? old.failures() + 1 : 1;
        entries.put(jobKey, new Entry(requestId, model, failures, until));
        if (entries.size() > CAPACITY) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** What is known of this message's delivered job, or null. */
    public synchronized Entry find(String jobKey) {
        if (jobKey == null) {
            return null;
        }
        Entry e = entries.get(jobKey);
        if (e != null && !e.until().isAfter(Instant.now())) {
            entries.remove(jobKey);
            return null;
        }
        return e;
    }

    /** The message went through: nothing to remember. */
    public synchronized void completed(String jobKey) {
        if (jobKey != null) {
            entries.remove(jobKey);
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void prune() {
        Instant now = Instant.now();
        entries.values().removeIf(e -> !e.until().isAfter(now));
    }
}
