package dev.camelsegmind.component.observability;

import dev.camelsegmind.component.SegmindConstants;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobListener;
import dev.camelsegmind.component.engine.JobState;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the endpoint's {@code progressUri} about every status change of a job: a small message per change, sent on a
 * delivery thread so the engine's scheduler and HTTP threads never wait for the receiving route. One producer per
 * Segmind endpoint; a failing receiver is logged and never touches the job.
 */
public final class SegmindProgressSender extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SegmindProgressSender.class);

    private final CamelContext context;
    private final String uri;
    private final Supplier<Executor> executor;
    private Endpoint target;
    private AsyncProducer producer;

    public SegmindProgressSender(CamelContext context, String uri, Supplier<Executor> executor) {
        this.context = context;
        this.uri = uri;
        this.executor = executor;
    }

    @Override
    protected void doStart() throws Exception {
        target = CamelContextHelper.getMandatoryEndpoint(context, uri);
        producer = target.createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(producer);
        producer = null;
    }

    /** A listener for the job of one message; it keeps that job's messages in order. */
    public JobListener forExchange(Exchange origin) {
        return new JobProgress(origin.getExchangeId());
    }

    private final class JobProgress implements JobListener {
        private final String exchangeId;
        private JobState lastSent;
        private int polls;
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        JobProgress(String exchangeId) {
            this.exchangeId = exchangeId;
        }

        @Override
        public synchronized void submitted(JobHandle job) {
            // the submit answer says QUEUED; the first status read may already say PROCESSING
            emit(job, JobState.QUEUED, Duration.ZERO, null);
        }

        @Override
        public synchronized void statusRead(JobHandle job, JobState from, JobState to, Duration elapsed) {
            polls++;
            emit(job, to, elapsed, null);
        }

        @Override
        public synchronized void failed(JobHandle job, String model, Throwable error) {
            if (job != null) {
                Duration elapsed = job.submittedAt() == null ? Duration.ZERO
                        : Duration.between(job.submittedAt(), Instant.now());
                emit(job, JobState.FAILED, elapsed, error);
            }
        }

        private void emit(JobHandle job, JobState status, Duration elapsed, Throwable error) {
            if (status == lastSent) {
                return;
            }
            lastSent = status;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestId", job.requestId());
            body.put("model", job.model());
            body.put("status", status.name());
            body.put("elapsedMillis", elapsed.toMillis());
            body.put("polls", polls);
            if (error != null) {
                body.put("error", error.getClass().getSimpleName());
            }
            Executor ex = executor.get();
            if (ex == null) {
                return;
            }
            // chained, so a slow receiver still sees QUEUED, PROCESSING, COMPLETED in that order
            tail = tail.thenComposeAsync(v -> send(job, status, body), ex).exceptionally(e -> {
                LOG.warn("Could not send Segmind progress of request {} to {}: {}", job.requestId(),
                        URISupport.sanitizeUri(uri), e.toString());
                return null;
            });
        }

        private CompletableFuture<Void> send(JobHandle job, JobState status, Map<String, Object> body) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            AsyncProducer p = producer;
            if (p == null) {
                done.complete(null);
                return done;
            }
            Exchange exchange = target.createExchange();
            Message m = exchange.getMessage();
            m.setBody(body);
            m.setHeader(SegmindConstants.REQUEST_ID, job.requestId());
            m.setHeader(SegmindConstants.STATUS, status.name());
            m.setHeader(SegmindConstants.JOB_MODEL, job.model());
            m.setHeader(Exchange.CORRELATION_ID, exchangeId);
            try {
                p.process(exchange, doneSync -> {
                    if (exchange.getException() != null) {
                        LOG.warn("The Segmind progress endpoint {} failed on request {} ({}): {}",
                                URISupport.sanitizeUri(uri), job.requestId(), status,
                                exchange.getException().toString());
                    }
                    done.complete(null);
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
            return done;
        }
    }
}
