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
import dev.camelsegmind.component.engine.SyncAnswer;
import dev.camelsegmind.component.engine.SyncCapable;
import dev.camelsegmind.component.engine.UploadCapable;
import dev.camelsegmind.component.error.SegmindException;
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

    public SegmindProducer(SegmindEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the Camel way for producer checks: only when camel-health's producers repository is there
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            producerHealthCheck = new SegmindProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            producerHealthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(producerHealthCheck);
            if (producerHealthCheck.isEnabled() && healthCheckRepository.isEnabled()) {
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
        // Camel stops producers after graceful shutdown has waited for in-flight exchanges; whatever is still
        // waiting now gets its callback, and its job is given up here: one still waiting for a slot is never
        // submitted, one under way keeps running at the provider and stays in the pending store.
        SegmindException stopped = new SegmindException("The Segmind producer stopped before the job ended; a job"
                + " already accepted continues at Segmind and a redelivered message (same job key) or"
                + " operation=await with its request id collects it", 0, null, null, getEndpoint().getModel());
        for (Map.Entry<CompletableFuture<Void>, CompletableFuture<Void>> e : List.copyOf(inflight.entrySet())) {
            e.getValue().completeExceptionally(stopped);
            e.getKey().completeExceptionally(stopped);
        }
        super.doStop();
    }

    @Override
    public SegmindEndpoint getEndpoint() {
        return (SegmindEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> abandon = new CompletableFuture<>();
        CompletableFuture<Void> work;
        try {
            SegmindRequest request = SegmindRequestSupport.resolve(exchange, getEndpoint());
            work = dispatch(exchange, request, abandon);
        } catch (Exception e) {
            // bad input: fail before any HTTP call, on the caller's thread
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        CompletableFuture<Void> started = work;
        SegmindException givenUp = new SegmindException("The job was given up by the route's caller (property "
                + SegmindConstants.ABANDON + "); a job already accepted continues at the provider and stays in the"
                + " pending-job store", 0, null, null, getEndpoint().getModel());
        if (exchange.getProperty(SegmindConstants.ABANDON) instanceof CompletableFuture<?> signal) {
            signal.whenComplete((v, e) -> {
                abandon.completeExceptionally(givenUp);
                started.completeExceptionally(givenUp);
            });
        }
        AtomicBoolean done = new AtomicBoolean();
        inflight.put(work, abandon);
        work.whenComplete((v, failure) -> {
            inflight.remove(work);
            // whatever was still under way for this message stops now
            abandon.complete(null);
            Runnable finish = () -> {
                if (done.compareAndSet(false, true)) {
                    Throwable error = failure == null ? null : SegmindRequestSupport.unwrap(failure);
                    if (error == givenUp) {
                        // the caller gave the job up and expects nothing: the route stops here, without an error
                        exchange.setRouteStop(true);
                    } else if (error != null) {
                        exchange.setException(error);
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

    private CompletableFuture<Void> dispatch(Exchange exchange, SegmindRequest request,
                                             CompletableFuture<Void> abandon) {
        SegmindEndpoint endpoint = getEndpoint();
        JobEngine engine = endpoint.getComponent().getEngine();
        JobProvider provider = endpoint.getProvider();
        Message message = exchange.getMessage();
        switch (request.operation()) {
            case submit:
                return inputsReady(request)
                        .thenCompose(payload -> engine.submit(provider, spec(exchange, request, payload, abandon)))
                        .thenAccept(handle -> unlessAbandoned(abandon,
                                () -> SegmindResultSupport.applySubmitted(message, handle)));
            case status: {
                JobHandle handle = handleFor(request, message, provider);
                return engine.status(provider, handle, spec(exchange, request, Map.of(), abandon))
                        .thenAccept(status -> unlessAbandoned(abandon,
                                () -> SegmindResultSupport.applyStatus(message, status, request.model())));
            }
            case await: {
                JobHandle handle = handleFor(request, message, provider);
                return engine.await(provider, handle, spec(exchange, request, Map.of(), abandon))
                        .thenAccept(result -> deliver(exchange, result, request, null, abandon));
            }
            case sync:
                return inputsReady(request).thenCompose(payload -> sync(exchange, request, payload, abandon));
            default:
                return inputsReady(request)
                        .thenCompose(payload -> engine.generate(provider, spec(exchange, request, payload, abandon)))
                        .thenAccept(result -> deliver(exchange, result, request, request.jobKey(), abandon));
        }
    }

    /** Nothing is written to a message whose callback already ran (its producer stopped). */
    private static void unlessAbandoned(CompletableFuture<Void> abandon, Runnable write) {
        if (abandon.isDone()) {
            throw new IllegalStateException("abandoned");
        }
        write.run();
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
                endpoint.progressListener(exchange), abandon, request.jobKey() == null ? null : attributes(exchange));
    }

    private static Map<String, String> attributes(Exchange exchange) {
        Map<?, ?> given = exchange.getMessage().getHeader(SegmindConstants.JOB_ATTRIBUTES, Map.class);
        if (given == null || given.isEmpty()) {
            return null;
        }
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        given.forEach((k, v) -> attributes.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        return attributes;
    }

    private Duration timeout() {
        return Duration.ofMillis(getEndpoint().getConfiguration().getTimeout());
    }

    private void deliver(Exchange exchange, JobResult result, SegmindRequest request, String jobKey,
                         CompletableFuture<Void> abandon) {
        List<SegmindMedia> media = mediaOf(result.media());
        if (abandon.isDone()) {
            deleteFiles(media);
            throw new IllegalStateException("abandoned");
        }
        SegmindResultSupport.applyResult(exchange.getMessage(), result, media, request.outputType());
        registerCleanup(exchange, media, jobKey);
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
                                         CompletableFuture<Void> abandon) {
        SegmindEndpoint endpoint = getEndpoint();
        JobProvider provider = endpoint.getProvider();
        if (!(provider instanceof SyncCapable syncer)) {
            return CompletableFuture.failedFuture(new SegmindValidationException("Provider "
                    + provider.displayName() + " has no sync calls: use operation generate", "operation",
                    request.model()));
        }
        JobEngine engine = endpoint.getComponent().getEngine();
        return engine.withRetries(provider, CallPhase.SYNC, request.model(), timeout(), endpoint.retryPolicy(),
                        () -> syncer.sync(request.model(), payload, timeout(), endpoint.downloadOptions()))
                .thenCompose(answer -> applySync(exchange, request, answer, abandon));
    }

    private CompletableFuture<Void> applySync(Exchange exchange, SegmindRequest request, SyncAnswer answer,
                                              CompletableFuture<Void> abandon) {
        Message out = exchange.getMessage();
        String requestId = answer.requestId();
        if (answer.media() != null) {
            SegmindMedia media = (SegmindMedia) answer.media();
            unlessAbandoned(abandon, () -> {
                SegmindResultSupport.applySyncHeaders(out, requestId, request.model(), answer.metrics());
                SegmindResultSupport.applyMedia(out, List.of(media), requestId, null);
            });
            registerCleanup(exchange, List.of(media), null);
            return CompletableFuture.completedFuture(null);
        }
        if (request.outputType() == SegmindOutputType.json || request.outputType() == SegmindOutputType.url
                || answer.outputs().isEmpty()) {
            unlessAbandoned(abandon, () -> {
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
                    if (abandon.isDone()) {
                        deleteFiles(media);
                        throw new IllegalStateException("abandoned");
                    }
                    SegmindResultSupport.applySyncHeaders(out, requestId, request.model(), answer.metrics());
                    SegmindResultSupport.applyMedia(out, media, requestId, answer.output());
                    registerCleanup(exchange, media, null);
                });
    }

    @Override
    public String toString() {
        return "SegmindProducer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }
}
