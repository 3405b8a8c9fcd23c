package dev.camelsegmind.component.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the component knows about one Segmind model from its documentation page: its parameters, how long it
 * usually runs, where inputs taken from the message body go, and the page's example payload.
 */
public final class ModelSpec {

    // Segmind's published client guidance: images poll every second with a 10 minute deadline, video every two
    // seconds with 15 minutes, because video jobs routinely run for several minutes.
    private static final Duration IMAGE_POLL = Duration.ofSeconds(1);
    private static final Duration VIDEO_POLL = Duration.ofSeconds(2);
    private static final Duration IMAGE_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration VIDEO_TIMEOUT = Duration.ofSeconds(900);
    /** Text that reads as a number in a timing class: compiled once, as every job's class is named with it. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String slug;
    private final MediaKind kind;
    private final Duration typicalDuration;
    private final List<ParameterSpec> parameters;
    private final String imageInputParameter;
    private final String audioInputParameter;
    private final String videoInputParameter;
    private final Map<String, Object> example;
    private final Map<String, Object> timingParameters;

    /** A model whose page names no parameter that drives its render time. */
    public ModelSpec(String slug, MediaKind kind, Duration typicalDuration, List<ParameterSpec> parameters,
                     String imageInputParameter, String audioInputParameter, String videoInputParameter,
                     Map<String, Object> example) {
        this(slug, kind, typicalDuration, parameters, imageInputParameter, audioInputParameter, videoInputParameter,
                example, Map.of());
    }

    /**
     * @param imageInputParameter the parameter an image from the message body fills, or null
     * @param audioInputParameter the parameter an audio file from the message body fills, or null
     * @param videoInputParameter the parameter a video from the message body fills, or null
     * @param example             the example payload of the model's page, in the page's order
     * @param timingParameters    the parameters that drive the model's render time (a video's length and
     *                            resolution), each with the page's default, which applies when a request leaves it
     *                            out; see {@link #timingClass(Map)}
     */
    public ModelSpec(String slug, MediaKind kind, Duration typicalDuration, List<ParameterSpec> parameters,
                     String imageInputParameter, String audioInputParameter, String videoInputParameter,
                     Map<String, Object> example, Map<String, Object> timingParameters) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.typicalDuration = Objects.requireNonNull(typicalDuration, "typicalDuration");
        this.parameters = List.copyOf(parameters);
        this.imageInputParameter = checkDeclared(imageInputParameter);
        this.audioInputParameter = checkDeclared(audioInputParameter);
        this.videoInputParameter = checkDeclared(videoInputParameter);
        this.example = Collections.unmodifiableMap(new LinkedHashMap<>(example));
        timingParameters.keySet().forEach(this::checkDeclared);
        this.timingParameters = Collections.unmodifiableMap(new LinkedHashMap<>(timingParameters));
    }

    private String checkDeclared(String name) {
        if (name != null && parameter(name).isEmpty()) {
            throw new IllegalArgumentException(slug + " has no parameter " + name);
        }
        return name;
    }

    public String slug() {
        return slug;
    }

    public MediaKind kind() {
        return kind;
    }

    /** The compute time the model's page quotes; a hint for logging and progress, not a deadline. */
    public Duration typicalDuration() {
        return typicalDuration;
    }

    public Duration recommendedPollInterval() {
        return kind == MediaKind.VIDEO ? VIDEO_POLL : IMAGE_POLL;
    }

    public Duration recommendedTimeout() {
        return kind == MediaKind.VIDEO ? VIDEO_TIMEOUT : IMAGE_TIMEOUT;
    }

    /** The documented parameters in the page's order, which is also the order they are validated in. */
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ParameterSpec> parameterByOption(String option) {
        return parameters.stream().filter(p -> p.option().equals(option)).findFirst();
    }

    /** The API name an image from the message body is sent as, or null when the model takes no image. */
    public String imageInputParameter() {
        return imageInputParameter;
    }

    /** The API name an audio file from the message body is sent as, or null when the model takes no audio. */
    public String audioInputParameter() {
        return audioInputParameter;
    }

    /** The API name a video from the message body is sent as, or null when the model takes no video. */
    public String videoInputParameter() {
        return videoInputParameter;
    }

    /** A fresh, modifiable copy of the page's example payload, so callers may change it without harm. */
    public Map<String, Object> example() {
        return new LinkedHashMap<>(example);
    }

    /** The parameters that drive the model's render time, in the order a timing class names them, with defaults. */
    public Map<String, Object> timingParameters() {
        return timingParameters;
    }

    /**
     * The timing class of a request: the values of the parameters that drive render time, as in
     * {@code duration=5,resolution=720P}, so that jobs likely to take alike are timed together. A parameter left out
     * counts as its page default, and numbers are compared as numbers ("5" and 5 alike), so the same request always
     * gives the same class however it was written. Null when the model declares no such parameter.
     *
     * @param payload a payload that passed {@link PayloadValidator#validate}
     */
    public String timingClass(Map<String, Object> payload) {
        if (timingParameters.isEmpty()) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        timingParameters.forEach((parameter, fallback) -> {
            Object value = payload == null ? null : payload.get(parameter);
            if (name.length() > 0) {
                name.append(',');
            }
            name.append(parameter).append('=').append(canonical(value != null ? value : fallback));
        });
        return name.toString();
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().trim();
        if (value instanceof Number || value instanceof CharSequence && NUMBER.matcher(text).matches()) {
            try {
                return new BigDecimal(text).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    @Override
    public String toString() {
        return "ModelSpec[" + slug + ", " + kind + "]";
    }
}
