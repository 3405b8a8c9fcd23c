package dev.camelsegmind.component.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.PendingJobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job lifecycle, for any provider: claim, submit, wait, fetch, deliver. Waiting is a chain of tasks on one shared
 * scheduler and non-blocking calls; no thread is held while a job is queued or rendering, so one JVM can keep
 * thousands of jobs in flight. A job learns that it finished by polling or by a push ({@link #signal}), whichever
 * comes first; either way its status is read once more and its result fetched once. Provider specifics stay behind
 * {@link JobProvider}; a blocking pending-job store runs on an executor of its own.
 */
public final class JobEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    /** Past the deadline the job's own calls, each bounded by it, have had their chance to report a precise error. */
    private static final long WATCHDOG_GRACE_MILLIS = 1_000;
    /** How often a delivery that found its message's submit under way elsewhere looks again. */
    private static final long CLAIM_RECHECK_MILLIS = 1_000;

    private final ScheduledExecutorService scheduler;
    private final RequestLimiter limiter;
    private final PendingJobStore store;
    private final Executor storeExecutor;
    private final Retrier retrier;
    private final JobListener listener;
    private final String owner;
    private final Map<JobKey, ActiveJob> active = new ConcurrentHashMap<>();
    /** The job each outcome is waiting for, so a deadline that strikes can name the request and its last state. */
    private final Map<CompletableFuture<JobResult>, ActiveJob> waiting = new ConcurrentHashMap<>();
    /** Jobs that have sent nothing yet (waiting for a slot, a claim or a request permit), which can be handed back. */
    private final Set<Unsent> unsent = ConcurrentHashMap.newKeySet();

    public JobEngine(ScheduledExecutorService scheduler, RequestLimiter limiter, PendingJobStore store,
                     JobListener listener) {
        this(scheduler, limiter, store, Runnable::run, listener, null);
    }

    /**
     * @param storeExecutor where calls of a blocking store run: never the scheduler, nor an HTTP thread
     * @param owner         names this instance in the entries it writes (a node name), or null
     */
    public JobEngine(ScheduledExecutorService scheduler, RequestLimiter limiter, PendingJobStore store,
                     Executor storeExecutor, JobListener listener, String owner) {
        this.scheduler = scheduler;
        this.limiter = limiter;
        this.store = store;
        this.storeExecutor = storeExecutor;
        this.retrier = new Retrier(scheduler, limiter);
        this.listener = listener == null ? JobListener.NONE : listener;
        this.owner = owner;
    }

    /**
     * Submit, wait and fetch. When the spec names a job key, the key is claimed in the store before anything is
     * sent: a delivery that finds the job of an earlier delivery accepted resumes it instead of paying again, and one
     * that finds a submit under way (in this JVM or another) waits for it.
     */
    public CompletableFuture<JobResult> generate(JobProvider provider, JobSpec spec) {
        long deadline = deadlineOf(spec);
        JobListener events = JobListener.compose(listener, spec.listener());
        CompletableFuture<JobResult> outcome = new CompletableFuture<>();
        var watchdog = watch(provider, outcome, spec, deadline);
        CompletableFuture<Void> slot = limiter.acquireJob();
        onAbandon(spec, slot, outcome);
        Unsent pending = new Unsent(provider, spec.model(), new CompletableFuture<>());
        unsent.add(pending);
        onSettled(outcome, watchdog, pending);
        pending.handBack.whenComplete((v, e) -> {
            if (e != null) {
                slot.completeExceptionally(Retrier.unwrap(e));
            }
        });
        composeNow(slot, v -> {
            if (outcome.isDone()) {
                return CompletableFuture.<JobResult>failedFuture(new IllegalStateException("abandoned"));
            }
            return spec.jobKey() == null
                    ? submitThenWait(provider, spec, null, deadline, events, outcome, pending)
                    : claim(provider, spec, deadline, events, outcome, pending);
        }).whenComplete((r, e) -> {
            if (slot.isDone() && !slot.isCompletedExceptionally()) {
                limiter.releaseJob();
            }
            settle(outcome, r, e);
        });
        return outcome;
    }

    /** Submits only; the caller keeps the request id. Nothing is recorded. */
    public CompletableFuture<JobHandle> submit(JobProvider provider, JobSpec spec) {
        long deadline = deadlineOf(spec);
        JobListener events = JobListener.compose(listener, spec.listener());
        CompletableFuture<JobHandle> handle = new CompletableFuture<>();
        Unsent pending = new Unsent(provider, spec.model(), new CompletableFuture<>());
        unsent.add(pending);
        handle.whenComplete((r, e) -> unsent.remove(pending));
        sendSubmit(provider, spec, null, deadline, events, pending).thenApply(h -> {
            events.submitted(h);
            return h;
        }).whenComplete((h, e) -> {
            if (e != null) {
                handle.completeExceptionally(Retrier.unwrap(e));
            } else {
                handle.complete(h);
            }
        });
        return handle;
    }

    /**
     * Gives back, at once and with the given error, every job of a provider (and model) that has sent nothing yet: one
     * waiting for a job slot ({@code maxConcurrentJobs}), a request permit ({@code maxRequestsPerMinute}), a reset
     * time or a retry of its submit. Nothing is sent for them later. A job whose submit is on the wire, or that
     * follows an accepted job, is not touched. For a shutdown (the messages go back to their source at once instead
     * of holding it up) and for a key the provider has just refused.
     *
     * @param why the error each job's message fails with, given the job's model
     * @return how many jobs were handed back
     */
    public int handBackUnsent(BiPredicate<JobProvider, String> which,
                              Function<String, ? extends RuntimeException> why) {
        int count = 0;
        for (Unsent u : List.copyOf(unsent)) {
            if (which.test(u.provider, u.model) && unsent.remove(u)) {
                u.handBack.completeExceptionally(why.apply(u.model));
                count++;
            }
        }
        return count;
    }

    /**
     * A job that has sent its call, or never will: it can no longer be handed back. Completing its signal normally
     * lets go of what waited on it (the submit's attempt, its claim and payload), which a waiting job would hold.
     */
    private void sent(Unsent pending) {
        unsent.remove(pending);
        pending.handBack.complete(null);
    }

    private record Unsent(JobProvider provider, String model, CompletableFuture<Void> handBack) {
        // identity, not value: two jobs of one model are two entries
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Waits for and fetches a job submitted earlier, perhaps by another route or JVM. */
    public CompletableFuture<JobResult> await(JobProvider provider, JobHandle handle, JobSpec spec) {
        long deadline = deadlineOf(spec);
        JobListener events = JobListener.compose(listener, spec.listener());
        CompletableFuture<JobResult> outcome = new CompletableFuture<>();
        onSettled(outcome, watch(provider, outcome, spec, deadline), null);
        CompletableFuture<Void> slot = limiter.acquireJob();
        onAbandon(spec, slot, outcome);
        slot.thenCompose(v -> waitAndFetch(provider, handle, spec, deadline, events, true, outcome))
                .whenComplete((r, e) -> {
                    if (slot.isDone() && !slot.isCompletedExceptionally()) {
                        limiter.releaseJob();
                    }
                    settle(outcome, r, e);
                });
        return outcome;
    }

    /**
     * Follows a job found in the store without its original message (resuming at start-up, or a node taking over
     * another's work): waits, fetches and, when the spec asks for it, downloads; never submits.
     */
    public CompletableFuture<JobResult> resume(JobProvider provider, PendingJob pending, JobSpec spec) {
        JobHandle handle = provider.locate(pending.model(), pending.requestId(), pending.locator(), pending.since());
        return await(provider, handle, spec).thenApply(JobResult::asResumed);
    }

    /** One status read, with retries. */
    public CompletableFuture<JobStatus> status(JobProvider provider, JobHandle handle, JobSpec spec) {
        return retrier.call(provider, CallPhase.STATUS, handle.requestId(), handle.model(), null, deadlineOf(spec),
                spec.retry(), JobListener.compose(listener, spec.listener()), () -> provider.status(handle));
    }

    /**
     * Runs a call outside the job lifecycle (sync, upload) with the same retry rules: a write is repeated only when
     * the provider says the server cannot have accepted it.
     */
    public <T> CompletableFuture<T> withRetries(JobProvider provider, CallPhase phase, String model, Duration timeout,
                                                RetryPolicy retry, Supplier<CompletableFuture<T>> call) {
        return retrier.call(provider, phase, null, model, null, System.currentTimeMillis() + timeout.toMillis(), retry,
                listener, call);
    }

    /**
     * Runs a paid write outside the job lifecycle (a sync call) at most once per job key: the key is claimed in the
     * store before anything is sent, a write the provider may have accepted leaves the entry UNCERTAIN (shown by the
     * console and the health check, and refused to a redelivery until an operator removes it), and any other outcome
     * frees the key. An entry already there means an earlier delivery's write is under way or its outcome unknown:
     * nothing is sent. Without a job key, the same as {@link #withRetries}.
     */
    public <T> CompletableFuture<T> writeOnce(JobProvider provider, CallPhase phase, JobSpec spec,
                                              Supplier<CompletableFuture<T>> call) {
        if (spec.jobKey() == null) {
            return withRetries(provider, phase, spec.model(), spec.timeout(), spec.retry(), call);
        }
        Instant now = Instant.now();
        PendingJob mine = PendingJob.submitting(spec.jobKey(), provider.id(), spec.model(), now,
                now.plus(provider.retention()), owner, spec.attributes());
        return storeCall(() -> store.putIfAbsent(mine)).thenCompose(existing -> {
            if (existing.isPresent()) {
                PendingJob found = existing.get();
                return CompletableFuture.<T>failedFuture(provider.uncertain(spec.model(), found.requestId(),
                        "An earlier " + phase.name().toLowerCase(java.util.Locale.ROOT) + " call of this message (job"
                        + " key " + SafeText.forMessage(spec.jobKey(), 120) + ", " + found.state() + " since "
                        + found.since() + ") is under way or may have been accepted and billed; it is not sent again"
                        + " until that entry is gone (an operator removes an UNCERTAIN one)"));
            }
            return withRetries(provider, phase, spec.model(), spec.timeout(), spec.retry(), call)
                    .handle((value, failure) -> {
                        if (failure == null) {
                            // answered: the result is in hand, and there is nothing to resume
                            return storeCall(() -> {
                                store.remove(spec.jobKey());
                                return value;
                            }).exceptionally(e -> value);
                        }
                        Throwable error = Retrier.unwrap(failure);
                        return afterFailedSubmit(provider, spec, mine, error)
                                .<T>thenCompose(v -> CompletableFuture.failedFuture(error));
                    })
                    .thenCompose(f -> f);
        });
    }

    /** Downloads outputs that did not come from a polled job (a sync answer that carries URLs). */
    public CompletableFuture<List<FetchedMedia>> download(JobProvider provider, JobHandle handle, List<MediaRef> refs,
                                                          DownloadOptions options, RetryPolicy retry, Duration timeout) {
        JobSpec spec = new JobSpec(handle.model(), Map.of(), null, timeout, null, retry, options, JobListener.NONE);
        ActiveJob job = new ActiveJob(provider, handle, spec, System.currentTimeMillis() + timeout.toMillis(),
                listener, false);
        JobResult bare = new JobResult(handle, Map.of(), Map.of(), refs, List.of(), false);
        return download(job, bare).thenApply(JobResult::media);
    }

    /**
     * Forgets the pending job of a message once its media was delivered. Called on the route's own thread when the
     * exchange completes, so the entry is gone before the next message is read, whatever the store.
     */
    public void delivered(String jobKey) {
        if (jobKey != null) {
            store.remove(jobKey);
        }
    }

    /**
     * Tells the engine that a job may have finished (a provider's push callback). A hint, never the truth: the job's
     * status is read at once and the job ends only if the provider confirms it; polling stays as the fallback.
     *
     * @return whether a job of that provider and id is being waited for here
     */
    public boolean signal(String providerId, String requestId) {
        ActiveJob job = active.get(key(providerId, requestId));
        if (job == null) {
            return false;
        }
        job.pushed = true;
        pollSoon(job);
        return true;
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

    // ---- claiming and submitting

    private CompletableFuture<JobResult> claim(JobProvider provider, JobSpec spec, long deadline, JobListener events,
                                               CompletableFuture<JobResult> outcome, Unsent pending) {
        Instant now = Instant.now();
        PendingJob mine = PendingJob.submitting(spec.jobKey(), provider.id(), spec.model(), now,
                now.plus(provider.retention()), owner, spec.attributes());
        return composeNow(storeCall(() -> store.putIfAbsent(mine)), existing -> {
            if (existing.isEmpty()) {
                return submitThenWait(provider, spec, mine, deadline, events, outcome, pending);
            }
            if (existing.get().state() == PendingJob.State.ACCEPTED) {
                // following a job that is already paid for: nothing to hand back
                sent(pending);
            }
            return onClaimed(provider, spec, existing.get(), deadline, events, outcome, pending);
        });
    }

    /** What an earlier delivery of the same message left in the store decides what this one does. */
    private CompletableFuture<JobResult> onClaimed(JobProvider provider, JobSpec spec, PendingJob found, long deadline,
                                                   JobListener events, CompletableFuture<JobResult> outcome,
                                                   Unsent pending) {
        String key = SafeText.forMessage(spec.jobKey(), 120);
        if (!provider.id().equals(found.provider())) {
            return CompletableFuture.failedFuture(provider.uncertain(spec.model(), found.requestId(), "The message"
                    + " (job key " + key + ") already has a job at provider '" + found.provider() + "' ("
                    + found.state() + (found.requestId() != null ? ", request " + found.requestId() : "") + "); it is"
                    + " not sent to " + provider.displayName() + " as well, which could pay twice"));
        }
        switch (found.state()) {
            case ACCEPTED:
                LOG.info("Resuming pending {} job {} of {} instead of submitting again", provider.displayName(),
                        found.requestId(), found.model());
                JobHandle handle = provider.locate(found.model(), found.requestId(), found.locator(), found.since());
                return waitAndFetch(provider, handle, spec, deadline, events, true, outcome);
            case UNCERTAIN:
                return CompletableFuture.failedFuture(provider.uncertain(spec.model(), found.requestId(),
                        "An earlier submit of this message (job key " + key + ", " + found.since() + ") may have been"
                        + " accepted and billed" + (found.detail() != null ? " (" + found.detail() + ")" : "")
                        + "; it is not submitted again until an operator removes its pending-job entry"));
            default:
                if (found.since() != null && found.since().plus(spec.timeout()).isBefore(Instant.now())) {
                    return CompletableFuture.failedFuture(provider.uncertain(spec.model(), null, "A submit of this"
                            + " message (job key " + key + ") began at " + found.since() + (found.owner() != null
                            ? " on " + found.owner() : "") + " and its outcome was never recorded (the process may"
                            + " have stopped mid-submit); it is not submitted again until an operator removes its"
                            + " pending-job entry"));
                }
                // another delivery of the same message is submitting right now: wait for its outcome
                return later(CLAIM_RECHECK_MILLIS, deadline, outcome)
                        .thenCompose(v -> claim(provider, spec, deadline, events, outcome, pending));
        }
    }

    private CompletableFuture<JobResult> submitThenWait(JobProvider provider, JobSpec spec, PendingJob claim,
                                                        long deadline, JobListener events,
                                                        CompletableFuture<JobResult> outcome, Unsent pending) {
        return sendSubmit(provider, spec, claim, deadline, events, pending)
                .handle((handle, failure) -> {
                    if (failure != null) {
                        return afterFailedSubmit(provider, spec, claim, Retrier.unwrap(failure))
                                .<JobHandle>thenCompose(v -> CompletableFuture.failedFuture(Retrier.unwrap(failure)));
                    }
                    if (claim == null) {
                        return CompletableFuture.completedFuture(handle);
                    }
                    Instant at = handle.submittedAt() != null ? handle.submittedAt() : Instant.now();
                    // recorded before anything else happens, so a crash from here on cannot pay twice
                    PendingJob accepted = claim.accepted(handle.requestId(), handle.locator(), at,
                            at.plus(provider.retention()));
                    return storeCall(() -> {
                        store.put(accepted);
                        return handle;
                    }).exceptionally(e -> {
                        LOG.error("Could not record the accepted {} job {} of {} in the pending-job store; a"
                                + " redelivery of this message after a crash would pay for it again: {}",
                                provider.displayName(), handle.requestId(), handle.model(),
                                Retrier.unwrap(e).toString());
                        return handle;
                    });
                })
                .thenCompose(f -> f)
                .thenCompose(handle -> {
                    if (LOG.isDebugEnabled()) {
                        // the escaped job key is built for every job otherwise, logged or not
                        LOG.debug("Submitted {} as request {}{}", spec.model(), handle.requestId(),
                                spec.jobKey() == null ? ""
                                        : " (job key " + SafeText.forMessage(spec.jobKey(), 120) + ")");
                    }
                    events.submitted(handle);
                    if (outcome.isDone()) {
                        // given up (deadline, stop) while the submit was under way: the entry lets a redelivery resume
                        return CompletableFuture.failedFuture(new IllegalStateException("abandoned"));
                    }
                    return waitAndFetch(provider, handle, spec, deadline, events, false, outcome);
                });
    }

    /**
     * A submit that may have been accepted is recorded as such, so the console shows it and a redelivery does not
     * pay a second time; one that was certainly refused frees the key.
     */
    private CompletableFuture<Void> afterFailedSubmit(JobProvider provider, JobSpec spec, PendingJob claim,
                                                      Throwable error) {
        if (claim == null) {
            return CompletableFuture.completedFuture(null);
        }
        boolean uncertain = provider.classify(CallPhase.SUBMIT, error).kind() == FailureKind.UNCERTAIN
                && !spec.retry().retryUncertainSubmit();
        Instant now = Instant.now();
        return storeCall(() -> {
            if (uncertain) {
                store.put(claim.uncertain(SafeText.forMessage(error.getMessage(), 300), now,
                        now.plus(provider.retention())));
            } else {
                store.remove(claim.jobKey());
            }
            return (Void) null;
        }).exceptionally(e -> {
            LOG.warn("Could not update the pending-job entry after a failed submit: {}", Retrier.unwrap(e).toString());
            return null;
        });
    }

    /**
     * Sends the submit, with retries. Each attempt first tells the store that a claimed job is about to be sent
     * ({@link PendingJobStore#submitting}), after any wait for the request budget: a store that fails there stops the
     * attempt before anything is sent.
     */
    private CompletableFuture<JobHandle> sendSubmit(JobProvider provider, JobSpec spec, PendingJob claim,
                                                    long deadline, JobListener events, Unsent pending) {
        return retrier.call(provider, CallPhase.SUBMIT, null, spec.model(), spec.jobKey(), deadline, spec.retry(),
                        events, () -> claim == null ? provider.submit(spec.model(), spec.payload())
                                : storeCall(() -> {
                                    store.submitting(claim);
                                    return claim;
                                }).thenCompose(c -> provider.submit(spec.model(), spec.payload())), pending.handBack)
                .whenComplete((handle, e) -> {
                    // answered: from here on the job is either accepted or refused, never unsent
                    sent(pending);
                    if (e != null) {
                        events.failed(null, spec.model(), Retrier.unwrap(e));
                    }
                });
    }

    // ---- waiting

    private CompletableFuture<JobResult> waitAndFetch(JobProvider provider, JobHandle handle, JobSpec spec,
                                                      long deadline, JobListener events, boolean resumed,
                                                      CompletableFuture<JobResult> outcome) {
        ActiveJob job = new ActiveJob(provider, handle, spec, deadline, events, resumed);
        JobKey key = key(provider.id(), handle.requestId());
        active.put(key, job);
        waiting.put(outcome, job);
        // the caller's stages hang off the returned stage, so the job has left the in-flight list (the console,
        // metrics) before the exchange sees its result
        CompletableFuture<JobResult> settled = new CompletableFuture<>();
        // the hook keeps the key, not the spec: the caller's spec still holds the payload
        String jobKey = spec.jobKey();
        job.future.whenComplete((r, e) -> {
            active.remove(key, job);
            waiting.remove(outcome, job);
            if (e == null) {
                settled.complete(r);
                return;
            }
            // ended from outside (deadline, stop) or by a failure: nothing of it stays on the wire or on disk
            job.cancelCalls();
            if (jobKey == null) {
                settled.completeExceptionally(e);
            } else {
                // the store is settled before the message sees its error, so a redelivery finds it as it should
                forgetIfFinal(provider, jobKey, handle, Retrier.unwrap(e))
                        .whenComplete((v, x) -> settled.completeExceptionally(e));
            }
        });
        if (outcome.isDone()) {
            // settled from outside before the job was registered, so the outcome's hook did not find it
            outcome.whenComplete((r, e) -> {
                if (e != null) {
                    job.future.completeExceptionally(Retrier.unwrap(e));
                }
            });
        }
        long first = provider.pushWindow(handle)
                .map(Duration::toMillis)
                .orElseGet(() -> spec.polling()
                        .nextDelay(handle.model(), spec.timingClass(), 0, job.elapsed(), null, null).toMillis());
        schedulePoll(job, first);
        return settled;
    }

    private void schedulePoll(ActiveJob job, long delayMillis) {
        long remaining = job.deadline - System.currentTimeMillis();
        if (remaining <= 0) {
            timeout(job);
            return;
        }
        long delay = Math.max(0, Math.min(delayMillis, remaining));
        job.nextPollAt = Instant.now().plusMillis(delay);
        var next = scheduler.schedule(() -> poll(job), delay, TimeUnit.MILLISECONDS);
        job.nextPoll = next;
        if (job.readAgain && delay > 0 && next.cancel(false)) {
            // a push came between the choice of this delay and its scheduling: it found no poll to bring forward
            scheduler.execute(() -> poll(job));
        }
    }

    /** A push asked for a read now: the scheduled poll is brought forward, or a read under way is followed by one. */
    private void pollSoon(ActiveJob job) {
        job.readAgain = true;
        var next = job.nextPoll;
        if (next != null && next.cancel(false)) {
            scheduler.execute(() -> poll(job));
        }
    }

    private void poll(ActiveJob job) {
        if (job.future.isDone() || job.finishing) {
            return;
        }
        synchronized (job) {
            if (job.reading) {
                job.readAgain = true;
                return;
            }
            job.reading = true;
            job.readAgain = false;
        }
        job.polls++;
        job.track(retrier.call(job.provider, CallPhase.STATUS, job.handle.requestId(), job.handle.model(), null,
                        job.deadline, job.spec.retry(), job.events, () -> job.provider.status(job.handle)))
                .whenComplete((status, failure) -> {
                    synchronized (job) {
                        job.reading = false;
                    }
                    try {
                        if (failure != null) {
                            fail(job, Retrier.unwrap(failure));
                        } else {
                            onStatus(job, status);
                        }
                    } catch (RuntimeException | LinkageError e) {
                        fail(job, e);
                    }
                });
    }

    private void onStatus(ActiveJob job, JobStatus status) {
        if (job.future.isDone()) {
            return;
        }
        JobState previous = job.state;
        job.state = status.state();
        if (status.state() == JobState.PROCESSING && previous == JobState.QUEUED && job.processingSeen == null) {
            job.processingSeen = job.elapsed();
        }
        job.events.statusRead(job.handle, previous, status.state(), job.elapsed());
        if (previous != status.state()) {
            LOG.debug("{} request {} of {} is {} after {} ms", job.provider.displayName(), job.handle.requestId(),
                    job.handle.model(), status.state(), job.elapsed().toMillis());
        }
        switch (status.state()) {
            case COMPLETED:
                synchronized (job) {
                    if (job.finishing) {
                        return;
                    }
                    job.finishing = true;
                }
                job.spec.polling().jobFinished(job.handle.model(), job.spec.timingClass(), job.sinceSubmission(),
                        job.processingSeen == null ? null : job.elapsed().minus(job.processingSeen));
                fetch(job);
                break;
            case FAILED:
                fail(job, job.provider.jobFailed(job.handle, status));
                break;
            default:
                long delay;
                synchronized (job) {
                    delay = job.readAgain ? 0 : job.spec.polling()
                            .nextDelay(job.handle.model(), job.spec.timingClass(), job.polls, job.elapsed(),
                                    status.state(), job.processingSeen)
                            .toMillis();
                    job.readAgain = false;
                }
                schedulePoll(job, delay);
        }
    }

    private void fetch(ActiveJob job) {
        job.stage = "fetching result";
        CompletableFuture<JobResult> result = job.track(retrier.call(job.provider, CallPhase.RESULT,
                job.handle.requestId(), job.handle.model(), null, job.deadline, job.spec.retry(), job.events,
                () -> job.provider.result(job.handle)));
        if (job.spec.download() != null) {
            result = result.thenCompose(r -> download(job, r));
        }
        result.whenComplete((r, e) -> {
            if (e != null) {
                fail(job, Retrier.unwrap(e));
                return;
            }
            JobResult delivered = job.resumed ? r.asResumed() : r;
            if (job.future.isDone()) {
                // given up while downloading: nothing reaches the exchange, and nothing stays on disk
                delete(delivered.media());
                return;
            }
            try {
                job.events.completed(delivered, job.elapsed());
            } finally {
                if (!job.future.complete(delivered)) {
                    delete(delivered.media());
                }
            }
        });
    }

    private CompletableFuture<JobResult> download(ActiveJob job, JobResult result) {
        job.stage = "downloading";
        List<MediaRef> refs = result.outputs();
        List<CompletableFuture<FetchedMedia>> parts = new ArrayList<>();
        DownloadOptions options = job.spec.download();
        for (int i = 0; i < refs.size(); i++) {
            int index = i;
            parts.add(job.track(retrier.call(job.provider, CallPhase.MEDIA, job.handle.requestId(),
                    job.handle.model(), null, job.deadline, job.spec.retry(), job.events,
                    () -> options.downloader().fetch(job.handle, refs.get(index), index, refs.size(), options))));
        }
        // a job given up (its producer stopped, its deadline passed) ends its downloads, which delete their files
        job.future.whenComplete((r, e) -> {
            if (e != null) {
                parts.forEach(p -> p.cancel(true));
            }
        });
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture[0])).handle((v, e) -> {
            List<FetchedMedia> media = new ArrayList<>();
            for (CompletableFuture<FetchedMedia> p : parts) {
                if (p.isDone() && !p.isCompletedExceptionally()) {
                    media.add(p.join());
                }
            }
            if (e != null) {
                // never leave the successful half of an image set behind on disk
                delete(media);
                throw e instanceof CompletionException ce ? ce : new CompletionException(e);
            }
            long bytes = media.stream().mapToLong(FetchedMedia::getSize).sum();
            job.events.downloaded(job.handle, bytes);
            return result.withMedia(media);
        });
    }

    // ---- ending

    private void timeout(ActiveJob job) {
        fail(job, job.provider.timedOut(job.handle, job.state, job.spec.timeout()));
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
     * Keeps the pending entry unless the job can never deliver. A job that FAILED at the provider, or that the
     * provider no longer knows, is forgotten so a redelivery submits anew; after any other failure (timeout, download,
     * a bad answer) the paid job may still be collected, so a redelivery within the retention resumes it.
     */
    private CompletableFuture<Void> forgetIfFinal(JobProvider provider, String jobKey, JobHandle handle,
                                                  Throwable t) {
        FailureKind kind = provider.classify(CallPhase.STATUS, t).kind();
        if (kind != FailureKind.JOB_FAILED && kind != FailureKind.EXPIRED) {
            return CompletableFuture.completedFuture(null);
        }
        return storeCall(() -> {
            Optional<PendingJob> entry = store.find(jobKey);
            if (entry.isPresent() && handle.requestId().equals(entry.get().requestId())) {
                store.remove(jobKey);
                if (kind == FailureKind.EXPIRED) {
                    LOG.warn("{} no longer knows the pending job {} of {} for this message; its entry is removed and"
                            + " the next delivery submits a new job", provider.displayName(), handle.requestId(),
                            handle.model());
                }
            }
            return (Void) null;
        }).exceptionally(e -> {
            LOG.warn("Could not remove a finished pending-job entry: {}", Retrier.unwrap(e).toString());
            return null;
        });
    }

    /**
     * The one hook per job on its outcome, whoever settles it (the settling call, the watchdog, a stop): the watchdog
     * is cancelled, the job leaves the hand-back list ({@code pending}, when it was on it), and an outcome settled
     * from outside stops the chain of the job it waits for.
     */
    private void onSettled(CompletableFuture<JobResult> outcome, ScheduledFuture<?> watchdog, Unsent pending) {
        outcome.whenComplete((r, e) -> {
            watchdog.cancel(false);
            if (pending != null) {
                unsent.remove(pending);
            }
            if (e != null) {
                ActiveJob job = waiting.get(outcome);
                if (job != null) {
                    job.future.completeExceptionally(Retrier.unwrap(e));
                }
            }
        });
    }

    /**
     * Ends the outcome at the deadline whatever stage the job is in, should no call of its own end it first; the
     * caller cancels the returned task once the outcome is settled.
     */
    private ScheduledFuture<?> watch(JobProvider provider, CompletableFuture<JobResult> outcome,
                                                          JobSpec spec, long deadline) {
        String model = spec.model();
        Duration timeout = spec.timeout();
        var watchdog = scheduler.schedule(() -> {
            if (!outcome.isDone()) {
                ActiveJob job = waiting.get(outcome);
                LOG.debug("A job of {} reached its deadline in stage {}; ending it", model,
                        job == null ? "submit" : job.stage);
                outcome.completeExceptionally(provider.timedOut(job == null ? null : job.handle,
                        job == null ? null : job.state, timeout));
            }
        }, Math.max(0, deadline - System.currentTimeMillis()) + WATCHDOG_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        return watchdog;
    }

    /** A job given up before its slot came is never submitted; one under way stops at its next step. */
    private static void onAbandon(JobSpec spec, CompletableFuture<Void> slot, CompletableFuture<JobResult> outcome) {
        if (spec.abandon() != null) {
            spec.abandon().whenComplete((v, e) -> {
                if (slot.isDone() && outcome.isDone()) {
                    // the usual case: the caller lets go of a job that has ended, and an error built here (with its
                    // stack trace) for every job would reach nobody
                    return;
                }
                Throwable why = e != null ? Retrier.unwrap(e) : new IllegalStateException("abandoned");
                slot.completeExceptionally(why);
                outcome.completeExceptionally(why);
            });
        }
    }

    private static void settle(CompletableFuture<JobResult> outcome, JobResult r, Throwable e) {
        if (e != null) {
            outcome.completeExceptionally(Retrier.unwrap(e));
        } else if (!outcome.complete(r)) {
            delete(r.media());
        }
    }

    private CompletableFuture<Void> later(long millis, long deadline, CompletableFuture<?> outcome) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        long delay = Math.min(millis, Math.max(0, deadline - System.currentTimeMillis()));
        scheduler.schedule(() -> {
            if (outcome.isDone() || System.currentTimeMillis() >= deadline) {
                f.completeExceptionally(new IllegalStateException("abandoned"));
            } else {
                f.complete(null);
            }
        }, delay, TimeUnit.MILLISECONDS);
        return f;
    }

    /**
     * {@code stage.thenCompose(next)}, but at once when the stage is already done (a free job slot, an in-memory store):
     * a waiting job then holds no stage that only relays the next one's outcome.
     */
    private static <T, R> CompletableFuture<R> composeNow(CompletableFuture<T> stage,
                                                          Function<? super T, CompletableFuture<R>> next) {
        if (!stage.isDone() || stage.isCompletedExceptionally()) {
            return stage.thenCompose(next);
        }
        try {
            return next.apply(stage.join());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A store call, off the scheduler and HTTP threads when the store may block. */
    private <T> CompletableFuture<T> storeCall(Supplier<T> op) {
        if (!store.isBlocking()) {
            try {
                return CompletableFuture.completedFuture(op.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(op, storeExecutor);
    }

    private static void delete(List<FetchedMedia> media) {
        if (media == null) {
            return;
        }
        for (FetchedMedia m : media) {
            if (m.getDownloadedFile() != null) {
                try {
                    java.nio.file.Files.deleteIfExists(m.getDownloadedFile());
                } catch (java.io.IOException ignored) {
                    // a leftover temporary file is harmless; the job's outcome is what matters
                }
            }
        }
    }

    private static long deadlineOf(JobSpec spec) {
        return System.currentTimeMillis() + spec.timeout().toMillis();
    }

    private static JobKey key(String providerId, String requestId) {
        return new JobKey(providerId, requestId);
    }

    /** A job waited for here, by provider and request id: two references, where a joined string held a copy of both. */
    private record JobKey(String providerId, String requestId) {
    }

    /** A job being waited for. Its state changes only on the one task chain that owns it, or under its lock. */
    public static final class ActiveJob {
        private final JobProvider provider;
        private final JobHandle handle;
        private final JobSpec spec;
        private final long deadline;
        private final JobListener events;
        private final boolean resumed;
        private final long startedNanos = System.nanoTime();
        private final CompletableFuture<JobResult> future = new CompletableFuture<>();
        /**
         * The job's calls under way (a status read, its result, its downloads), given up when the job ends; null
         * while none is, which is most of a waiting job's life. Guarded by this job.
         */
        private List<CompletableFuture<?>> calls;
        private volatile JobState state;
        /** When a read first found it PROCESSING after one found it QUEUED (it started in between), since its start here. */
        private volatile Duration processingSeen;
        private volatile int polls;
        private volatile Instant nextPollAt;
        private volatile java.util.concurrent.ScheduledFuture<?> nextPoll;
        private volatile String stage = "waiting";
        private volatile boolean pushed;
        private boolean reading;
        private volatile boolean readAgain;
        private volatile boolean finishing;

        ActiveJob(JobProvider provider, JobHandle handle, JobSpec spec, long deadline, JobListener events,
                  boolean resumed) {
            this.provider = provider;
            this.handle = handle;
            // an accepted job is never submitted again: its payload (perhaps inline media) is not kept while it waits
            this.spec = spec.payload().isEmpty() ? spec : spec.withoutPayload();
            this.deadline = deadline;
            this.events = events;
            this.resumed = resumed;
        }

        /** Gives up the job's calls under way. */
        void cancelCalls() {
            List<CompletableFuture<?>> open;
            synchronized (this) {
                open = calls == null ? List.of() : List.copyOf(calls);
            }
            open.forEach(c -> c.cancel(true));
        }

        <T> CompletableFuture<T> track(CompletableFuture<T> call) {
            synchronized (this) {
                if (calls == null) {
                    calls = new ArrayList<>(2);
                }
                calls.add(call);
            }
            call.whenComplete((v, e) -> {
                synchronized (this) {
                    if (calls != null && calls.remove(call) && calls.isEmpty()) {
                        calls = null;
                    }
                }
            });
            if (future.isCompletedExceptionally()) {
                call.cancel(true);
            }
            return call;
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

        /** What the job is doing: waiting, fetching its result, or downloading. */
        public String stage() {
            return stage;
        }

        /** Whether a push told the engine about this job. */
        public boolean pushed() {
            return pushed;
        }

        public Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }

        Duration sinceSubmission() {
            return handle.submittedAt() == null ? elapsed() : Duration.between(handle.submittedAt(), Instant.now());
        }
    }
}
