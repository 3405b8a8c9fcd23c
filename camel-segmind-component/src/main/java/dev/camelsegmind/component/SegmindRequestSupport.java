package dev.camelsegmind.component;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.camelsegmind.component.SegmindRequest.InputMedia;
import dev.camelsegmind.component.engine.PayloadRules;
import dev.camelsegmind.component.store.JobKeys;
import dev.camelsegmind.component.support.Json;
import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.component.model.MediaTypes;
import dev.camelsegmind.component.model.ModelCatalog;
import dev.camelsegmind.component.model.ModelSlugs;
import dev.camelsegmind.component.model.ModelSpec;
import dev.camelsegmind.component.model.ParameterSpec;
import dev.camelsegmind.component.model.PayloadValidator;
import dev.camelsegmind.component.model.SafeText;
import dev.camelsegmind.component.model.SegmindMedia;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Builds a message's request. Precedence, from weakest to strongest: component options, endpoint options
 * ({@code parameters.*} under typed options), the body, header {@code CamelSegmindParameters}, typed headers. All
 * checks run here, before any HTTP call.
 */
final class SegmindRequestSupport {

    private static final int MAX_TEXT_BODY = 10 * 1024 * 1024;
    /** crun's inputs that have a header of their own, by header. */
    private static final Map<String, String> CRUN_HEADERS = Map.of(
            SegmindConstants.INPUT_IMAGES, "input_urls",
            SegmindConstants.ASPECT_RATIO, "aspect_ratio",
            SegmindConstants.IMAGE_COUNT, "n",
            SegmindConstants.IMAGE_SET, "enable_sequential",
            SegmindConstants.THINKING_MODE, "thinking_mode",
            SegmindConstants.COLOR_PALETTE, "color_palette",
            SegmindConstants.BOUNDING_BOXES, "bbox_list",
            SegmindConstants.NSFW_CHECKER, "nsfw_checker");

    private SegmindRequestSupport() {
    }

    static SegmindRequest resolve(Exchange exchange, SegmindEndpoint endpoint) {
        SegmindConfiguration config = endpoint.getConfiguration();
        Message in = exchange.getMessage();
        SegmindOperation operation = header(in, SegmindConstants.OPERATION, SegmindOperation.class,
                config.getOperation());
        String model = ModelSlugs.requireValid(header(in, SegmindConstants.MODEL, String.class, endpoint.getModel()));
        SegmindOutputType outputType = header(in, SegmindConstants.OUTPUT_TYPE, SegmindOutputType.class,
                config.getOutputType());

        if (operation == SegmindOperation.status || operation == SegmindOperation.await) {
            String requestId = requestIdOf(in);
            return new SegmindRequest(operation, model, Map.of(), null, requestId, outputType, null, null);
        }

        Map<String, Object> payload = new LinkedHashMap<>(endpoint.basePayload());
        InputMedia media = applyBody(exchange, in.getBody(), payload, model, config);
        Map<?, ?> headerMap = in.getHeader(SegmindConstants.PARAMETERS, Map.class);
        if (headerMap != null) {
            headerMap.forEach((k, v) -> payload.put(String.valueOf(k), v));
        }
        for (ParameterSpec p : ModelCatalog.typedParameters()) {
            Object value = in.getHeader(p.header());
            if (value != null) {
                payload.put(p.name(), value);
            }
        }
        CRUN_HEADERS.forEach((header, name) -> {
            Object value = in.getHeader(header);
            if (value != null) {
                payload.put(name, value);
            }
        });
        if (media != null) {
            if (headerMap != null && headerMap.containsKey(media.parameter())
                    || in.getHeader(ParameterSpec.headerFor(ParameterSpec.optionFor(media.parameter()))) != null) {
                media = null; // an explicit header beats media found in the body
            } else {
                // validate with the media in place: the same shape the call will carry
                payload.put(media.parameter(), media.dataUri());
            }
        }
        String timingClass = null;
        if (endpoint.getProvider() instanceof PayloadRules rules) {
            // its inputs are not the catalogue's, so the catalogue cannot say which of them time a job
            rules.check(model, payload);
        } else {
            PayloadValidator.validate(model, payload);
            timingClass = timingClass(model, payload);
        }

        String jobKey = null;
        // a sync call is billed like a submit, so it is claimed by the same key
        if ((operation == SegmindOperation.generate || operation == SegmindOperation.sync)
                && config.isRecordPendingJobs()) {
            jobKey = in.getHeader(SegmindConstants.JOB_KEY, String.class);
            if (jobKey == null && config.getJobKey() != null) {
                jobKey = exchange.getContext().resolveLanguage("simple").createExpression(config.getJobKey())
                        .evaluate(exchange, String.class);
            }
            if (jobKey == null) {
                jobKey = JobKeys.of(model, payload, messageIdentity(exchange));
            } else {
                jobKey = model + ":" + jobKey;
            }
        }
        return new SegmindRequest(operation, model, payload, media, null, outputType, jobKey, timingClass);
    }

