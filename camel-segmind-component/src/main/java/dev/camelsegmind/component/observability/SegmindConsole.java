package dev.camelsegmind.component.observability;

import dev.camelsegmind.component.SegmindComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.budget.KeyCoolDowns;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.store.PendingJob;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * What the Segmind components of a context are doing now: the jobs being waited for (request id, model, status,
 * time since submission, status reads, next read), the keys cooling down after Segmind refused them (why, and until
 * when) and the last failures. Shown by {@code camel get segmind}, the
 * developer console of Camel Main ({@code /q/dev/segmind}) and anything else that reads Camel's console registry.
 * Also the pending-job store's entries (being submitted, accepted and not yet delivered, uncertain), counted by state.
 */
@DevConsole(name = "segmind", displayName = "Segmind", description = "Segmind jobs in flight and recent failures")
public class SegmindConsole extends AbstractDevConsole {

    public SegmindConsole() {
        super("camel", "segmind", "Segmind", "Segmind jobs in flight and recent failures");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, SegmindComponent> e : components().entrySet()) {
            List<JobEngine.ActiveJob> jobs = activeJobs(e.getValue());
            sb.append(String.format("Component: %s%n", e.getKey()));
            sb.append(String.format("    Jobs in flight: %d%n", jobs.size()));
            for (JobEngine.ActiveJob job : jobs) {
                sb.append(String.format("        %s  %s  %s  elapsed %s  polls %d  next poll in %s%n",
                        job.handle().requestId(), job.handle().model(), job.state() == null ? "SUBMITTED" : job.state(),
                        TimeUtils.printDuration(job.elapsed().toMillis(), true), job.polls(),
                        TimeUtils.printDuration(untilNextPoll(job), true)));
            }
            List<KeyCoolDowns.CoolDown> coolDowns = e.getValue().coolDowns().list();
            if (!coolDowns.isEmpty()) {
                sb.append(String.format("    Keys cooling down: %d%n", coolDowns.size()));
                for (KeyCoolDowns.CoolDown c : coolDowns) {
                    sb.append(String.format("        %s  %s  until %s: %s%n", c.baseUrl(), c.reason(), c.until(),
                            c.describe()));
                }
            }
            appendPendingText(sb, pendingEntries(e.getValue()));
            List<SegmindRecentFailures.Failure> failures = e.getValue().recentFailures().list();
            sb.append(String.format("    Recent failures: %d%n", failures.size()));
            for (SegmindRecentFailures.Failure f : failures) {
                sb.append(String.format("        %s  %s  %s  %s: %s%n", f.at(), f.model(),
                        f.requestId() == null ? "(not accepted)" : f.requestId(), f.errorType(), f.message()));
            }
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray jobs = new JsonArray();
        JsonArray failures = new JsonArray();
        JsonArray coolDowns = new JsonArray();
        for (Map.Entry<String, SegmindComponent> e : components().entrySet()) {
            for (KeyCoolDowns.CoolDown c : e.getValue().coolDowns().list()) {
                JsonObject jo = new JsonObject();
                jo.put("component", e.getKey());
                jo.put("baseUrl", c.baseUrl());
                jo.put("model", c.model());
                jo.put("reason", c.reason().name());
                jo.put("httpStatus", c.cause().getHttpStatus());
                jo.put("since", c.since().toString());
                jo.put("until", c.until().toString());
                jo.put("message", c.describe());
                coolDowns.add(jo);
            }
            for (JobEngine.ActiveJob job : activeJobs(e.getValue())) {
                JsonObject jo = new JsonObject();
                jo.put("component", e.getKey());
                jo.put("requestId", job.handle().requestId());
                jo.put("model", job.handle().model());
                jo.put("status", job.state() == null ? "SUBMITTED" : job.state().name());
                jo.put("elapsed", job.elapsed().toMillis());
                jo.put("polls", job.polls());
                jo.put("nextPoll", untilNextPoll(job));
                if (job.nextPollAt() != null) {
                    jo.put("nextPollAt", job.nextPollAt().toString());
                }
                jobs.add(jo);
            }
            for (SegmindRecentFailures.Failure f : e.getValue().recentFailures().list()) {
                JsonObject jo = new JsonObject();
                jo.put("component", e.getKey());
                jo.put("time", f.at().toString());
                jo.put("model", f.model());
                jo.put("requestId", f.requestId());
                jo.put("errorType", f.errorType());
                jo.put("message", f.message());
                failures.add(jo);
            }
        }
        JsonObject root = new JsonObject();
        root.put("jobs", jobs);
        root.put("failures", failures);
        root.put("coolDowns", coolDowns);
        addPendingJson(root, components());
        return root;
    }

