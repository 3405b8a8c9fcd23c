package dev.camelsegmind.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.engine.FetchedMedia;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobProvider;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobSpec;
import dev.camelsegmind.component.engine.RequestLimiter;
import dev.camelsegmind.component.engine.SyncAnswer;
import dev.camelsegmind.component.engine.SyncCapable;
import dev.camelsegmind.component.engine.UploadCapable;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.component.observability.SegmindProducerHealthCheck;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.URISupport;

/**
 * Maps a message to a job and the job's outcome back to the message. {@link #process(Exchange, AsyncCallback)}
 * returns at once; the callback is called exactly once, on a delivery thread, when the job is done or failed.
 */
public class SegmindProducer extends DefaultAsyncProducer {

    /** Each message in flight, with the signal that gives its job up when the producer stops. */
    private final Map<CompletableFuture<Void>, CompletableFuture<Void>> inflight = new ConcurrentHashMap<>();
    private WritableHealthCheckRepository healthCheckRepository;
    private HealthCheck producerHealthCheck;
    private final SegmindBudgetGuard guard;

    public SegmindProducer(SegmindEndpoint endpoint) {
        super(endpoint);
        this.guard = new SegmindBudgetGuard(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().getComponent().producerStarted(this);
        // the Camel way for producer checks: only when camel-health's producers repository is there
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null && getEndpoint().hasCreditsCall()) {
            producerHealthCheck = new SegmindProducerHealthCheck(getEndpoint(),
                    SegmindProducerHealthCheck.clientId(getEndpoint(), healthCheckRepository));
            producerHealthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(producerHealthCheck);
            String key = getEndpoint().getConfiguration().getApiKey();
            if (producerHealthCheck.isEnabled() && healthCheckRepository.isEnabled() && key != null
                    && !key.isBlank()) {
                // the first probe then finds an answer instead of UNKNOWN
                getEndpoint().getComponent().creditsProbe(getEndpoint()).current();
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && producerHealthCheck != null) {
            healthCheckRepository.removeHealthCheck(producerHealthCheck);
            producerHealthCheck = null;
        }
        // Camel stops producers after graceful shutdown has waited for in-flight exchanges
        giveUpAll();
        getEndpoint().getComponent().producerStopped(this);
        super.doStop();
    }

    /**
     * Whatever is still waiting gets its callback now, and its job is given up: one still waiting for a slot is never
     * submitted, a download under way is ended and its file deleted, and a job already accepted keeps running at the
     * provider and stays in the pending store. Called when the producer stops, and by the component when it stops
     * before a producer that no route manages.
     */
    void giveUpAll() {
        if (inflight.isEmpty()) {
            return;
        }
        SegmindException stopped = new SegmindException("The Segmind producer stopped before the job ended; a job"
                + " already accepted continues at Segmind and a redelivered message (same job key) or"
                + " operation=await with its request id collects it", 0, null, null, getEndpoint().getModel());
        JobEngine engine = getEndpoint().getComponent().getEngine();
        RequestLimiter limiter = engine != null ? engine.limiter() : null;
        if (limiter != null) {
            // every job is given up before a slot one of them frees can start one that was waiting
            limiter.holdGrants();
        }
        try {
            for (Map.Entry<CompletableFuture<Void>, CompletableFuture<Void>> e : List.copyOf(inflight.entrySet())) {
                e.getValue().completeExceptionally(stopped);
                e.getKey().completeExceptionally(stopped);
            }
        } finally {
            if (limiter != null) {
                limiter.resumeGrants();
            }
        }
    }

    @Override
    public SegmindEndpoint getEndpoint() {
        return (SegmindEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> abandon = new CompletableFuture<>();
        ExchangeWrites writes = new ExchangeWrites();
        CompletableFuture<Void> work;
        SegmindRequest kept;
        try {
            SegmindRequest resolved = SegmindRequestSupport.resolve(exchange, getEndpoint());
            RuntimeException refused = guard.refusal(resolved);
            if (refused != null) {
                // the key cools down, or the job was delivered twice already: no call for this message
                throw refused;
            }
            kept = resolved.withoutInputs();
            work = dispatch(exchange, resolved, kept, abandon, writes);
        } catch (Exception e) {
            // bad input: fail before any HTTP call, on the caller's thread
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        SegmindRequest request = kept;
        CompletableFuture<Void> started = work;
        // built only for a caller that can give the job up: an exception's stack trace is the largest object a
        // waiting job would otherwise hold
        SegmindException givenUp = null;
        if (exchange.getProperty(SegmindConstants.ABANDON) instanceof CompletableFuture<?> signal) {
            SegmindException error = new SegmindException("The job was given up by the route's caller (property "
                    + SegmindConstants.ABANDON + "); a job already accepted continues at the provider and stays in"
                    + " the pending-job store", 0, null, null, getEndpoint().getModel());
            givenUp = error;
            signal.whenComplete((v, e) -> {
                abandon.completeExceptionally(error);
                started.completeExceptionally(error);
            });
        }
        SegmindException callerGaveUp = givenUp;
        AtomicBoolean done = new AtomicBoolean();
        inflight.put(work, abandon);
        if (!isRunAllowed()) {
            // stopped while this message was being dispatched: the stop did not see it
            giveUpAll();
        }
        work.whenComplete((v, failure) -> {
            inflight.remove(work);
            // nothing more reaches the exchange: a write under way ends before its callback is handed over
            writes.close();
            // whatever was still under way for this message stops now
            abandon.complete(null);
            Runnable finish = () -> {
                if (done.compareAndSet(false, true)) {
                    Throwable error = failure == null ? null : SegmindRequestSupport.unwrap(failure);
                    if (error != null && error == callerGaveUp) {
                        // the caller gave the job up and expects nothing: the route stops here, without an error
                        exchange.setRouteStop(true);
                    } else if (error != null) {
                        error = guard.failed(request, error);
                        // an operator reconciling a possibly billed submit finds its pending-job entry by this key
                        exchange.setException(error instanceof SegmindSubmitUncertainException uncertain
                                ? uncertain.withJobKey(request.jobKey()) : error);
                    }
                    callback.done(false);
                }
            };
            try {
                // the rest of the route runs on a delivery thread, never on the scheduler or an HTTP thread
                getEndpoint().getComponent().getDeliveryExecutor().execute(finish);
            } catch (RejectedExecutionException | NullPointerException e) {
                // only while the component shuts down: the callback must still run, once
                finish.run();
            }
        });
        return false;
    }

    private CompletableFuture<Void> dispatch(Exchange exchange, SegmindRequest request, SegmindRequest slim,
                                             CompletableFuture<Void> abandon, ExchangeWrites writes) {
        SegmindEndpoint endpoint = getEndpoint();
        JobEngine engine = endpoint.getComponent().getEngine();
        JobProvider provider = endpoint.getProvider();
        Message message = exchange.getMessage();
        // what the stages after the call need; the payload stays with the call only
        SegmindRequest sent = slim;
        switch (request.operation()) {
            case submit:
                return afterInputs(inputsReady(request),
                                payload -> engine.submit(provider, spec(exchange, request, payload, abandon)))
                        .thenAccept(handle -> written(writes,
                                () -> SegmindResultSupport.applySubmitted(message, handle)));
            case status: {
                JobHandle handle = handleFor(request, message, provider);
                return engine.status(provider, handle, spec(exchange, request, Map.of(), abandon))
                        .thenAccept(status -> written(writes,
                                () -> SegmindResultSupport.applyStatus(message, status, request.model())));
            }
            case await: {
                JobHandle handle = handleFor(request, message, provider);
                return engine.await(provider, handle, spec(exchange, request, Map.of(), abandon))
                        .thenAccept(result -> deliver(exchange, result, sent, null, writes));
            }
            case sync:
                return inputsReady(request)
                        .thenCompose(payload -> sync(exchange, request, payload, abandon, writes));
            default:
                return afterInputs(inputsReady(request),
                                payload -> engine.generate(provider, spec(exchange, request, payload, abandon)))
                        .thenAccept(result -> deliver(exchange, result, sent, sent.jobKey(), writes));
        }
    }

    /**
     * The call that follows the inputs: at once when they are ready (no upload), which spares every job a stage
     * that would only relay the engine's outcome while it waits.
     */
    private static <T> CompletableFuture<T> afterInputs(CompletableFuture<Map<String, Object>> inputs,
                                                        java.util.function.Function<Map<String, Object>,
                                                                CompletableFuture<T>> next) {
        if (!inputs.isDone() || inputs.isCompletedExceptionally()) {
            return inputs.thenCompose(next);
        }
        try {
            return next.apply(inputs.join());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Nothing is written to a message whose callback is due (its producer stopped). */
    private static void written(ExchangeWrites writes, Runnable write) {
        if (!writes.write(write)) {
            throw new IllegalStateException("abandoned");
        }
    }

    /**
     * The job to follow for status and await: the locator that submit returned (or Segmind's two URL headers), which
     * the provider checks against the request id and the hosts the key may go to; otherwise the request id alone.
     */
    private static JobHandle handleFor(SegmindRequest request, Message message, JobProvider provider) {
        String locator = message.getHeader(SegmindConstants.JOB_LOCATOR, String.class);
        if (locator == null) {
            String statusUrl = message.getHeader(SegmindConstants.STATUS_URL, String.class);
            String responseUrl = message.getHeader(SegmindConstants.RESPONSE_URL, String.class);
            if (statusUrl != null && responseUrl != null) {
                locator = statusUrl + " " + responseUrl;
            }
        }
        return provider.locate(request.model(), request.requestId(), locator, null);
    }

    /** Uploads body media when asked to; otherwise the payload already carries it inline. */
    private CompletableFuture<Map<String, Object>> inputsReady(SegmindRequest request) {
        SegmindRequest.InputMedia media = request.media();
        if (media == null || !getEndpoint().getConfiguration().isUploadInputs()) {
            return CompletableFuture.completedFuture(request.payload());
        }
        JobProvider provider = getEndpoint().getProvider();
        if (!(provider instanceof UploadCapable uploader)) {
            return CompletableFuture.failedFuture(new SegmindValidationException("Provider "
                    + provider.displayName() + " cannot host input media: turn option uploadInputs off",
                    "uploadInputs", request.model()));
        }
        return getEndpoint().getComponent().getEngine()
                .withRetries(provider, CallPhase.UPLOAD, request.model(), timeout(), getEndpoint().retryPolicy(),
                        () -> uploader.upload(List.of(media.dataUri()), request.model()))
                .thenApply(urls -> {
                    request.payload().put(media.parameter(), urls.get(0));
                    return request.payload();
                });
    }

    private JobSpec spec(Exchange exchange, SegmindRequest request, Map<String, Object> payload,
                         CompletableFuture<Void> abandon) {
        SegmindEndpoint endpoint = getEndpoint();
        boolean download = request.outputType() == SegmindOutputType.media;
        return new JobSpec(request.model(), payload, request.jobKey(), timeout(), endpoint.getPollingPolicy(),
                endpoint.retryPolicy(), download ? endpoint.downloadOptions() : null,
                endpoint.progressListener(exchange), abandon, request.jobKey() == null ? null : attributes(exchange),
                request.timingClass());
    }

    /** What the message asks to keep with its pending job, for a delivery without it (resumedJobsUri, a cluster). */
    private static Map<String, String> attributes(Exchange exchange) {
        Map<?, ?> given = exchange.getMessage().getHeader(SegmindConstants.JOB_ATTRIBUTES, Map.class);
        if (given == null || given.isEmpty()) {
            return null;
        }
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (k != null && v != null) {
                attributes.put(String.valueOf(k), String.valueOf(v));
            }
        });
        return attributes;
    }

    private Duration timeout() {
        return getEndpoint().timeout();
    }

    private void deliver(Exchange exchange, JobResult result, SegmindRequest request, String jobKey,
                         ExchangeWrites writes) {
        List<SegmindMedia> media = mediaOf(result.media());
        if (!writes.write(() -> {
            SegmindResultSupport.applyResult(exchange.getMessage(), result, media, request.outputType());
            registerCleanup(exchange, media, jobKey);
        })) {
            deleteFiles(media);
            throw new IllegalStateException("abandoned");
        }
        if (jobKey != null) {
            watchAfterDelivery(exchange, jobKey, result);
        }
    }

    /**
     * A route that fails after this step leaves the job's pending entry for the next delivery to collect; that
     * delivery is the last to do so (see {@link SegmindBudgetGuard#failedAfterDelivery}).
     */
    private void watchAfterDelivery(Exchange exchange, String jobKey, JobResult result) {
        JobEngine engine = getEndpoint().getComponent().getEngine();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange ex) {
                guard.completed(jobKey);
            }

            @Override
            public void onFailure(Exchange ex) {
                if (guard.failedAfterDelivery(jobKey, result)) {
                    // on the route's own thread, like every other removal of a delivered job's entry
                    engine.delivered(jobKey);
                }
            }
        });
    }

