package dev.camelsegmind.examples.scaleout;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The one route of a node: a request from the cluster's topic, one Segmind job, and the media's reference as the
 * result. The segmind-kafka consumer writes the route's last body to the results topic, or its failure to the
 * dead-letter topic, and keeps the job pending between the two; the route itself knows nothing of the cluster. It must
 * stay deterministic (same request, same model and job key): a node that takes a job over runs the request through it
 * again, and the engine then finds the job pending and follows it instead of submitting.
 */
public class ScaleOutRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // the dead-letter topic is this route's error channel: no redelivery (the engine retries what can pass), no
        // stack trace per failed request, one log line each
        errorHandler(noErrorHandler());
        onCompletion().onFailureOnly()
                .log(LoggingLevel.WARN, "scale-out", "${header.CamelSegmindKafkaKey} failed: ${exception.message}");

        // tag::route[]
        from("segmind-kafka:{{scaleout.requests-topic}}?resultsTopic={{scaleout.results-topic}}"
                + "&deadLetterTopic={{scaleout.dead-letter-topic}}&groupId={{scaleout.group}}"
                + "&requestsPerMinute={{scaleout.requests-per-minute}}&sessionTimeout={{scaleout.session-timeout}}")
                .routeId("generate")
                .process(Requests::toPayload)
                // media straight into the shared directory, kept there after the route: the result points at it
                .to("segmind:{{scaleout.model}}?outputType=media&downloadDirectory={{scaleout.media-dir}}"
                        + "&inMemoryThreshold=0&deleteDownloads=false")
                .process(Results::fromMedia)
                .log(LoggingLevel.INFO, "scale-out", "${header.CamelSegmindKafkaKey} done: ${header.CamelFileName}"
                        + " (claimed by ${header.CamelSegmindKafkaClaimedBy})");
        // end::route[]
    }
}
