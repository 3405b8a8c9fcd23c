package dev.camelsegmind.component.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelsegmind.component.error.SegmindValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadValidatorTest {

    private static final String BARE_BASE64 = Base64.getEncoder().encodeToString(new byte[120]);

    /** The model's example payload with one parameter set (or removed, for a null value). */
    private static Map<String, Object> exampleWith(String model, String name, Object value) {
        Map<String, Object> payload = ModelCatalog.find(model).orElseThrow().example();
        if (value == null) {
            payload.remove(name);
        } else {
            payload.put(name, value);
        }
        return payload;
    }

    private static void assertAccepted(String model, String name, Object value) {
        assertThatCode(() -> PayloadValidator.validate(model, exampleWith(model, name, value)))
                .as("%s %s=%s", model, name, value)
                .doesNotThrowAnyException();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String model, String name,
                                                                                  Object value) {
        String option = ParameterSpec.optionFor(name);
        return assertThatThrownBy(() -> PayloadValidator.validate(model, exampleWith(model, name, value)))
                .as("%s %s=%s", model, name, value)
                .isInstanceOf(SegmindValidationException.class)
                .satisfies(e -> {
                    SegmindValidationException ve = (SegmindValidationException) e;
                    assertThat(ve.getOption()).isEqualTo(option);
                    assertThat(ve.getModel()).isEqualTo(model);
                    assertThat(ve.getHttpStatus()).isZero();
                })
                .hasMessageContaining("option " + option)
                .hasMessageContaining("header " + ParameterSpec.headerFor(option));
    }

    // --- examples and pass-through ---

    @Test
    void everySeedModelsExamplePasses() {
        assertThat(ModelCatalog.all()).hasSize(4);
        for (ModelSpec spec : ModelCatalog.all()) {
            assertThatCode(() -> PayloadValidator.validate(spec.slug(), spec.example()))
                    .as(spec.slug()).doesNotThrowAnyException();
        }
    }

    @Test
    void otherModelsPassThroughUntouched() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("resolution", "4K");
        payload.put("duration", 999);
        payload.put("image", "file:/etc/passwd");
        Map<String, Object> before = new LinkedHashMap<>(payload);
        assertThatCode(() -> PayloadValidator.validate("flux-schnell", payload)).doesNotThrowAnyException();
        assertThatCode(() -> PayloadValidator.validate("flux-schnell", null)).doesNotThrowAnyException();
        assertThat(payload).containsExactlyEntriesOf(before);
    }

    @Test
    void validationDoesNotChangeThePayload() {
        Map<String, Object> payload = exampleWith("wan2.7-i2v", "duration", "7");
        Map<String, Object> before = new LinkedHashMap<>(payload);
        PayloadValidator.validate("wan2.7-i2v", payload);
        assertThat(payload).containsExactlyEntriesOf(before);
    }

    @Test
    void unknownParametersOfSeedModelsAreForwarded() {
        assertAccepted("wan2.7-i2v", "enable_prompt_expansion", true);
        assertAccepted("wan2.7-image-pro", "thinking_mode", "whatever");
    }

    @Test
    void nullOptionalValuesMeanTheDefault() {
        Map<String, Object> payload = new HashMap<>(Map.of("prompt", "a cat"));
        payload.put("seed", null);
        payload.put("audio_url", null);
        assertThatCode(() -> PayloadValidator.validate("wan2.7-i2v", payload)).doesNotThrowAnyException();
    }

    // --- required ---

    static Stream<Arguments> requiredParameters() {
        return Stream.of(
                Arguments.of("wan2.7-image-pro", "prompt"),
                Arguments.of("wan2.7-i2v", "prompt"),
                Arguments.of("wan2.7-r2v", "prompt"),
                Arguments.of("wan2.1-i2v-720p", "prompt"),
                Arguments.of("wan2.1-i2v-720p", "image"));
    }

    @ParameterizedTest
    @MethodSource("requiredParameters")
    void missingRequiredParameterIsRejected(String model, String name) {
        assertRejected(model, name, null).hasMessageStartingWith(name + " is required for " + model);
    }

    @ParameterizedTest
    @MethodSource("requiredParameters")
    void blankRequiredParameterIsRejected(String model, String name) {
        assertRejected(model, name, "").hasMessageContaining("is required");
        assertRejected(model, name, " \r\n\t ").hasMessageContaining("is required");
    }

    @Test
    void nullPayloadMissesThePrompt() {
        assertThatThrownBy(() -> PayloadValidator.validate("wan2.7-image-pro", null))
                .isInstanceOf(SegmindValidationException.class)
                .hasMessageStartingWith("prompt is required");
    }

    @Test
    void missingPromptMessageNamesOptionHeaderAndBody() {
        assertRejected("wan2.7-i2v", "prompt", null)
                .hasMessage("prompt is required for wan2.7-i2v"
                        + " (option prompt, header CamelSegmindPrompt, or a text body)");
    }

    @Test
    void missingImageMessageNamesOptionHeaderAndBody() {
        assertRejected("wan2.1-i2v-720p", "image", null)
                .hasMessage("image is required for wan2.1-i2v-720p (option image, header CamelSegmindImage,"
                        + " or an image body)");
    }

    @Test
    void optionalDefaultsOfWan21MayBeLeftOut() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("prompt", "a podcast host talking");
        payload.put("image", "https://example.com/host.png");
        assertThatCode(() -> PayloadValidator.validate("wan2.1-i2v-720p", payload)).doesNotThrowAnyException();
    }

    // --- enums ---

    @ParameterizedTest
    @CsvSource({
            "wan2.7-image-pro, size, 1K",
            "wan2.7-image-pro, size, 2K",
            "wan2.7-image-pro, size, 4K",
            "wan2.7-i2v, resolution, 720P",
            "wan2.7-i2v, resolution, 1080P",
            "wan2.7-r2v, resolution, 720P",
            "wan2.7-r2v, resolution, 1080P",
            "wan2.1-i2v-720p, resolution, 720",
            "wan2.1-i2v-720p, resolution, 960",
            "wan2.1-i2v-720p, resolution, 1024"})
    void everyAllowedValueIsAccepted(String model, String name, String value) {
        assertAccepted(model, name, value);
    }

    @ParameterizedTest
    @CsvSource({
            "wan2.7-image-pro, size, 3K",
            "wan2.7-image-pro, size, 8K",
            "wan2.7-image-pro, size, 2k",
            "wan2.7-image-pro, size, 1080P",
            "wan2.7-i2v, resolution, 480P",
            "wan2.7-i2v, resolution, 1440P",
            "wan2.7-i2v, resolution, 720p",
            "wan2.7-i2v, resolution, 4K",
            "wan2.7-r2v, resolution, 480P",
            "wan2.7-r2v, resolution, 2160P",
            "wan2.1-i2v-720p, resolution, 719",
            "wan2.1-i2v-720p, resolution, 721",
            "wan2.1-i2v-720p, resolution, 1080",
            "wan2.1-i2v-720p, resolution, 512"})
    void aNeighbouringValueIsRejected(String model, String name, String value) {
        assertRejected(model, name, value).hasMessageContaining("is not valid for " + model);
    }

    @Test
    void emptyEnumValueIsRejected() {
        assertRejected("wan2.7-image-pro", "size", "").hasMessageContaining("use 1K, 2K or 4K");
    }

    @Test
    void integerEnumAcceptsTheNumberAndItsText() {
        for (int ok : new int[] {720, 960, 1024}) {
            assertAccepted("wan2.1-i2v-720p", "resolution", ok);
            assertAccepted("wan2.1-i2v-720p", "resolution", (long) ok);
        }
        assertRejected("wan2.1-i2v-720p", "resolution", 1080)
                .hasMessage("resolution 1080 is not valid for wan2.1-i2v-720p: use 720, 960 or 1024"
                        + " (option resolution or header CamelSegmindResolution)");
        assertRejected("wan2.1-i2v-720p", "resolution", "720P").hasMessageContaining("not a whole number");
    }

    @Test
    void enumMessageNamesValueAllowedValuesOptionAndHeader() {
        assertRejected("wan2.7-i2v", "resolution", "4K")
                .hasMessage("resolution '4K' is not valid for wan2.7-i2v: use 720P or 1080P"
                        + " (option resolution or header CamelSegmindResolution)");
    }

    // --- ranges ---

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("wan2.7-image-pro", "seed", 0L, 2147483647L),
                Arguments.of("wan2.7-i2v", "duration", 2L, 15L),
                Arguments.of("wan2.7-i2v", "seed", 0L, 2147483647L),
                Arguments.of("wan2.7-r2v", "duration", 2L, 15L),
                Arguments.of("wan2.7-r2v", "seed", 0L, 2147483647L),
                Arguments.of("wan2.1-i2v-720p", "video_length", 1L, 5L),
                Arguments.of("wan2.1-i2v-720p", "steps", 10L, 70L),
                Arguments.of("wan2.1-i2v-720p", "seed", 0L, 2147483647L));
    }

    @ParameterizedTest
    @MethodSource("ranges")
    void rangeEdgesAreAccepted(String model, String name, long min, long max) {
        assertAccepted(model, name, min);
        assertAccepted(model, name, max);
        assertAccepted(model, name, Long.toString(min));
        assertAccepted(model, name, Long.toString(max));
        if (max <= Integer.MAX_VALUE) {
            assertAccepted(model, name, (int) max);
        }
    }

    @ParameterizedTest
    @MethodSource("ranges")
    void justOutsideTheRangeIsRejected(String model, String name, long min, long max) {
        String rule = "is out of range for " + model + ": use " + min + " to " + max;
        assertRejected(model, name, min - 1).hasMessageContaining(rule);
        assertRejected(model, name, max + 1).hasMessageContaining(rule);
        assertRejected(model, name, Long.toString(min - 1)).hasMessageContaining(rule);
        assertRejected(model, name, Long.toString(max + 1)).hasMessageContaining(rule);
    }

    @Test
    void rangeMessageNamesValueRangeOptionAndHeader() {
        assertRejected("wan2.7-i2v", "duration", 20)
                .hasMessage("duration 20 is out of range for wan2.7-i2v: use 2 to 15"
                        + " (option duration or header CamelSegmindDuration)");
        assertRejected("wan2.1-i2v-720p", "video_length", 9)
                .hasMessage("video_length 9 is out of range for wan2.1-i2v-720p: use 1 to 5"
                        + " (option videoLength or header CamelSegmindVideoLength)");
    }

    @Test
    void hugeNumbersAreOutOfRangeNotCrashes() {
        assertRejected("wan2.7-i2v", "seed", "9".repeat(5000)).hasMessageContaining("out of range");
        assertRejected("wan2.7-i2v", "seed", "-" + "9".repeat(50)).hasMessageContaining("out of range");
        assertRejected("wan2.7-i2v", "seed", new BigInteger("99999999999999999999"))
                .hasMessageContaining("out of range");
        assertRejected("wan2.7-i2v", "seed", Long.MIN_VALUE).hasMessageContaining("out of range");
    }

    // --- types ---

    @ParameterizedTest
    @ValueSource(strings = {"five", "1.5", "5.0", " 5", "5 ", "0x05", "", "+-5", "5e0"})
    void nonNumericTextIsRejectedForIntegers(String value) {
        assertRejected("wan2.7-i2v", "duration", value)
                .hasMessageContaining("is not a whole number for wan2.7-i2v: use 2 to 15");
    }

    @Test
    void fractionsAndOtherTypesAreRejectedForIntegers() {
        assertRejected("wan2.7-i2v", "duration", 1.5).hasMessageStartingWith("duration 1.5 is not a whole number");
        assertRejected("wan2.7-i2v", "duration", 5.5f).hasMessageContaining("not a whole number");
        assertRejected("wan2.7-i2v", "duration", new BigDecimal("5.01")).hasMessageContaining("not a whole number");
        assertRejected("wan2.7-i2v", "duration", Double.NaN).hasMessageContaining("not a whole number");
        assertRejected("wan2.7-i2v", "duration", Double.POSITIVE_INFINITY).hasMessageContaining("not a whole number");
        assertRejected("wan2.7-i2v", "duration", true).hasMessageContaining("not a whole number");
        assertRejected("wan2.7-i2v", "duration", List.of(5)).hasMessageContaining("not a whole number");
    }

    @Test
    void wholeNumbersInAnyNumericTypeAreAccepted() {
        assertAccepted("wan2.7-i2v", "duration", 5);
        assertAccepted("wan2.7-i2v", "duration", 5L);
        assertAccepted("wan2.7-i2v", "duration", (short) 5);
        assertAccepted("wan2.7-i2v", "duration", (byte) 5);
        assertAccepted("wan2.7-i2v", "duration", BigInteger.valueOf(5));
        assertAccepted("wan2.7-i2v", "duration", new BigDecimal("5.00"));
        assertAccepted("wan2.7-i2v", "duration", 5.0d);
        assertAccepted("wan2.7-i2v", "duration", "5");
        assertRejected("wan2.7-i2v", "duration", 16.0d).hasMessageContaining("out of range");
    }

    @Test
    void booleansAcceptBooleanOrItsText() {
        for (Object ok : new Object[] {true, false, Boolean.TRUE, "true", "false", "TRUE", "False"}) {
            assertAccepted("wan2.7-image-pro", "watermark", ok);
            assertAccepted("wan2.1-i2v-720p", "base64", ok);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "", "truee", " true"})
    void otherTextIsRejectedForBooleans(String value) {
        assertRejected("wan2.7-image-pro", "watermark", value)
                .hasMessageContaining("is not a boolean for wan2.7-image-pro: use true or false");
        assertRejected("wan2.1-i2v-720p", "base64", value).hasMessageContaining("is not a boolean");
    }

    @Test
    void numbersAreRejectedForBooleans() {
        assertRejected("wan2.7-image-pro", "watermark", 1)
                .hasMessage("watermark 1 is not a boolean for wan2.7-image-pro: use true or false"
                        + " (option watermark or header CamelSegmindWatermark)");
    }

    @Test
    void nonTextIsRejectedForStrings() {
        assertRejected("wan2.7-i2v", "prompt", 42).hasMessageStartingWith("prompt 42 is not text");
        assertRejected("wan2.7-i2v", "negative_prompt", List.of("blur")).hasMessageContaining("is not text");
        assertRejected("wan2.7-image-pro", "size", 2).hasMessageContaining("is not text");
    }

    @Test
    void stringBuilderCountsAsText() {
        assertAccepted("wan2.7-i2v", "prompt", new StringBuilder("a cat"));
    }

    // --- prompts ---

    @Test
    void promptsMayHoldLineBreaks() {
        assertAccepted("wan2.7-i2v", "prompt", "line one\r\nline two\nline three\ttabbed");
        assertAccepted("wan2.7-i2v", "negative_prompt", "blur\nnoise");
        assertAccepted("wan2.7-i2v", "negative_prompt", "");
    }

    @Test
    void promptAtTheLimitPassesOneMoreIsRejected() {
        assertAccepted("wan2.7-i2v", "prompt", "p".repeat(100_000));
        assertRejected("wan2.7-i2v", "prompt", "p".repeat(100_001))
                .hasMessageContaining("is too long (100001 characters) for wan2.7-i2v: use at most 100000 characters");
    }

    @Test
    void tenMegabytePromptIsRejectedWithoutEchoingIt() {
        String huge = "a".repeat(10 * 1024 * 1024);
        assertRejected("wan2.7-image-pro", "prompt", huge)
                .hasMessageContaining("use at most 100000 characters")
                .hasMessageContaining("(option prompt or header CamelSegmindPrompt)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void negativePromptHasTheSameLimit() {
        assertRejected("wan2.1-i2v-720p", "negative_prompt", "n".repeat(100_001))
                .hasMessageContaining("use at most 100000 characters")
                .hasMessageContaining("option negativePrompt or header CamelSegmindNegativePrompt");
    }

    // --- input URIs ---

    @ParameterizedTest
    @ValueSource(strings = {
            "https://example.com/a.png",
            "http://example.com/a.png?sig=abc&x=1#frag",
            "HTTPS://EXAMPLE.COM/A.PNG",
            "https://example.com",
            "https://user@example.com:8443/a.png",
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                    + "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
            "data:audio/mpeg;base64,SUQzBAAAAAAA",
            "data:image/png;name=cat.png;base64,iVBORw0KGgo=",
            "DATA:IMAGE/JPEG;BASE64,/9j/4AAQ"})
    void urlsAndDataUrisAreAccepted(String value) {
        assertAccepted("wan2.7-i2v", "image", value);
        assertAccepted("wan2.7-i2v", "last_frame", value);
        assertAccepted("wan2.7-i2v", "audio_url", value);
        assertAccepted("wan2.7-r2v", "reference_voice", value);
    }

    @Test
    void bareBase64IsAccepted() {
        assertAccepted("wan2.1-i2v-720p", "image", BARE_BASE64);
        assertAccepted("wan2.1-i2v-720p", "image", "/9j/" + "A".repeat(100));
        assertAccepted("wan2.1-i2v-720p", "image",
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {-1, -2, -3}).repeat(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "file:/etc/passwd",
            "file:///etc/passwd",
            "ftp://example.com/a.png",
            "javascript:alert(1)",
            "s3://bucket/a.png",
            "images/cat.png",
            "../secret/key.png",
            "/etc/passwd",
            "C:\\images\\cat.png",
            "cat.png",
            "https://example.com/a.png\r\nX-Injected: 1",
            "https://example.com/a.png\n",
            "https://example.com/a b.png",
            " https://example.com/a.png",
            "https://",
            "https:///a.png",
            "http:/example.com/a.png",
            "data:image/png;base64,",
            "data:image/png,rawbytes",
            "data:;base64,iVBORw0KGgo=",
            "data:image/png;base64,iVBOR w0KGgo=",
            "data:image/png;base64,not*base64",
            "shortbase64ABC=",
            ""})
    void otherInputsAreRejected(String value) {
        assertRejected("wan2.7-i2v", "image", value)
                .hasMessageContaining("is not a usable input for wan2.7-i2v: use an http(s) URL");
        assertRejected("wan2.7-r2v", "reference_voice", value).hasMessageContaining("is not a usable input");
    }

    @Test
    void base64WithLineBreaksIsRejected() {
        String wrapped = Base64.getMimeEncoder().encodeToString(new byte[200]);
        assertThat(wrapped).contains("\r\n");
        assertRejected("wan2.1-i2v-720p", "image", wrapped).hasMessageContaining("without line breaks");
    }

    @Test
    void inputMessageEscapesTheValue() {
        assertRejected("wan2.7-i2v", "image", "https://x.com/a\r\nINFO forged")
                .hasMessageStartingWith("image 'https://x.com/a\\r\\nINFO forged' is not a usable input")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    }

    @Test
    void nonTextInputsAreRejected() {
        assertRejected("wan2.7-i2v", "image", new byte[] {1, 2, 3}).hasMessageContaining("is not a usable input");
        assertRejected("wan2.7-i2v", "image", 42).hasMessageContaining("is not a usable input");
    }

    @Test
    void referenceImagesAndVideosTakeAListToo() {
        List<String> ok = List.of("https://example.com/1.png", "data:image/png;base64,iVBORw0KGgo=", BARE_BASE64);
        assertAccepted("wan2.7-r2v", "reference_images", ok);
        assertAccepted("wan2.7-r2v", "reference_videos", List.of("https://example.com/1.mp4"));
        assertAccepted("wan2.7-r2v", "reference_videos", "https://example.com/1.mp4");
    }

    @Test
    void listsAreCheckedElementByElement() {
        List<String> bad = new ArrayList<>(List.of("https://example.com/1.png", "file:/etc/passwd"));
        assertRejected("wan2.7-r2v", "reference_images", bad)
                .hasMessage("reference_images 'file:/etc/passwd' is not a usable input for wan2.7-r2v: use an http(s)"
                        + " URL, a data:<mime>;base64, URI or base64 data without line breaks, or a list of them"
                        + " (option referenceImages or header CamelSegmindReferenceImages)");
        List<Object> notText = new ArrayList<>();
        notText.add("https://example.com/1.png");
        notText.add(7);
        assertRejected("wan2.7-r2v", "reference_videos", notText).hasMessageContaining("7 is not a usable input");
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertRejected("wan2.7-r2v", "reference_videos", withNull).hasMessageContaining("is not a usable input");
        assertRejected("wan2.7-r2v", "reference_images", List.of()).hasMessageContaining("is empty");
    }

    @Test
    void singleInputParametersDoNotTakeLists() {
        assertRejected("wan2.7-i2v", "image", List.of("https://example.com/1.png"))
                .hasMessageContaining("is not a usable input");
        assertRejected("wan2.7-r2v", "reference_voice", List.of("https://example.com/v.mp3"))
                .hasMessageContaining("is not a usable input");
    }

    // --- message shape and determinism ---

    @Test
    void longValuesAreCutTo60CharactersInTheMessage() {
        String value = "Z".repeat(200);
        assertRejected("wan2.7-i2v", "resolution", value)
                .hasMessageContaining("'" + "Z".repeat(60) + "…'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Z".repeat(61)));
    }

    @Test
    void theFirstProblemInPageOrderIsReportedWhateverTheMapOrder() {
        Map<String, Object> forward = new LinkedHashMap<>();
        forward.put("prompt", "a lake");
        forward.put("duration", 20);
        forward.put("resolution", "4K");
        Map<String, Object> backward = new LinkedHashMap<>();
        backward.put("resolution", "4K");
        backward.put("duration", 20);
        backward.put("prompt", "a lake");
        for (Map<String, Object> payload : List.of(forward, backward)) {
            assertThatThrownBy(() -> PayloadValidator.validate("wan2.7-i2v", payload))
                    .isInstanceOfSatisfying(SegmindValidationException.class,
                            e -> assertThat(e.getOption()).isEqualTo("duration"));
        }
        Map<String, Object> noPrompt = new LinkedHashMap<>(forward);
        noPrompt.remove("prompt");
        assertThatThrownBy(() -> PayloadValidator.validate("wan2.7-i2v", noPrompt))
                .isInstanceOfSatisfying(SegmindValidationException.class,
                        e -> assertThat(e.getOption()).isEqualTo("prompt"));
    }

    @Test
    void optionIsTheCamelCaseName() {
        assertRejected("wan2.7-i2v", "last_frame", "file:/x")
                .isInstanceOfSatisfying(SegmindValidationException.class,
                        e -> assertThat(e.getOption()).isEqualTo("lastFrame"))
                .hasMessageContaining("(option lastFrame or header CamelSegmindLastFrame)");
        assertRejected("wan2.7-i2v", "audio_url", "file:/x")
                .hasMessageContaining("(option audioUrl or header CamelSegmindAudioUrl)");
    }
}
