package dev.camelsegmind.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.camelsegmind.component.client.ApiResponse;
import dev.camelsegmind.component.client.CallPhase;
import dev.camelsegmind.component.client.Json;
import dev.camelsegmind.component.client.OutputExtractor;
import dev.camelsegmind.component.client.SegmindErrors;
import dev.camelsegmind.component.client.SegmindJobProvider;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobSpec;
import dev.camelsegmind.component.engine.MediaRef;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.model.MediaTypes;
import dev.camelsegmind.component.model.SegmindMedia;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a message to a job and the job's outcome back to the message. {@link #process(Exchange, AsyncCallback)}
 * returns at once; the callback is called exactly once, on a delivery thread, when the job is done or failed.
 */
public class SegmindProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(SegmindProducer.class);

    private final Set<CompletableFuture<Void>> inflight = ConcurrentHashMap.newKeySet();
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
        // waiting now must still get its callback. The jobs keep running at Segmind and stay in the pending store.
        for (CompletableFuture<Void> work : List.copyOf(inflight)) {
            work.completeExceptionally(new SegmindException("The Segmind producer stopped while the job was still"
                    + " running; it continues at Segmind and a redelivered message (same job key) or operation=await"
                    + " with its request id collects it", 0, null, null, getEndpoint().getModel()));
        }
        super.doStop();
    }

    @Override
    public SegmindEndpoint getEndpoint() {
        return (SegmindEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> work;
        try {
            SegmindRequest request = SegmindRequestSupport.resolve(exchange, getEndpoint());
            work = dispatch(exchange, request);
        } catch (Exception e) {
            // bad input: fail before any HTTP call, on the caller's thread
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        AtomicBoolean done = new AtomicBoolean();
        inflight.add(work);
        work.whenComplete((v, failure) -> {
            inflight.remove(work);
            Runnable finish = () -> {
                if (done.compareAndSet(false, true)) {
                    if (failure != null) {
                        exchange.setException(SegmindErrors.unwrap(failure));
                    }
                    callback.done(false);
                }
            };
            try {
                // the rest of the route runs on a delivery thread, never on the HTTP client's own threads
                getEndpoint().getComponent().getDeliveryExecutor().execute(finish);
            } catch (RejectedExecutionException | NullPointerException e) {
                finish.run();
            }
        });
        return false;
    }

    private CompletableFuture<Void> dispatch(Exchange exchange, SegmindRequest request) {
        SegmindEndpoint endpoint = getEndpoint();
        JobEngine engine = endpoint.getComponent().getEngine();
        SegmindJobProvider provider = endpoint.getProvider();
        Message message = exchange.getMessage();
        switch (request.operation()) {
            case submit:
                return inputsReady(request)
                        .thenCompose(payload -> engine.submit(provider, spec(exchange, request, payload)))
                        .thenAccept(handle -> SegmindResultSupport.applySubmitted(message, handle));
            case status: {
                JobHandle handle = handleFor(request, message, provider);
                return engine.status(provider, handle, spec(exchange, request, Map.of()))
                        .thenAccept(status -> SegmindResultSupport.applyStatus(message, status, request.model()));
            }
            case await: {
                JobHandle handle = handleFor(request, message, provider);
                return engine.await(provider, handle, spec(exchange, request, Map.of()))
                        .thenAccept(result -> deliver(exchange, result, request, null));
            }
            case sync:
                return inputsReady(request).thenCompose(payload -> sync(exchange, request, payload));
            default:
                return inputsReady(request)
                        .thenCompose(payload -> engine.generate(provider, spec(exchange, request, payload)))
                        .thenAccept(result -> deliver(exchange, result, request, request.jobKey()));
        }
    }

    /**
     * The job to follow for status and await: the URLs that submit returned (headers CamelSegmindStatusUrl and
     * CamelSegmindResponseUrl), as Segmind asks, when they belong to this request id and to the API's own origin
     * (the key travels with every status read); otherwise URLs rebuilt from the request id.
     */
    private JobHandle handleFor(SegmindRequest request, Message message, SegmindJobProvider provider) {
        JobHandle rebuilt = provider.resume(request.model(), request.requestId(), null);
        String statusUrl = message.getHeader(SegmindConstants.STATUS_URL, String.class);
        String responseUrl = message.getHeader(SegmindConstants.RESPONSE_URL, String.class);
        if (statusUrl == null || responseUrl == null || !statusUrl.contains(request.requestId())
                || !responseUrl.contains(request.requestId())) {
            return rebuilt;
        }
        try {
            java.net.URI status = java.net.URI.create(statusUrl);
            java.net.URI response = java.net.URI.create(responseUrl);
            java.net.URI base = java.net.URI.create(provider.baseUrl());
            if (sameOrigin(status, base) && sameOrigin(response, base)) {
                return new JobHandle(request.requestId(), request.model(), status, response, null);
            }
            LOG.warn("Ignoring status/response URL headers of request {} that point away from {}; following the"
                    + " request id instead", request.requestId(), URISupport.sanitizeUri(provider.baseUrl()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring malformed status/response URL headers of request {}", request.requestId());
        }
        return rebuilt;
    }

    private static boolean sameOrigin(java.net.URI a, java.net.URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(java.net.URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Uploads body media when asked to; otherwise the payload already carries it inline. */
    private CompletableFuture<Map<String, Object>> inputsReady(SegmindRequest request) {
        SegmindRequest.InputMedia media = request.media();
        if (media == null || !getEndpoint().getConfiguration().isUploadInputs()) {
            return CompletableFuture.completedFuture(request.payload());
        }
        SegmindJobProvider provider = getEndpoint().getProvider();
        return getEndpoint().getComponent().getEngine()
                .withRetries(CallPhase.UPLOAD, request.model(), timeout(), getEndpoint().retryPolicy(),
                        () -> provider.upload(List.of(media.dataUri()), request.model()))
                .thenApply(urls -> {
                    request.payload().put(media.parameter(), urls.get(0));
                    return request.payload();
                });
    }

    private JobSpec spec(Exchange exchange, SegmindRequest request, Map<String, Object> payload) {
        SegmindEndpoint endpoint = getEndpoint();
        boolean download = request.outputType() == SegmindOutputType.media;
        return new JobSpec(request.model(), payload, request.jobKey(), timeout(), endpoint.getPollingPolicy(),
                endpoint.retryPolicy(), download ? endpoint.downloadOptions() : null,
                endpoint.progressListener(exchange));
    }

    private Duration timeout() {
        return Duration.ofMillis(getEndpoint().getConfiguration().getTimeout());
    }

    private void deliver(Exchange exchange, JobResult result, SegmindRequest request, String jobKey) {
        SegmindResultSupport.applyResult(exchange.getMessage(), result, request.outputType());
        registerCleanup(exchange, result.media(), jobKey);
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
                    for (SegmindMedia m : media) {
                        if (m.getDownloadedFile() != null) {
                            m.getDownloadedFile().toFile().delete();
                        }
                    }
                }
            }
        });
    }

    private CompletableFuture<Void> sync(Exchange exchange, SegmindRequest request, Map<String, Object> payload) {
        SegmindEndpoint endpoint = getEndpoint();
        JobEngine engine = endpoint.getComponent().getEngine();
        SegmindJobProvider provider = endpoint.getProvider();
        return engine.withRetries(CallPhase.SYNC, request.model(), timeout(), endpoint.retryPolicy(),
                () -> provider.sync(request.model(), payload, timeout()))
                .thenCompose(response -> applySync(exchange, request, response));
    }

    private CompletableFuture<Void> applySync(Exchange exchange, SegmindRequest request, ApiResponse response) {
        Message out = exchange.getMessage();
        String requestId = response.headers().firstValue("x-request-id").orElse("sync-" + UUID.randomUUID());
        out.setHeader(SegmindConstants.REQUEST_ID, requestId);
        out.setHeader(SegmindConstants.MODEL, request.model());
        out.setHeader(SegmindConstants.STATUS, "COMPLETED");
        response.headers().firstValue("x-remaining-credits")
                .ifPresent(v -> SegmindResultSupport.setNumber(out, SegmindConstants.REMAINING_CREDITS, v));
        response.headers().firstValue("x-cost")
                .ifPresent(v -> SegmindResultSupport.setNumber(out, SegmindConstants.COST, v));
        response.headers().firstValue("x-generation-time")
                .ifPresent(v -> SegmindResultSupport.setNumber(out, SegmindConstants.INFERENCE_TIME, v));
        response.headers().firstValue("x-seed-value").ifPresent(v -> out.setHeader(SegmindConstants.SEED_VALUE, v));
        if (!response.isJson()) {
            String type = response.contentType().isEmpty() ? MediaTypes.sniff(response.body())
                    : response.contentType().split(";")[0].trim();
            if (type == null) {
                type = "application/octet-stream";
            }
            SegmindMedia media = SegmindMedia.inMemory(null, type,
                    SegmindResultSupport.fileNameFor(requestId, type), response.body());
            SegmindResultSupport.applyMedia(out, List.of(media), requestId, null);
            return CompletableFuture.completedFuture(null);
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(response.body());
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(new dev.camelsegmind.component.error.SegmindProtocolException(
                    "Segmind's sync answer for " + request.model() + " is not valid JSON", response.statusCode(),
                    null, requestId, request.model(), e));
        }
        if (request.outputType() == SegmindOutputType.json) {
            out.setBody(json);
            return CompletableFuture.completedFuture(null);
        }
        Object output = syncOutput(json);
        List<MediaRef> refs = output == null ? List.of()
                : OutputExtractor.extract(Map.of("output", output), requestId, request.model());
        if (request.outputType() == SegmindOutputType.url || refs.isEmpty()) {
            List<String> urls = refs.stream().map(MediaRef::url).filter(u -> u != null).toList();
            out.setBody(request.outputType() == SegmindOutputType.url ? (urls.size() == 1 ? urls.get(0) : urls)
                    : json);
            return CompletableFuture.completedFuture(null);
        }
        JobHandle pseudo = new JobHandle(requestId, request.model(), null, null, null);
        return getEndpoint().getComponent().getEngine()
                .download(pseudo, refs, getEndpoint().downloadOptions(), getEndpoint().retryPolicy(), timeout())
                .thenAccept(media -> {
                    SegmindResultSupport.applyMedia(out, media, requestId, output);
                    registerCleanup(exchange, media, null);
                });
    }

    /** Sync JSON answers name their media differently per model; the first of these keys that is present. */
    private static Object syncOutput(Map<String, Object> json) {
        for (String key : new String[] { "output", "images", "image", "video", "audio", "data" }) {
            if (json.get(key) != null) {
                return json.get(key);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "SegmindProducer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }
}
