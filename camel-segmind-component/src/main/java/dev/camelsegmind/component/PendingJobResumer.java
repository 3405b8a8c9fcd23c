package dev.camelsegmind.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.camelsegmind.component.engine.FetchedMedia;
import dev.camelsegmind.component.engine.JobEngine;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobSpec;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.component.store.PendingJob;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, the jobs a previous run paid for and never delivered: the store is listed once, and each ACCEPTED job
 * of this component's provider is followed to its result without waiting for its message. With option
 * {@code resumedJobsUri} each result is sent there as a message of its own (media body, the usual headers,
 * CamelSegmindJobKey and the entry's attributes), and the entry is removed once that exchange completes; without it,
 * the jobs wait for their messages, and the log says how many there are.
 */
final class PendingJobResumer {

    private static final Logger LOG = LoggerFactory.getLogger(PendingJobResumer.class);

    private final SegmindComponent component;
    private final String resumedJobsUri;
    /** Completed when the component stops: every job resumed here is given up then. */
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private AsyncProducer producer;

    PendingJobResumer(SegmindComponent component, String resumedJobsUri) {
        this.component = component;
        this.resumedJobsUri = resumedJobsUri == null || resumedJobsUri.isBlank() ? null : resumedJobsUri;
    }

    /** Lists the store off the engine's threads and resumes what it finds. */
    void start() {
        JobEngine engine = component.getEngine();
        Executor executor = component.getStoreExecutor();
        CompletableFuture.supplyAsync(() -> engine.store().list(), executor != null ? executor : Runnable::run)
                .whenComplete((entries, failure) -> {
                    if (failure != null) {
                        LOG.warn("Could not list the pending-job store at start-up; pending jobs resume when their"
                                + " messages come back: {}", failure.toString());
                        return;
                    }
                    try {
                        resume(engine, entries);
                    } catch (Exception e) {
                        LOG.warn("Could not resume the pending jobs found at start-up; they resume when their"
                                + " messages come back: {}", e.toString());
                    }
                });
    }

    synchronized void stop() {
        stopped.completeExceptionally(new IllegalStateException("The Segmind component stopped"));
        ServiceHelper.stopService(producer);
        producer = null;
        for (Endpoint e : endpoints) {
            ServiceHelper.stopService(e);
        }
        endpoints.clear();
    }

    private synchronized void resume(JobEngine engine, Collection<PendingJob> entries) throws Exception {
        if (entries.isEmpty() || stopped.isDone()) {
            return;
        }
        Map<PendingJob.State, Integer> counts = new EnumMap<>(PendingJob.State.class);
        entries.forEach(e -> counts.merge(e.state(), 1, Integer::sum));
        List<PendingJob> accepted = new ArrayList<>();
        Map<String, SegmindEndpoint> byModel = new HashMap<>();
        int otherProviders = 0;
        for (PendingJob entry : entries) {
            if (entry.state() != PendingJob.State.ACCEPTED || entry.model() == null || entry.requestId() == null) {
                continue;
            }
            SegmindEndpoint endpoint = byModel.get(entry.model());
            if (endpoint == null) {
                endpoint = endpointFor(entry.model());
                byModel.put(entry.model(), endpoint);
            }
            if (endpoint.getProvider().id().equals(entry.provider())) {
                accepted.add(entry);
            } else {
                otherProviders++;
            }
        }
        String found = "Found " + entries.size() + " pending job(s) in the pending-job store " + counts;
        String notHere = otherProviders == 0 ? "" : "; " + otherProviders + " accepted at another provider are left"
                + " to the component that uses it";
        if (resumedJobsUri == null || accepted.isEmpty()) {
            LOG.info("{}{}; they resume when their messages come back{}", found, notHere, accepted.isEmpty() ? ""
                    : " (set option resumedJobsUri to have the accepted ones delivered now)");
            return;
        }
        Endpoint target = component.getCamelContext().getEndpoint(resumedJobsUri);
        producer = target.createAsyncProducer();
        ServiceHelper.startService(producer);
        LOG.info("{}{}; resuming the {} accepted one(s) and sending their results to {}", found, notHere,
                accepted.size(), URISupport.sanitizeUri(resumedJobsUri));
        for (PendingJob entry : accepted) {
            resume(engine, byModel.get(entry.model()), target, producer, entry);
        }
    }

    private SegmindEndpoint endpointFor(String model) throws Exception {
        // an endpoint like the one a route would use, with the component's options: its provider, polling, retries
        // and downloads are those of the component
        SegmindEndpoint endpoint = (SegmindEndpoint) component.createEndpoint("segmind:" + model);
        ServiceHelper.startService(endpoint);
        endpoints.add(endpoint);
        return endpoint;
    }

    private void resume(JobEngine engine, SegmindEndpoint endpoint, Endpoint target, AsyncProducer sender,
                        PendingJob entry) {
        // the store keeps no timing class: a resumed job is timed by its model's window, learnt from all its jobs
        JobSpec spec = new JobSpec(entry.model(), Map.of(), entry.jobKey(),
                Duration.ofMillis(endpoint.getConfiguration().getTimeout()), endpoint.getPollingPolicy(),
                endpoint.retryPolicy(), endpoint.downloadOptions(), null, stopped, entry.attributes());
        engine.resume(endpoint.getProvider(), entry, spec).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("The pending {} job {} of {} (job key {}) found at start-up was not delivered: {}",
                        endpoint.getProvider().displayName(), entry.requestId(), entry.model(),
                        SafeText.forMessage(entry.jobKey(), 120),
                        SafeText.forMessage(SegmindRequestSupport.unwrap(failure).getMessage(), 300));
                return;
            }
            send(engine, endpoint, target, sender, entry, result);
        });
    }

    private void send(JobEngine engine, SegmindEndpoint endpoint, Endpoint target, AsyncProducer sender,
                      PendingJob entry, JobResult result) {
        List<SegmindMedia> media = new ArrayList<>();
        for (FetchedMedia m : result.media() == null ? List.<FetchedMedia>of() : result.media()) {
            media.add((SegmindMedia) m);
        }
        Exchange exchange = target.createExchange();
        Message message = exchange.getMessage();
        // the entry's attributes first: the documented headers win over anything they hold
        entry.attributes().forEach(message::setHeader);
        SegmindResultSupport.applyResult(message, result, media, SegmindOutputType.media);
        message.setHeader(SegmindConstants.JOB_KEY, entry.jobKey());
        boolean delete = endpoint.getConfiguration().isDeleteDownloads();
        Runnable deliver = () -> sender.process(exchange, doneSync -> {
            if (exchange.isFailed()) {
                LOG.warn("The route at {} failed for the resumed job {} of {}; its pending-job entry stays, so it is"
                        + " resumed again: {}", URISupport.sanitizeUri(resumedJobsUri), entry.requestId(),
                        entry.model(), exchange.getException() == null ? "rolled back"
                                : SafeText.forMessage(exchange.getException().getMessage(), 300));
            } else {
                // only now is the media in the route's hands: a crash before this resumes the job again
                engine.delivered(entry.jobKey());
            }
            if (delete) {
                deleteFiles(media);
            }
        });
        try {
            // the route at resumedJobsUri runs on a delivery thread, never on the engine's
            component.getDeliveryExecutor().execute(deliver);
        } catch (RejectedExecutionException | NullPointerException stopping) {
            deleteFiles(media);
        }
    }

    private static void deleteFiles(List<SegmindMedia> media) {
        for (SegmindMedia m : media) {
            if (m.getDownloadedFile() != null) {
                m.getDownloadedFile().toFile().delete();
            }
        }
    }
}
