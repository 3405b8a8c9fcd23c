package dev.camelsegmind.component.observability;

import dev.camelsegmind.component.SegmindComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.store.PendingJob;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * What the Segmind components of a context are doing now: the jobs being waited for (request id, model, status,
 * time since submission, status reads, next read), the submits that may have been billed without an answer (their
 * pending-job entries in state UNCERTAIN: job key, model, since, owner, why), and the last failures. Shown by {@code camel get segmind}, the
 * developer console of Camel Main ({@code /q/dev/segmind}) and anything else that reads Camel's console registry.
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
            List<PendingJob> uncertain = SegmindUncertainJobs.of(e.getValue());
            sb.append(String.format("    Uncertain submits (may be billed; reconcile, then remove the entry): %d%n",
                    uncertain.size()));
            for (PendingJob u : uncertain) {
                sb.append(String.format("        %s  %s  since %s%s  %s%n", u.jobKey(), u.model(), u.since(),
                        u.owner() == null ? "" : "  on " + u.owner(), u.detail() == null ? "" : u.detail()));
            }
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
        JsonArray uncertain = new JsonArray();
        for (Map.Entry<String, SegmindComponent> e : components().entrySet()) {
            for (PendingJob u : SegmindUncertainJobs.of(e.getValue())) {
                JsonObject jo = new JsonObject();
                jo.put("component", e.getKey());
                jo.put("jobKey", u.jobKey());
                jo.put("provider", u.provider());
                jo.put("model", u.model());
                jo.put("since", u.since() == null ? null : u.since().toString());
                jo.put("owner", u.owner());
                jo.put("detail", u.detail());
                uncertain.add(jo);
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
        root.put("uncertain", uncertain);
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

    private static long untilNextPoll(JobEngine.ActiveJob job) {
        Instant next = job.nextPollAt();
        return next == null ? 0 : Math.max(0, Duration.between(Instant.now(), next).toMillis());
    }
}