    /**
     * The timing class of a validated Segmind payload, by the catalogue: for wan2.7-i2v its duration and resolution,
     * defaults filled in. Null for a model outside the catalogue, whose jobs are timed model-wide.
     */
    static String timingClass(String model, Map<String, Object> payload) {
        return ModelCatalog.find(model).map(spec -> spec.timingClass(payload)).orElse(null);
    }

    /**
     * What tells this message from any other, and stays the same when the same message is delivered again: the
     * broker's message id (JMS), the record's place in its log (Kafka), the file's path, time and length (file), and
     * otherwise the exchange, which Camel's own redeliveries keep. Parts of a split or a multicast add their index.
     */
    static String messageIdentity(Exchange exchange) {
        Message in = exchange.getMessage();
        StringBuilder id = new StringBuilder();
        Object jms = in.getHeader("JMSMessageID");
        Object topic = in.getHeader("kafka.TOPIC");
        Object file = in.getHeader(Exchange.FILE_PATH);
        if (jms != null) {
            id.append("jms:").append(jms);
        } else if (topic != null && in.getHeader("kafka.OFFSET") != null) {
            id.append("kafka:").append(topic).append('/').append(in.getHeader("kafka.PARTITION")).append('/')
                    .append(in.getHeader("kafka.OFFSET"));
        } else if (file != null) {
            id.append("file:").append(file).append('@').append(in.getHeader(Exchange.FILE_LAST_MODIFIED))
                    .append('#').append(in.getHeader(Exchange.FILE_LENGTH));
        } else {
            id.append("exchange:").append(exchange.getExchangeId());
        }
        for (String part : new String[] { Exchange.SPLIT_INDEX, Exchange.MULTICAST_INDEX, Exchange.LOOP_INDEX }) {
            Object index = exchange.getProperty(part);
            if (index != null) {
                id.append('|').append(part).append('=').append(index);
            }
        }
        return id.toString();
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String requestIdOf(Message in) {
        String id = in.getHeader(SegmindConstants.REQUEST_ID, String.class);
        if (id == null && in.getBody() instanceof String s && !s.isBlank()) {
            id = s.trim();
        }
        if (id == null || id.isBlank()) {
            throw new SegmindValidationException("A request id is required: set header CamelSegmindRequestId (or"
                    + " send it as the body)", "requestId", null);
        }
        if (!id.matches("[A-Za-z0-9._:-]{1,200}") || id.contains("..")) {
            throw new SegmindValidationException("Request id '" + SafeText.forMessage(id, 60) + "' is not valid: use"
                    + " the id Segmind returned (letters, digits, '-', '_', '.', ':') in header CamelSegmindRequestId",
                    "requestId", null);
        }
        return id;
    }

    private static InputMedia applyBody(Exchange exchange, Object body, Map<String, Object> payload, String model,
                                        SegmindConfiguration config) {
        if (body == null) {
            return null;
        }
        if (body instanceof Map<?, ?> map) {
            map.forEach((k, v) -> payload.put(String.valueOf(k), v));
            return null;
        }
        if (body instanceof String text) {
            applyText(text, payload, model);
            return null;
        }
        if (body instanceof Number || body instanceof Boolean || body instanceof Character) {
            throw new SegmindValidationException("A " + body.getClass().getSimpleName() + " body is not a request:"
                    + " send text (the prompt), JSON, a Map, a POJO or media", "body", model);
        }
        byte[] bytes = null;
        String fileName = null;
        if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof WrappedFile<?> wf && wf.getFile() instanceof File f) {
            fileName = f.getName();
            bytes = readFile(f.toPath(), config, model);
        } else if (body instanceof File f) {
            fileName = f.getName();
            bytes = readFile(f.toPath(), config, model);
        } else if (body instanceof Path p) {
            fileName = p.getFileName() != null ? p.getFileName().toString() : null;
            bytes = readFile(p, config, model);
        } else if (body instanceof SegmindMedia m) {
            fileName = m.getFileName();
            checkSize(m.getSize(), config, model);
            bytes = m.toBytes();
        } else if (body instanceof InputStream is) {
            bytes = readStream(is, config, model);
        }
        if (bytes == null) {
            // any other object is a POJO request
            payload.putAll(Json.toMap(body));
            return null;
        }
        checkSize(bytes.length, config, model);
        String type = MediaTypes.sniff(bytes);
        if (type == null && fileName != null) {
            String byName = MediaTypes.fromFileName(fileName);
            if (byName != null && sniffable(byName)) {
                throw new SegmindValidationException("The body " + SafeText.forMessage(fileName, 60) + " is named like "
                        + byName + " but its content is not: send a real " + MediaTypes.extensionFor(byName)
                        + " file", "body", model);
            }
            type = byName;
        }
        if (type != null) {
            return new InputMedia(inputParameter(type, model, config), type, bytes);
        }
        String text = utf8(bytes);
        if (text == null) {
            throw new SegmindValidationException("The body" + (fileName != null ? " (" + SafeText.forMessage(fileName,
                    60) + ")" : "") + " is neither media the component recognises (PNG, JPEG, WEBP, GIF, MP4, MOV,"
                    + " WEBM, WAV, MP3, OGG, FLAC) nor UTF-8 text", "body", model);
        }
        applyText(text, payload, model);
        return null;
    }

