package dev.camelsegmind.examples.folderwatch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.JobState;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per step of each file's job, with the time since the file was picked up: queued, processing, then
 * done or failed. The route reports what it sees (submission, the written result, a failure); the component reports
 * status changes to this listener by request id, which the route's submit step tied to the file.
 */
final class JobProgress implements JobListener {

    private static final Logger LOG = LoggerFactory.getLogger("folder-watch");

    private record Tracked(String input, long startedNanos) {
    }

    private final Map<String, Tracked> byRequestId = new ConcurrentHashMap<>();
    private final RunSummary summary = new RunSummary();
    private final Path home;

    /** @param home the folder paths are shown relative to */
    JobProgress(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    RunSummary summary() {
        return summary;
    }

    /** The file was picked up: the clock starts. */
    void started(Exchange exchange) {
        exchange.setProperty(ExchangeKeys.INPUT, exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class));
        exchange.setProperty(ExchangeKeys.STARTED, System.nanoTime());
    }

    /** Segmind accepted the job; from now on its status changes arrive by request id. */
    void queued(Exchange exchange) {
        String input = exchange.getProperty(ExchangeKeys.INPUT, String.class);
        String requestId = exchange.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        byRequestId.put(requestId, new Tracked(input, exchange.getProperty(ExchangeKeys.STARTED, Long.class)));
        line(input, "queued", secondsSinceStart(exchange),
                exchange.getMessage().getHeader(SegmindConstants.MODEL) + ", request " + requestId);
    }

    void done(Exchange exchange, Path outbox) {
        String input = exchange.getProperty(ExchangeKeys.INPUT, String.class);
        String model = exchange.getMessage().getHeader(SegmindConstants.MODEL, String.class);
        byRequestId.remove(exchange.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class));
        @SuppressWarnings("unchecked")
        List<String> outputs = exchange.getProperty(ExchangeKeys.OUTPUTS, List.class);
        double seconds = secondsSinceStart(exchange);
        String shown = String.join(", ", outputs.stream().map(name -> shown(outbox.resolve(name))).toList());
        line(input, "done", seconds, shown);
        summary.add(new RunSummary.Row(input, model, "done", seconds, shown));
    }

    void failed(Exchange exchange, Throwable error, Path report) {
        String input = exchange.getProperty(ExchangeKeys.INPUT, String.class);
        String model = exchange.getMessage().getHeader(SegmindConstants.MODEL, String.class);
        String requestId = exchange.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        if (requestId != null) {
            byRequestId.remove(requestId);
        }
        double seconds = secondsSinceStart(exchange);
        line(input, "failed", seconds, error.getMessage());
        summary.add(new RunSummary.Row(input, model, "failed", seconds, shown(report)));
    }

    /** Camel is stopping (Ctrl-C) with jobs still running: it waits for them, as Segmind bills them anyway. */
    void stopping(int running) {
        if (running > 0) {
            LOG.info("stopping: waiting for {} running job(s) so their results are saved (up to"
                    + " camel.main.shutdown-timeout seconds)", running);
        }
    }

    @Override
    public void statusRead(JobHandle job, JobState from, JobState to, Duration elapsed) {
        Tracked tracked = byRequestId.get(job.requestId());
        // the first QUEUED was reported at submission; final states once the file is written or moved
        if (tracked == null || from == to || to.isFinal() || from == null && to == JobState.QUEUED) {
            return;
        }
        line(tracked.input(), to.name().toLowerCase(Locale.ROOT), seconds(tracked.startedNanos()), "");
    }

    @Override
    public void retrying(String requestId, String model, CallPhase phase, int attempt, long delayMillis,
                         Throwable cause) {
        Tracked tracked = requestId == null ? null : byRequestId.get(requestId);
        String who = tracked != null ? tracked.input() : model;
        line(who, "retrying", tracked != null ? seconds(tracked.startedNanos()) : 0,
                phase.name().toLowerCase(Locale.ROOT) + " call, attempt " + attempt + " in " + delayMillis + " ms: "
                        + cause.getMessage());
    }

    static double secondsSinceStart(Exchange exchange) {
        Long started = exchange.getProperty(ExchangeKeys.STARTED, Long.class);
        return started == null ? 0 : seconds(started);
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0;
    }

    private String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString() : absolute.toString();
    }

    private static void line(String input, String state, double seconds, String detail) {
        String line = String.format(Locale.ROOT, "%-22s %-10s %6.1f s  %s", input, state, seconds, detail);
        LOG.info(line.stripTrailing());
    }
}