    /** Every Segmind component of the context by name: a route may use several, each with its own key. */
    private Map<String, SegmindComponent> components() {
        Map<String, SegmindComponent> found = new java.util.TreeMap<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component c = getCamelContext().hasComponent(name);
            if (c instanceof SegmindComponent sc) {
                found.put(name, sc);
            }
        }
        return found;
    }

    private static List<JobEngine.ActiveJob> activeJobs(SegmindComponent component) {
        JobEngine engine = component.getEngine();
        return engine == null ? List.of() : new ArrayList<>(engine.activeJobs());
    }

    // ---- the pending-job store: what was claimed or paid for and not yet delivered

    /** At most this many entries are listed; the counts cover them all. */
    static final int PENDING_LISTED = 100;

    private static List<PendingJob> pendingEntries(SegmindComponent component) {
        JobEngine engine = component.getEngine();
        if (engine == null) {
            return List.of();
        }
        try {
            List<PendingJob> entries = new ArrayList<>(engine.store().list());
            entries.sort(Comparator.comparing(PendingJob::since, Comparator.nullsLast(Comparator.naturalOrder())));
            return entries;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Map<String, Integer> countByState(List<PendingJob> entries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PendingJob.State state : PendingJob.State.values()) {
            counts.put(state.name(), 0);
        }
        entries.forEach(p -> counts.merge(p.state().name(), 1, Integer::sum));
        return counts;
    }

    private static void appendPendingText(StringBuilder sb, List<PendingJob> entries) {
        sb.append(String.format("    Pending jobs: %d %s%n", entries.size(), countByState(entries)));
        for (PendingJob p : entries.subList(0, Math.min(PENDING_LISTED, entries.size()))) {
            sb.append(String.format("        %s  %s  %s  %s  since %s  key %s%s%n", p.state(), p.provider(), p.model(),
                    p.requestId() == null ? "(no request id)" : p.requestId(), p.since(),
                    SafeText.forMessage(p.jobKey(), 120), p.detail() == null ? ""
                            : "  (" + SafeText.forMessage(p.detail(), 200) + ")"));
        }
    }

    /** Key "pending": one object per entry; key "pendingCounts": per component, the entries in each state. */
    private static void addPendingJson(JsonObject root, Map<String, SegmindComponent> components) {
        JsonArray pending = new JsonArray();
        JsonObject counts = new JsonObject();
        for (Map.Entry<String, SegmindComponent> e : components.entrySet()) {
            List<PendingJob> entries = pendingEntries(e.getValue());
            counts.put(e.getKey(), new JsonObject(new LinkedHashMap<>(countByState(entries))));
            for (PendingJob p : entries.subList(0, Math.min(PENDING_LISTED, entries.size()))) {
                JsonObject jo = new JsonObject();
                jo.put("component", e.getKey());
                jo.put("jobKey", SafeText.forMessage(p.jobKey(), 200));
                jo.put("state", p.state().name());
                jo.put("provider", p.provider());
                jo.put("model", p.model());
                jo.put("requestId", p.requestId());
                jo.put("since", p.since() == null ? null : p.since().toString());
                jo.put("expiresAt", p.expiresAt() == null ? null : p.expiresAt().toString());
                jo.put("owner", p.owner());
                jo.put("detail", p.detail());
                pending.add(jo);
            }
        }
        root.put("pending", pending);
        root.put("pendingCounts", counts);
    }

    private static long untilNextPoll(JobEngine.ActiveJob job) {
        Instant next = job.nextPollAt();
        return next == null ? 0 : Math.max(0, Duration.between(Instant.now(), next).toMillis());
    }
}