    /** Formats with magic bytes must show them: a '.png' that is not a PNG is not trusted by its name. */
    private static boolean sniffable(String type) {
        return MediaTypes.isImage(type) || MediaTypes.isVideo(type) || MediaTypes.isAudio(type);
    }

    private static void applyText(String text, Map<String, Object> payload, String model) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return;
        }
        if (trimmed.startsWith("{")) {
            try {
                payload.putAll(Json.parseObject(trimmed));
                return;
            } catch (IOException e) {
                throw new SegmindValidationException("The body looks like JSON but does not parse: "
                        + SafeText.forMessage(e.getMessage(), 120), "body", model);
            }
        }
        payload.put("prompt", trimmed);
    }

    private static String inputParameter(String type, String model, SegmindConfiguration config) {
        if (config.getInputParameter() != null) {
            return config.getInputParameter();
        }
        Optional<ModelSpec> spec = ModelCatalog.find(model);
        String param;
        if (MediaTypes.isAudio(type)) {
            param = spec.map(ModelSpec::audioInputParameter).orElse(null);
        } else if (MediaTypes.isVideo(type)) {
            param = spec.map(ModelSpec::videoInputParameter).orElse(null);
        } else {
            param = spec.isPresent() ? spec.get().imageInputParameter() : "image";
        }
        if (param == null) {
            throw new SegmindValidationException("Model " + model + " takes no " + type + " input from the body: set"
                    + " option inputParameter to the parameter it belongs to", "inputParameter", model);
        }
        return param;
    }

    private static byte[] readFile(Path file, SegmindConfiguration config, String model) {
        try {
            checkSize(Files.size(file), config, model);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SegmindValidationException("Cannot read the body file " + SafeText.forMessage(file, 120) + ": "
                    + e.getMessage(), "body", model);
        }
    }

    private static byte[] readStream(InputStream in, SegmindConfiguration config, String model) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.getMaxInputSize() + 1));
            checkSize(bytes.length, config, model);
            return bytes;
        } catch (IOException e) {
            throw new SegmindValidationException("Cannot read the body stream: " + e.getMessage(), "body", model);
        }
    }

    private static void checkSize(long size, SegmindConfiguration config, String model) {
        if (size > config.getMaxInputSize()) {
            throw new SegmindValidationException("The input media is " + size + " bytes, more than maxInputSize ("
                    + config.getMaxInputSize() + " bytes): send a smaller file, a URL in the parameter, or raise"
                    + " option maxInputSize", "maxInputSize", model);
        }
    }

    private static String utf8(byte[] bytes) {
        if (bytes.length > MAX_TEXT_BODY) {
            return null;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            // NUL and other C0 controls (but tab and newlines) do not occur in prompts: this is binary
            return s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t') ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static <T> T header(Message in, String name, Class<T> type, T fallback) {
        T value = in.getHeader(name, type);
        return value != null ? value : fallback;
    }

    /** What the options put in every payload: {@code parameters.*}, then the typed options that are set. */
    static Map<String, Object> basePayload(SegmindConfiguration config) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (config.getParameters() != null) {
            payload.putAll(config.getParameters());
        }
        typedOptions(config).forEach((name, value) -> {
            if (value != null) {
                payload.put(name, value);
            }
        });
        return java.util.Collections.unmodifiableMap(payload);
    }

    static Map<String, Object> typedOptions(SegmindConfiguration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt", c.getPrompt());
        m.put("negative_prompt", c.getNegativePrompt());
        m.put("image", c.getImage());
        m.put("seed", c.getSeed());
        m.put("size", c.getSize());
        m.put("watermark", c.getWatermark());
        m.put("resolution", c.getResolution());
        m.put("duration", c.getDuration());
        m.put("last_frame", c.getLastFrame());
        m.put("audio_url", c.getAudioUrl());
        m.put("reference_images", c.getReferenceImages());
        m.put("reference_videos", c.getReferenceVideos());
        m.put("reference_voice", c.getReferenceVoice());
        m.put("video_length", c.getVideoLength());
        m.put("steps", c.getSteps());
        m.put("base64", c.getBase64());
        // crun's inputs, under the reference's names (provider=crun sends them under option crunFieldNames)
        m.put("input_urls", c.getInputImages());
        m.put("aspect_ratio", c.getAspectRatio());
        m.put("n", c.getImageCount());
        m.put("enable_sequential", c.getImageSet());
        m.put("thinking_mode", c.getThinkingMode());
        m.put("color_palette", c.getColorPalette());
        m.put("bbox_list", c.getBoundingBoxes());
        m.put("nsfw_checker", c.getNsfwChecker());
        return m;
    }
}
