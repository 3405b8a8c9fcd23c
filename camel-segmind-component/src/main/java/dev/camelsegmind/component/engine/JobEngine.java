package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.camelsegmind.component.client.CallPhase;
import dev.camelsegmind.component.client.SegmindErrors;
import dev.camelsegmind.component.error.SegmindJobFailedException;
import dev.camelsegmind.component.error.SegmindRequestExpiredException;
import dev.camelsegmind.component.error.SegmindTimeoutException;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.model.SegmindMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job lifecycle, for any provider: submit, wait, fetch, deliver. Waiting is a chain of tasks on one shared
 * scheduler and non-blocking HTTP calls; no thread is held while a job is queued or rendering, so one JVM can keep
 * thousands of jobs in flight. Provider specifics stay behind {@link JobProvider}.
 */
public final class JobEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    // beyond the deadline a last status read may still be answering (its retries are bounded by the deadline)
    private static final long WATCHDOG_GRACE_MILLIS = 120_000;

    private final ScheduledExecutorService scheduler;
    private final RequestLimiter limiter;
    private final PendingJobStore store;
    private final Retrier retrier;
    private final MediaFetcher fetcher;
    private final JobListener listener;
    private final Map<String, ActiveJob> active = new ConcurrentHashMap<>();

    public JobEngine(ScheduledExecutorService scheduler, RequestLimiter limiter, PendingJobStore store,
                     JobListener listener) {
        this.scheduler = scheduler;
        this.limiter = limiter;
        this.store = store;
        this.retrier = new Retrier(scheduler, limiter);
        this.fetcher = new MediaFetcher();
        this.listener = listener == null ? JobListener.NONE : listener;
    }

    /**
     * Submit, wait and fetch. When the spec names a job key and the store holds an accepted job for it that is still
     * retained, that job is resumed instead of paying for a new one.
     */
    public CompletableFuture<JobResult> generate(JobProvider provider, JobSpec spec) {
        long deadline = System.currentTimeMillis() + spec.timeout().toMillis();
        JobListener events = JobListener.compose(listener, spec.listener());
        CompletableFuture<JobResult> outcome = limiter.acquireJob().thenCompose(v -> {
            Optional<PendingJob> pending = spec.jobKey() == null ? Optional.empty() : store.find(spec.jobKey());
            if (pending.isPresent()) {
                return resumePending(provider, spec, pending.get(), deadline, events);
            }
            return submitAndRecord(provider, spec, deadline, events)
                    .thenCompose(handle -> waitAndFetch(provider, handle, spec, deadline, events, false));
        });
        outcome.whenComplete((r, e) -> {
            limiter.releaseJob();
            if (e != null && spec.jobKey() != null) {
                forgetIfFinal(spec.jobKey(), SegmindErrors.unwrap(e));
            }
        });
        return outcome;
    }

    /** Submits only; the caller keeps the request id. */
    public CompletableFuture<JobHandle> submit(JobProvider provider, JobSpec spec) {
        long deadline = System.currentTimeMillis() + spec.timeout().toMillis();
        JobListener events = JobListener.compose(listener, spec.listener());
        return submitAndRecord(provider, spec, deadline, events);
    }

    /** Waits for and fetches a job submitted earlier, perhaps by another route or JVM. */
    public CompletableFuture<JobResult> await(JobProvider provider, JobHandle handle, JobSpec spec) {
        long deadline = System.currentTimeMillis() + spec.timeout().toMillis();
        JobListener events = JobListener.compose(listener, spec.listener());
        return limiter.acquireJob()
                .thenCompose(v -> waitAndFetch(provider, handle, spec, deadline, events, true))
                .whenComplete((r, e) -> limiter.releaseJob());
    }

    /** One status read, with retries. */
    public CompletableFuture<JobStatus> status(JobProvider provider, JobHandle handle, JobSpec spec) {
        long deadline = System.currentTimeMillis() + spec.timeout().toMillis();
        return retrier.call(CallPhase.STATUS, handle.requestId(), handle.model(), deadline, spec.retry(),
                JobListener.compose(listener, spec.listener()), () -> provider.status(handle));
    }

    /**
     * Runs a call outside the job lifecycle (sync, upload) with the same retry rules: a POST is repeated only when
     * the server cannot have accepted it.
     */
    public <T> CompletableFuture<T> withRetries(CallPhase phase, String model, Duration timeout, RetryPolicy retry,
                                                java.util.function.Supplier<CompletableFuture<T>> call) {
        return retrier.call(phase, null, model, System.currentTimeMillis() + timeout.toMillis(), retry, listener, call);
    }

    /** Downloads outputs that did not come from a polled job (a sync answer that carries URLs). */
    public CompletableFuture<List<SegmindMedia>> download(JobHandle handle, List<MediaRef> refs, DownloadOptions options,
                                                          RetryPolicy retry, Duration timeout) {
        JobSpec spec = new JobSpec(handle.model(), Map.of(), null, timeout, null, retry, options, JobListener.NONE);
        ActiveJob job = new ActiveJob(handle, spec, System.currentTimeMillis() + timeout.toMillis(), listener, false);
        JobResult bare = new JobResult(handle, Map.of(), Map.of(), refs, List.of(), false);
        return download(job, bare, null).thenApply(JobResult::media);
    }

    /** Forgets the pending job of a message once its media was delivered. */
    public void delivered(String jobKey) {
        if (jobKey != null) {
            store.remove(jobKey);
        }
    }

    /** Jobs being waited for now, for the console and metrics. */
    public Collection<ActiveJob> activeJobs() {
        return List.copyOf(active.values());
    }

    public RequestLimiter limiter() {
        return limiter;
    }

    public PendingJobStore store() {
        return store;
    }

    private CompletableFuture<JobHandle> submitAndRecord(JobProvider provider, JobSpec spec, long deadline,
                                                         JobListener events) {
        return retrier.call(CallPhase.SUBMIT, null, spec.model(), spec.jobKey(), deadline, spec.retry(), events,
                () -> provider.submit(spec.model(), spec.payload()))
                .whenComplete((handle, e) -> {
                    if (e != null) {
                        events.failed(null, spec.model(), SegmindErrors.unwrap(e));
                    }
                })
                .thenApply(handle -> {
                    if (spec.jobKey() != null) {
                        // recorded before anything else happens, so a crash from here on cannot pay twice
                        store.put(new PendingJob(spec.jobKey(), handle.requestId(), handle.model(),
                                handle.submittedAt(), handle.statusUrl().toString(), handle.responseUrl().toString()));
                    }
                    LOG.debug("Submitted {} as request {}{}", spec.model(), handle.requestId(), spec.jobKey() == null
                            ? "" : " (job key " + SafeText.forMessage(spec.jobKey(), 120)
                            + ")");
                    events.submitted(handle);
                    return handle;
                });
    }

    private CompletableFuture<JobResult> resumePending(JobProvider provider, JobSpec spec, PendingJob pending,
                                                       long deadline, JobListener events) {
        Instant expiresAt = pending.submittedAt().plus(provider.retention());
        if (Instant.now().isAfter(expiresAt)) {
            store.remove(pending.jobKey());
            LOG.warn("The pending Segmind job {} of {} for this message expired at {} before its media was delivered;"
                    + " the entry is removed and the next delivery submits a new job", pending.requestId(),
                    pending.model(), expiresAt);
            return CompletableFuture.failedFuture(new SegmindRequestExpiredException("The earlier job for this message"
                    + " (request " + pending.requestId() + ", submitted " + pending.submittedAt() + ") expired at "
                    + expiresAt + " before its media was delivered; send the message again to submit a new job", 404,
                    null, pending.requestId(), pending.model()));
        }
        LOG.info("Resuming pending Segmind job {} of {} instead of submitting again", pending.requestId(),
                pending.model());
        JobHandle handle = new JobHandle(pending.requestId(), pending.model(),
                java.net.URI.create(pending.statusUrl()), java.net.URI.create(pending.responseUrl()),
                pending.submittedAt());
        return waitAndFetch(provider, handle, spec, deadline, events, true);
    }

    private CompletableFuture<JobResult> waitAndFetch(JobProvider provider, JobHandle handle, JobSpec spec,
                                                      long deadline, JobListener events, boolean resumed) {
        ActiveJob job = new ActiveJob(handle, spec, deadline, events, resumed);
        active.put(handle.requestId(), job);
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> watchdog(job),
                Math.max(0, deadline - System.currentTimeMillis()) + WATCHDOG_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        // The caller's stages hang off the returned stage, so the job has left the in-flight list (the dev console,
        // metrics) before the exchange sees its result; stages on job.future itself would run in reverse order.
        CompletableFuture<JobResult> settled = job.future.whenComplete((r, e) -> {
            watchdog.cancel(false);
            active.remove(handle.requestId(), job);
        });
        schedulePoll(provider, job, spec.polling().nextDelay(spec.model(), 0, job.elapsed(), null).toMillis());
        return settled;
    }

    /**
     * The safety net behind the poll chain: should a chain ever break (an Error in a callback, a task lost to a
     * rejected executor), the exchange still ends with a timeout instead of waiting forever. A job whose result is
     * being fetched is left alone: its download is bounded by its own timeout.
     */
    private void watchdog(ActiveJob job) {
        if (!job.future.isDone() && job.state != JobState.COMPLETED) {
            LOG.warn("Segmind request {} of {} was still waiting {} ms after its deadline; ending it",
                    job.handle.requestId(), job.handle.model(), WATCHDOG_GRACE_MILLIS);
            timeout(job);
        }
    }

    private void schedulePoll(JobProvider provider, ActiveJob job, long delayMillis) {
        long remaining = job.deadline - System.currentTimeMillis();
        if (remaining <= 0) {
            timeout(job);
            return;
        }
        long delay = Math.max(0, Math.min(delayMillis, remaining));
        job.nextPollAt = Instant.now().plusMillis(delay);
        scheduler.schedule(() -> poll(provider, job), delay, TimeUnit.MILLISECONDS);
    }

    private void poll(JobProvider provider, ActiveJob job) {
        if (job.future.isDone()) {
            return;
        }
        job.polls++;
        retrier.call(CallPhase.STATUS, job.handle.requestId(), job.handle.model(), job.deadline, job.spec.retry(),
                job.events, () -> provider.status(job.handle))
                .whenComplete((status, failure) -> {
                    try {
                        if (failure != null) {
                            fail(job, SegmindErrors.unwrap(failure));
                        } else {
                            onStatus(provider, job, status);
                        }
                    } catch (RuntimeException | LinkageError e) {
                        fail(job, e);
                    }
                });
    }

    private void onStatus(JobProvider provider, ActiveJob job, JobStatus status) {
        JobState previous = job.state;
        job.state = status.state();
        job.events.statusRead(job.handle, previous, status.state(), job.elapsed());
        if (previous != status.state()) {
            LOG.debug("Segmind request {} of {} is {} after {} ms", job.handle.requestId(), job.handle.model(),
                    status.state(), job.elapsed().toMillis());
        }
        switch (status.state()) {
            case COMPLETED:
                job.spec.polling().jobFinished(job.handle.model(), job.sinceSubmission());
                fetch(provider, job);
                break;
            case FAILED:
                fail(job, new SegmindJobFailedException("Segmind job " + job.handle.requestId() + " of "
                        + job.handle.model() + " FAILED" + (status.detail() != null ? ": "
                        + dev.camelsegmind.component.model.SafeText.forMessage(status.detail(), 300) : ""), 422,
                        status.detail(), job.handle.requestId(), job.handle.model()));
                break;
            default:
                schedulePoll(provider, job, job.spec.polling()
                        .nextDelay(job.handle.model(), job.polls, job.elapsed(), status.state()).toMillis());
        }
    }

    private void fetch(JobProvider provider, ActiveJob job) {
        CompletableFuture<JobResult> result = retrier.call(CallPhase.RESULT, job.handle.requestId(),
                job.handle.model(), job.retainedUntil(provider), job.spec.retry(), job.events,
                () -> provider.result(job.handle));
        if (job.spec.download() != null) {
            result = result.thenCompose(r -> download(job, r, provider));
        }
        result.whenComplete((r, e) -> {
            if (e != null) {
                fail(job, SegmindErrors.unwrap(e));
            } else {
                JobResult delivered = job.resumed ? r.asResumed() : r;
                try {
                    job.events.completed(delivered, job.elapsed());
                } finally {
                    job.future.complete(delivered);
                }
            }
        });
    }

    private CompletableFuture<JobResult> download(ActiveJob job, JobResult result, JobProvider provider) {
        List<MediaRef> refs = result.outputs();
        List<CompletableFuture<SegmindMedia>> parts = new ArrayList<>();
        // a download may be retried as long as the provider keeps the result, even past the waiting deadline
        long until = provider == null ? job.deadline : Math.max(job.deadline, job.retainedUntil(provider));
        for (int i = 0; i < refs.size(); i++) {
            int index = i;
            parts.add(retrier.call(CallPhase.MEDIA, job.handle.requestId(), job.handle.model(), until,
                    job.spec.retry(), job.events,
                    () -> fetcher.fetch(job.handle, refs.get(index), index, refs.size(), job.spec.download())));
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture[0])).handle((v, e) -> {
            List<SegmindMedia> media = new ArrayList<>();
            for (CompletableFuture<SegmindMedia> p : parts) {
                if (!p.isCompletedExceptionally() && p.isDone()) {
                    media.add(p.join());
                }
            }
            if (e != null) {
                // never leave the successful half of an image set behind on disk
                MediaFetcher.filesOf(media).forEach(MediaFetcher::deleteQuietly);
                throw e instanceof CompletionException ce ? ce : new CompletionException(e);
            }
            long bytes = media.stream().mapToLong(SegmindMedia::getSize).sum();
            job.events.downloaded(job.handle, bytes);
            return result.withMedia(media);
        });
    }

    private void timeout(ActiveJob job) {
        fail(job, new SegmindTimeoutException("Segmind job " + job.handle.requestId() + " of " + job.handle.model()
                + " did not finish within " + Duration.ofMillis(job.spec.timeout().toMillis()).toSeconds()
                + " s (option timeout); last status " + job.state + ". It keeps running at Segmind: collect it with"
                + " operation=await and header CamelSegmindRequestId within an hour of submission",
                job.handle.requestId(), job.handle.model(), job.state == null ? null : job.state.name()));
    }

    private void fail(ActiveJob job, Throwable error) {
        if (job.future.isDone()) {
            return;
        }
        try {
            job.events.failed(job.handle, job.handle.model(), error);
        } finally {
            // a listener that breaks must not leave the exchange waiting forever
            job.future.completeExceptionally(error);
        }
    }

    /**
     * Keeps the pending entry unless the job can never deliver. A job that FAILED at Segmind, or that Segmind no
     * longer knows, is forgotten so a redelivery submits anew; after any other failure (timeout, download, a bad
     * answer) the paid job may still be collected, so a redelivery within the hour resumes it instead of paying again.
     */
    private void forgetIfFinal(String jobKey, Throwable t) {
        if (t instanceof SegmindJobFailedException) {
            store.remove(jobKey);
        } else if (t instanceof SegmindRequestExpiredException expired && expired.getRequestId() != null
                && store.find(jobKey).filter(p -> expired.getRequestId().equals(p.requestId())).isPresent()) {
            store.remove(jobKey);
            LOG.warn("Segmind no longer knows the pending job {} of {} for this message (results are kept one hour);"
                    + " its entry is removed and the next delivery submits a new job", expired.getRequestId(),
                    expired.getModel());
        }
    }

    /** A job being waited for. Mutated only by the one task chain that owns it. */
    public static final class ActiveJob {
        private final JobHandle handle;
        private final JobSpec spec;
        private final long deadline;
        private final JobListener events;
        private final boolean resumed;
        private final long startedNanos = System.nanoTime();
        private final CompletableFuture<JobResult> future = new CompletableFuture<>();
        private volatile JobState state;
        private volatile int polls;
        private volatile Instant nextPollAt;

        ActiveJob(JobHandle handle, JobSpec spec, long deadline, JobListener events, boolean resumed) {
            this.handle = handle;
            this.spec = spec;
            this.deadline = deadline;
            this.events = events;
            this.resumed = resumed;
        }

        public JobHandle handle() {
            return handle;
        }

        public JobState state() {
            return state;
        }

        public int polls() {
            return polls;
        }

        public Instant nextPollAt() {
            return nextPollAt;
        }

        public Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }

        Duration sinceSubmission() {
            return handle.submittedAt() == null ? elapsed() : Duration.between(handle.submittedAt(), Instant.now());
        }

        long retainedUntil(JobProvider provider) {
            Instant submitted = handle.submittedAt() == null ? Instant.now() : handle.submittedAt();
            return Math.max(deadline, submitted.plus(provider.retention()).toEpochMilli());
        }
    }
}
