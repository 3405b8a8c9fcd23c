package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends crun's callbacks: when a task with a {@code callback_url} ends, its {@code data} object is POSTed there,
 * shaped by the first {@link CallbackFault} that applies, retried as {@link Crun#callbackRetries} says, and every
 * POST (or decision not to send one) is journaled as {@link Route#CRUN_CALLBACK}. Only loopback URLs are ever
 * contacted.
 *
 * <p>Everything waits on the simulator's clock: a task's end, a delay, a retry's backoff are instants on it, checked
 * every few milliseconds while any is pending, so a {@link SimulatedClock} moved by a test releases them as surely as
 * real time does. The POSTs themselves are asynchronous and never hold the simulator's timer thread.
 */
final class Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);
    private static final long TICK_MILLIS = 5;
    /** The longest a reordered callback waits for another task's callback to overtake it. */
    static final Duration REORDER_HOLD = Duration.ofMinutes(1);
    static final String USER_AGENT = "crun-callback (camel-segmind simulator)";

    private record Due(Instant at, long order, long epoch, Runnable action) {
    }

    /** The POSTs one callback turned into, sent one after another. */
    private record Sequence(String receiverTask, Deque<CallbackShot> shots, long epoch, AtomicBoolean started) {
    }

    private final Crun crun;
    private final Clock clock;
    private final TimeScale scale;
    private final Journal journal;
    private final ScheduledExecutorService scheduler;
    private final CrunTaskData data;

    private final PriorityQueue<Due> queue = new PriorityQueue<>(
            Comparator.comparing(Due::at).thenComparingLong(Due::order));
    private final List<Sequence> held = new ArrayList<>();
    private long order;
    private long epoch;
    private boolean ticking;
    private ExecutorService senders;
    private HttpClient http;
    private boolean closed;

    Callbacks(Crun crun, Clock clock, TimeScale scale, Journal journal, ScheduledExecutorService scheduler,
            CrunTaskData data) {
        this.crun = crun;
        this.clock = clock;
        this.scale = scale;
        this.journal = journal;
        this.scheduler = scheduler;
        this.data = data;
    }

    /** Arranges the task's callback for the moment it ends. */
    void expect(CrunTask task) {
        at(task.job().finishesAt(), () -> fire(task));
    }

    /** Forgets every callback not yet sent; answers still on their way are not journaled. */
    synchronized void reset() {
        epoch++;
        queue.clear();
        held.clear();
        // a new client, so no kept-alive connection to a receiver of before the reset is reused: a new receiver may
        // get the same loopback port, and a POST on the old receiver's closed connection fails without an answer
        http = null;
    }

    synchronized void close() {
        closed = true;
        reset();
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    private void fire(CrunTask task) {
        // read before a fault is counted as applied, so the waits below start from the task's end as seen here
        Instant now = clock.instant();
        URI url = URI.create(task.callbackUrl());
        ObjectNode body = data.of(task, task.job().stateAt(task.job().finishesAt()));
        CallbackShot genuine = shot(url, body, task.id(), null, true);
        if (!CallbackUrls.loopback(url)) {
            record(genuine.copy("refused:not-loopback"), -1);
            return;
        }
        Optional<CallbackFault> fault = crun.callbackFaults().apply(task.id());
        if (fault.isEmpty()) {
            start(sequence(task, genuine));
            return;
        }
        CallbackFault f = fault.get();
        CallbackShot tagged = shot(url, body, task.id(), f.tag(), true);
        switch (f.kind()) {
            case LOSE:
                record(tagged, -1);
                break;
            case DELAY:
                at(now.plus(scale.real(f.delay())), () -> start(sequence(task, tagged)));
                break;
            case DUPLICATE:
                start(sequence(task, genuine, genuine.copy(f.tag())));
                break;
            case REORDER:
                hold(sequence(task, tagged), now);
                break;
            case FORGE_TOKEN:
                URI forged = CallbackUrls.forgeToken(url, crun.callbackTokenParameter());
                start(sequence(task, shot(forged, body, task.id(), f.tag(), false), genuine));
                break;
            case FORGE_TASK:
                start(sequence(task, foreignTask(task, url, f.tag()), genuine));
                break;
            case OVERSIZE:
                start(sequence(task, oversized(url, body, task.id(), f)));
                break;
            default:
                throw new IllegalStateException(String.valueOf(f.kind()));
        }
    }

    /** Another account's newest task, or one nobody owns, posted to this task's URL. */
    private CallbackShot foreignTask(CrunTask task, URI url, String tag) {
        Optional<CrunTask> other = crun.tasks().newestNotOwnedBy(task.apiKey());
        ObjectNode body;
        if (other.isPresent()) {
            Job job = other.get().job();
            body = data.of(other.get(), job.stateAt(job.finishesAt()));
        } else {
            body = data.of(task, task.job().stateAt(task.job().finishesAt())).put("task_id", UUID.randomUUID().toString());
        }
        return shot(url, body, body.get("task_id").asText(), tag, false);
    }

    private static CallbackShot oversized(URI url, ObjectNode body, String taskId, CallbackFault f) {
        ObjectNode padded = body.deepCopy();
        padded.put("padding", "x".repeat((int) f.bytes()));
        Map<String, Object> payload = new LinkedHashMap<>(Json.toMap(body));
        payload.put("padding", "<" + f.bytes() + " chars>");
        return new CallbackShot(url, Json.bytes(padded), payload, taskId, f.tag(), true, 0);
    }

    private static CallbackShot shot(URI url, ObjectNode body, String taskId, String tag, boolean genuine) {
        return new CallbackShot(url, Json.bytes(body), Json.toMap(body), taskId, tag, genuine, 0);
    }

    private synchronized Sequence sequence(CrunTask task, CallbackShot... shots) {
        return new Sequence(task.id(), new ArrayDeque<>(List.of(shots)), epoch, new AtomicBoolean());
    }

    private void start(Sequence sequence) {
        if (sequence.started().compareAndSet(false, true)) {
            next(sequence);
        }
    }

    private void hold(Sequence sequence, Instant now) {
        synchronized (this) {
            held.add(sequence);
        }
        at(now.plus(scale.real(REORDER_HOLD)), () -> release(sequence));
    }

    private void release(Sequence sequence) {
        synchronized (this) {
            held.remove(sequence);
        }
        start(sequence);
    }

    /** Another task's own callback has been answered: the ones held back for it may follow. */
    private void overtaken(String byTask) {
        List<Sequence> ready = new ArrayList<>();
        synchronized (this) {
            for (Sequence s : held) {
                if (!s.receiverTask().equals(byTask)) {
                    ready.add(s);
                }
            }
            held.removeAll(ready);
        }
        ready.forEach(this::start);
    }

    private void next(Sequence sequence) {
        CallbackShot shot;
        synchronized (this) {
            if (sequence.epoch() != epoch) {
                return;
            }
            shot = sequence.shots().poll();
        }
        if (shot != null) {
            send(shot, sequence);
        }
    }

    private void send(CallbackShot shot, Sequence sequence) {
        HttpRequest request = HttpRequest.newBuilder(shot.url())
                .timeout(crun.callbackTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(shot.body()))
                .build();
        HttpClient client;
        try {
            client = client();
        } catch (RejectedExecutionException | IllegalStateException stopping) {
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                LOG.debug("callback to {} not answered: {}", shot.url(), error.toString());
            }
            answered(shot, sequence, response == null ? -1 : response.statusCode());
        });
    }

    private void answered(CallbackShot shot, Sequence sequence, int status) {
        boolean retry = shot.genuine() && status != 200 && shot.attempt() < crun.callbackRetries();
        // timed before the journal shows the failure, so a test that waits for the entry and then moves a
        // simulated clock cannot push the retry further away
        Instant retryAt = clock.instant().plus(scale.real(crun.callbackBackoff().multipliedBy(1L << shot.attempt())));
        synchronized (this) {
            if (sequence.epoch() != epoch) {
                return;
            }
            record(shot, status);
        }
        if (retry) {
            at(retryAt, () -> send(shot.retry(), sequence));
            return;
        }
        if (shot.genuine()) {
            overtaken(sequence.receiverTask());
        }
        next(sequence);
    }

    private void record(CallbackShot shot, int status) {
        URI url = shot.url();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("content-type", "application/json");
        headers.put("host", url.getRawAuthority());
        headers.put("user-agent", USER_AGENT);
        journal.record(new JournalEntry(clock.instant(), Route.CRUN_CALLBACK, "POST", url.getRawPath(),
                url.getRawQuery(), Collections.unmodifiableMap(headers), Crun.MODEL, shot.taskId(), status, false,
                "application/json", shot.body().length, shot.payload(), shot.journalTag()));
    }

    private synchronized HttpClient client() {
        if (closed) {
            throw new IllegalStateException("simulator closed");
        }
        if (senders == null) {
            AtomicInteger count = new AtomicInteger();
            senders = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "segmind-sim-callback-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        if (http == null) {
            // Redirects are not followed: a callback goes to the URL the task named, nowhere else.
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).executor(senders).build();
        }
        return http;
    }

    /** Runs {@code action} once the simulator's clock reaches {@code when}. */
    private synchronized void at(Instant when, Runnable action) {
        if (closed) {
            return;
        }
        queue.add(new Due(when, order++, epoch, action));
        if (!ticking) {
            ticking = true;
            schedule();
        }
    }

    private void schedule() {
        try {
            scheduler.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            ticking = false;
        }
    }

    private void tick() {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
                Due next = queue.poll();
                if (next.epoch() == epoch) {
                    due.add(next.action());
                }
            }
            if (queue.isEmpty()) {
                ticking = false;
            } else {
                schedule();
            }
        }
        for (Runnable action : due) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("crun callback failed", e);
            }
        }
    }
}
