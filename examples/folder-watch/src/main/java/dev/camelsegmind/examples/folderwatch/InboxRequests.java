package dev.camelsegmind.examples.folderwatch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.component.SegmindConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns an inbox file into a Segmind request: header {@code CamelSegmindModel} names the model and header
 * {@code CamelSegmindParameters} carries the parameters. A picture stays in the body, where the component turns it
 * into the model's image input.
 */
final class InboxRequests {

    static final String IMAGE_MODEL = "wan2.7-image-pro";
    static final String VIDEO_MODEL = "wan2.7-i2v";

    /** For a picture dropped without a prompt: wan2.7-i2v needs one. */
    static final String DEFAULT_MOTION_PROMPT = "Bring this picture to life with gentle, natural motion";
    /** The cheaper of wan2.7-i2v's settings; put them in a .json request to choose others. */
    static final String VIDEO_RESOLUTION = "720P";
    static final int VIDEO_SECONDS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.List<String> PROVIDERS = java.util.List.of("segmind", "crun");

    private InboxRequests() {
    }

    /** {@code sunset.txt}: the text is the prompt of a wan2.7-image-pro picture. */
    static void fromPrompt(Exchange exchange) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("prompt", exchange.getMessage().getBody(String.class).trim());
        request(exchange, IMAGE_MODEL, parameters, parameters, false);
    }

    /**
     * {@code city.json}: {@code {"model": "<slug>", ...parameters}} for any model; {@code "provider": "crun"} runs it
     * at crun.ai instead of Segmind ({@code lighthouse-crun.json}).
     */
    static void fromRequestFile(Exchange exchange) {
        String name = exchange.getProperty(ExchangeKeys.INPUT, String.class);
        JsonNode json;
        try {
            json = JSON.readTree(exchange.getMessage().getBody(String.class));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InboxFileException(name + " is not valid JSON (" + e.getOriginalMessage() + where
                    + "). A request file holds one JSON object, for example"
                    + " {\"model\": \"wan2.7-image-pro\", \"prompt\": \"a lighthouse at dawn\", \"size\": \"2K\"}", e);
        }
        if (json == null || !json.isObject()) {
            throw new InboxFileException(name + " holds no JSON object. A request file holds one JSON object, for"
                    + " example {\"model\": \"wan2.7-image-pro\", \"prompt\": \"a lighthouse at dawn\"}");
        }
        JsonNode model = json.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new InboxFileException(name + " names no model: add \"model\": \"<slug>\" to it, for example"
                    + " \"model\": \"" + IMAGE_MODEL + "\" or \"model\": \"" + VIDEO_MODEL + "\"");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = JSON.convertValue(json, LinkedHashMap.class);
        parameters.remove("model");
        Object provider = parameters.remove("provider");
        if (provider != null && !PROVIDERS.contains(provider.toString())) {
            throw new InboxFileException(name + " names provider \"" + provider + "\": use \"segmind\" (the default)"
                    + " or \"crun\" (crun.ai, for " + IMAGE_MODEL + " only)");
        }
        exchange.setProperty(ExchangeKeys.PROVIDER, provider == null ? "segmind" : provider.toString());
        request(exchange, model.asText().trim(), parameters, MediaAbbreviation.abbreviate(parameters), false);
    }

    /** {@code lake.png} (+ {@code lake.txt}): animated by wan2.7-i2v; the picture stays in the body. */
    static void fromImage(Exchange exchange) throws IOException {
        Path image = exchange.getMessage().getBody(File.class).toPath();
        Optional<Path> promptFile = InboxFiles.promptFor(image);
        String prompt = DEFAULT_MOTION_PROMPT;
        if (promptFile.isPresent()) {
            prompt = Files.readString(promptFile.get(), StandardCharsets.UTF_8).trim();
            exchange.setProperty(ExchangeKeys.PROMPT_FILE, promptFile.get());
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("prompt", prompt);
        parameters.put("resolution", VIDEO_RESOLUTION);
        parameters.put("duration", VIDEO_SECONDS);
        Map<String, Object> shown = new LinkedHashMap<>(parameters);
        shown.put("image", MediaAbbreviation.describeFile(image));
        request(exchange, VIDEO_MODEL, parameters, shown, true);
    }

    private static void request(Exchange exchange, String model, Map<String, Object> parameters,
                                Map<String, Object> shown, boolean mediaBody) {
        Message message = exchange.getMessage();
        message.setHeader(SegmindConstants.MODEL, model);
        message.setHeader(SegmindConstants.PARAMETERS, parameters);
        if (!mediaBody) {
            // the text is in the parameters now; left in the body, the component would read it a second time
            message.setBody(null);
        }
        exchange.setProperty(ExchangeKeys.PARAMETERS_SHOWN, shown);
    }
}
