package dev.camelsegmind.examples.queuepipeline;

import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.error.SegmindException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Two routes joined only by the {@code segmind.pending} queue. {@code submit} pays for a job and records its id there;
 * {@code collect} reads a pending id's status once, and either delivers the media, reports the failure, or puts the
 * id back for a later read. No thread waits for a job, and a job outlives the process: after a restart
 * {@code collect} simply carries on with the ids still in the queue.
 */
public class PipelineRoutes extends RouteBuilder {

    static final String REQUESTS = "jms:queue:segmind.requests";
    static final String PENDING = "jms:queue:segmind.pending";
    static final String FAILED = "jms:queue:segmind.failed";
    /** Local JMS transactions: a message leaves its queue only once the route has passed it on. */
    private static final String CONSUME = "?transacted=true&disableReplyTo=true"
            + "&concurrentConsumers={{pipeline.concurrent-consumers}}";

    private final int demoRequests;

    public PipelineRoutes(int demoRequests) {
        this.demoRequests = demoRequests;
    }

    @Override
    public void configure() {
        PendingJobs pending = new PendingJobs(
                Long.parseLong(getContext().resolvePropertyPlaceholders("{{pipeline.poll-interval}}")));

        from(REQUESTS + CONSUME).routeId("submit")
                // bad input, a refused or possibly accepted submit: a person decides. Passing trouble (rate limit,
                // gateway) rolls the message back for the broker to redeliver, then to ActiveMQ.DLQ.
                .onException(SegmindException.class).onWhen(exchange -> !retryable(exchange)).handled(true)
                    .process(Failures::fromException)
                    .to(FAILED)
                    .log(LoggingLevel.WARN, "queue-pipeline", "not submitted: ${body}")
                .end()
                .process(PipelineRequests::toPayload)
                .to("segmind:{{pipeline.model}}?operation=submit")
                .process(PendingJobs::fromSubmitted)
                .to(PENDING)
                .log(LoggingLevel.INFO, "queue-pipeline",
                        "submitted ${header.SegmindRequestId} (${header.SegmindModel})");

        from(PENDING + CONSUME).routeId("collect").autoStartup("{{pipeline.collect.auto-startup}}")
                .onException(SegmindException.class).handled(true)
                    .choice()
                        .when(this::retryable)
                            .process(pending::pollAgain)
                            .to(PENDING)
                        .otherwise()
                            .process(Failures::fromException)
                            .to(FAILED)
                            .log(LoggingLevel.WARN, "queue-pipeline", "failed: ${body}")
                    .end()
                .end()
                .process(exchange -> PipelineHeaders.fromQueue(exchange.getMessage()))
                .to("segmind:{{pipeline.model}}?operation=status")
                .choice()
                    .when(header(SegmindConstants.STATUS).isEqualTo("COMPLETED"))
                        .to("direct:deliver")
                    .when(header(SegmindConstants.STATUS).isEqualTo("FAILED"))
                        .process(Failures::fromStatus)
                        .to(FAILED)
                        .log(LoggingLevel.WARN, "queue-pipeline", "failed: ${body}")
                    .otherwise()
                        .process(pending::pollAgain)
                        .to(PENDING)
                .end();

        // part of collect: its failures go back to collect's onException, in collect's transaction
        from("direct:deliver").routeId("deliver").errorHandler(noErrorHandler())
                // an id can be in the queue twice (a crash between re-queueing and commit): deliver it once. The
                // id is recorded when the delivery is done, so a crash half-way delivers again rather than never.
                .idempotentConsumer(header(SegmindConstants.REQUEST_ID))
                    .idempotentRepository("collectedJobs").eager(false)
                    .to("segmind:{{pipeline.model}}?operation=await")
                    .split(body())
                        .process(Results::fromMedia)
                        .to("{{pipeline.results}}")
                        .log(LoggingLevel.INFO, "queue-pipeline",
                                "collected ${header.SegmindRequestId}: ${header.CamelFileName} to {{pipeline.results}}")
                    .end()
                .end();

        if (demoRequests > 0) {
            from("timer:demo-requests?delay=1000&period=100&repeatCount=" + demoRequests).routeId("demo-requests")
                    .setBody(simple("{\"prompt\": \"sample clip ${exchangeProperty.CamelTimerCounter}: a slow pan"
                            + " across a misty lake\", \"image\": \"https://example.com/lake.png\","
                            + " \"resolution\": \"720P\", \"duration\": 5}"))
                    .to(REQUESTS);
        }
    }

    private boolean retryable(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT) instanceof SegmindException e && e.isRetryable();
    }
}
