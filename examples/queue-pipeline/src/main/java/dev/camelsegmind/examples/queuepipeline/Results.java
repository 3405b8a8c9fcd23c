package dev.camelsegmind.examples.queuepipeline;

import java.util.Map;

import dev.camelsegmind.component.model.SegmindMedia;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The messages of {@code segmind.results}: the media bytes (a JMS BytesMessage) with properties
 * {@code SegmindContentType}, {@code SegmindFileName}, {@code SegmindRequestId}, {@code SegmindModel} and the
 * request's {@code JMSCorrelationID}. Sent to a {@code file:} endpoint instead, the same message is written as
 * {@code <request-id>.mp4}.
 */
final class Results {

    private Results() {
    }

    static void fromMedia(Exchange exchange) {
        Message m = exchange.getMessage();
        SegmindMedia media = m.getBody(SegmindMedia.class);
        PipelineHeaders.forQueue(m, Map.of(
                PipelineHeaders.CONTENT_TYPE, media.getContentType(),
                PipelineHeaders.FILE_NAME, media.getFileName(),
                // for a file: endpoint as the destination
                Exchange.FILE_NAME, media.getFileName()));
        m.setBody(media.toBytes());
    }
}
