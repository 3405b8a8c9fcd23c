package dev.camelsegmind.examples.restapi;

import dev.camelsegmind.component.SegmindConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Turns {@code GET /jobs/{id}} into a status read of that request id; the component checks the id's shape. */
final class JobRequests {

    private JobRequests() {
    }

    static void fromPath(Exchange exchange) {
        Message in = exchange.getMessage();
        String id = in.getHeader("id", String.class);
        in.getHeaders().clear();
        in.setHeader(SegmindConstants.REQUEST_ID, id);
        in.setBody(null);
    }
}
