package dev.camelsegmind.examples.folderwatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelsegmind.component.SegmindConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Writes {@code <name>.json} beside the result: what was asked (model and parameters), what Segmind said (request
 * id, metrics, cost, credits left, output URL) and how long it took, so a result can be traced and reproduced.
 */
final class SidecarWriter implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path outbox;

    SidecarWriter(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String input = exchange.getProperty(ExchangeKeys.INPUT, String.class);
        List<String> outputs = OutputNames.namesFor(input, message.getBody());
        exchange.setProperty(ExchangeKeys.OUTPUTS, outputs);

        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("input", input);
        sidecar.put("model", message.getHeader(SegmindConstants.JOB_MODEL));
        sidecar.put("provider", exchange.getProperty(ExchangeKeys.PROVIDER));
        sidecar.put("requestId", message.getHeader(SegmindConstants.REQUEST_ID));
        sidecar.put("status", message.getHeader(SegmindConstants.STATUS));
        sidecar.put("parameters", exchange.getProperty(ExchangeKeys.PARAMETERS_SHOWN));
        sidecar.put("outputs", outputs);
        sidecar.put("outputUrl", message.getHeader(SegmindConstants.OUTPUT_URL));
        sidecar.put("contentType", message.getHeader(SegmindConstants.CONTENT_TYPE));
        sidecar.put("metrics", message.getHeader(SegmindConstants.METRICS));
        sidecar.put("cost", message.getHeader(SegmindConstants.COST));
        sidecar.put("remainingCredits", message.getHeader(SegmindConstants.REMAINING_CREDITS));
        sidecar.put("seconds", JobProgress.secondsSinceStart(exchange));
        sidecar.put("finishedAt", Instant.now().toString());

        Files.createDirectories(outbox);
        Files.writeString(outbox.resolve(InboxFiles.baseName(input) + ".json"),
                JSON.writeValueAsString(sidecar) + "\n", StandardCharsets.UTF_8);
    }
}