    private static List<SegmindMedia> mediaOf(List<FetchedMedia> fetched) {
        List<SegmindMedia> media = new ArrayList<>();
        if (fetched != null) {
            for (FetchedMedia m : fetched) {
                media.add((SegmindMedia) m);
            }
        }
        return media;
    }

    private void registerCleanup(Exchange exchange, List<SegmindMedia> media, String jobKey) {
        boolean delete = getEndpoint().getConfiguration().isDeleteDownloads();
        JobEngine engine = getEndpoint().getComponent().getEngine();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange ex) {
                // only now is the media safely in the route's hands: a crash before this resumes the job
                engine.delivered(jobKey);
            }

            @Override
            public void onDone(Exchange ex) {
                if (delete) {
                    deleteFiles(media);
                }
            }
        });
    }

    private static void deleteFiles(List<SegmindMedia> media) {
        for (SegmindMedia m : media) {
            if (m.getDownloadedFile() != null) {
                m.getDownloadedFile().toFile().delete();
            }
        }
    }

    private CompletableFuture<Void> sync(Exchange exchange, SegmindRequest request, Map<String, Object> payload,
                                         CompletableFuture<Void> abandon, ExchangeWrites writes) {
        SegmindEndpoint endpoint = getEndpoint();
        JobProvider provider = endpoint.getProvider();
        if (!(provider instanceof SyncCapable syncer)) {
            return CompletableFuture.failedFuture(new SegmindValidationException("Provider "
                    + provider.displayName() + " has no sync calls: use operation generate", "operation",
                    request.model()));
        }
        JobEngine engine = endpoint.getComponent().getEngine();
        // claimed by the message's job key like a submit: a sync call is billed as one
        return engine.writeOnce(provider, CallPhase.SYNC, spec(exchange, request, payload, abandon),
                        () -> syncer.sync(request.model(), payload, timeout(), endpoint.downloadOptions()))
                .thenCompose(answer -> applySync(exchange, request, answer, writes));
    }

    private CompletableFuture<Void> applySync(Exchange exchange, SegmindRequest request, SyncAnswer answer,
                                              ExchangeWrites writes) {
        Message out = exchange.getMessage();
        String requestId = answer.requestId();
        if (answer.media() != null) {
            SegmindMedia media = (SegmindMedia) answer.media();
            if (!writes.write(() -> {
                SegmindResultSupport.applySyncHeaders(out, requestId, request.model(), answer.metrics());
                SegmindResultSupport.applyMedia(out, List.of(media), requestId, null);
                registerCleanup(exchange, List.of(media), null);
            })) {
                deleteFiles(List.of(media));
                throw new IllegalStateException("abandoned");
            }
            return CompletableFuture.completedFuture(null);
        }
        if (request.outputType() == SegmindOutputType.json || request.outputType() == SegmindOutputType.url
                || answer.outputs().isEmpty()) {
            written(writes, () -> {
                SegmindResultSupport.applySyncHeaders(out, requestId, request.model(), answer.metrics());
                if (request.outputType() == SegmindOutputType.url) {
                    List<String> urls = answer.outputs().stream().map(r -> r.url()).filter(u -> u != null).toList();
                    out.setBody(urls.size() == 1 ? urls.get(0) : urls);
                } else {
                    out.setBody(answer.json());
                }
            });
            return CompletableFuture.completedFuture(null);
        }
        JobHandle pseudo = new JobHandle(getEndpoint().getProvider().id(), requestId, request.model(), null, null);
        return getEndpoint().getComponent().getEngine()
                .download(getEndpoint().getProvider(), pseudo, answer.outputs(), getEndpoint().downloadOptions(),
                        getEndpoint().retryPolicy(), timeout())
                .thenAccept(fetched -> {
                    List<SegmindMedia> media = mediaOf(fetched);
                    if (!writes.write(() -> {
                        SegmindResultSupport.applySyncHeaders(out, requestId, request.model(), answer.metrics());
                        SegmindResultSupport.applyMedia(out, media, requestId, answer.output());
                        registerCleanup(exchange, media, null);
                    })) {
                        deleteFiles(media);
                        throw new IllegalStateException("abandoned");
                    }
                });
    }

    @Override
    public String toString() {
        return "SegmindProducer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }
}
