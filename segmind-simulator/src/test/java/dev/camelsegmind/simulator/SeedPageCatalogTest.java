package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator's catalogue, checked against the seed model pages it claims to follow: for every
 * parameter the type, required flag, default, allowed values and range the page states, and the
 * typical compute time as the render time (all read by {@link SeedPage}, never copied here), so
 * the catalogue cannot drift from the pages.
 */
class SeedPageCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ModelParameter.Type> TYPES = Map.of(
            "string", ModelParameter.Type.STRING,
            "string (uri)", ModelParameter.Type.URI,
            "integer", ModelParameter.Type.INTEGER,
            "number", ModelParameter.Type.NUMBER,
            "boolean", ModelParameter.Type.BOOLEAN);

    /** The slugs of the pages kept under {@code reference/}: {@code segmind-<slug>.txt}. */
    static List<String> pages() {
        try {
            File dir = new File(SeedPageCatalogTest.class.getResource("/reference/").toURI());
            return Arrays.stream(Objects.requireNonNull(dir.list()))
                    .filter(name -> name.startsWith("segmind-") && name.endsWith(".txt"))
                    .map(name -> name.substring("segmind-".length(), name.length() - ".txt".length()))
                    .sorted().toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCatalogueHoldsAModelForEveryPageAndNoOtherSeed() {
        ModelCatalog catalog = new ModelCatalog(false, 0, List.of());

        assertThat(catalog.all()).extracting(ModelProfile::slug).containsExactlyElementsOf(pages());
        assertThat(pages()).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyParameterIsAsThePageStatesIt(String slug) {
        SeedPage page = SeedPage.read(slug);
        ModelProfile profile = new ModelCatalog(false, 0, List.of()).find(slug).orElseThrow();

        assertThat(page.parameters).as("the page was read").isNotEmpty();
        assertThat(differences(page, profile.parameters())).as(slug + ": catalogue against page").isEmpty();
        if (page.computeTime != null) {
            assertThat(profile.renderTime()).as("the page's typical compute time").isEqualTo(page.computeTime);
        }
    }

    @Test
    void aDriftIsCaught() {
        SeedPage page = SeedPage.read("wan2.7-i2v");
        ModelProfile drifted = new ModelCatalog(false, 0, List.of()).profile("wan2.7-i2v")
                .parameter(ModelParameter.integer("duration").range(2, 10).defaultValue(5))
                .parameter(ModelParameter.string("resolution").oneOf("720P").defaultValue("720P"))
                .parameter(ModelParameter.integer("seed").range(0, 99).required());

        assertThat(differences(page, drifted.parameters())).containsExactly(
                "parameters: page [prompt, audio_url, duration, image, last_frame, negative_prompt, resolution, seed], "
                        + "catalogue [prompt, audio_url, image, last_frame, negative_prompt, duration, resolution, seed]",
                "duration: range page 2..15, catalogue 2..10",
                "resolution: allowed page [\"720P\",\"1080P\"], catalogue [\"720P\"]",
                "seed: required page false, catalogue true",
                "seed: range page null, catalogue 0..99");
    }

    @Test
    void theReaderReadsBothLayouts() {
        SeedPage lines = SeedPage.read("wan2.1-i2v-720p");
        SeedPage run = SeedPage.read("wan2.7-r2v");

        SeedPage.Parameter resolution = lines.parameter("resolution").orElseThrow();
        assertThat(resolution.required()).isTrue();
        assertThat(resolution.allowed()).extracting(JsonNode::asLong).containsExactly(720L, 960L, 1024L);
        assertThat(lines.parameter("video_length").orElseThrow().max()).isEqualTo(5);
        assertThat(lines.parameter("image").orElseThrow().defaultValue()).isNull();
        SeedPage.Parameter runResolution = run.parameter("resolution").orElseThrow();
        assertThat(runResolution.defaultValue().asText()).isEqualTo("720P");
        assertThat(runResolution.allowed()).extracting(JsonNode::asText).containsExactly("720P", "1080P");
        assertThat(run.parameter("reference_voice").orElseThrow().defaultValue()).isNull();
        assertThat(run.parameter("seed").orElseThrow().defaultValue().asInt()).isEqualTo(42);
        assertThat(lines.computeTime).isEqualTo(java.time.Duration.ofMillis(148_590));
        assertThat(run.computeTime).as("the r2v page gives none").isNull();
    }

    /** Every way the catalogue departs from the page, one line each; empty when they agree. */
    static List<String> differences(SeedPage page, List<ModelParameter> catalogue) {
        List<String> found = new ArrayList<>();
        List<String> pageNames = page.parameters.stream().map(SeedPage.Parameter::name).toList();
        List<String> catalogueNames = catalogue.stream().map(ModelParameter::name).toList();
        if (!pageNames.equals(catalogueNames)) {
            found.add("parameters: page " + pageNames + ", catalogue " + catalogueNames);
        }
        for (SeedPage.Parameter stated : page.parameters) {
            Optional<ModelParameter> held = catalogue.stream().filter(p -> p.name().equals(stated.name())).findFirst();
            if (held.isEmpty()) {
                continue;
            }
            ModelParameter p = held.get();
            String name = stated.name();
            differ(found, name, "type", TYPES.get(stated.type()), p.type());
            differ(found, name, "required", stated.required(), p.isRequired());
            JsonNode heldDefault = JSON.valueToTree(p.defaultValue());
            differ(found, name, "default", normal(stated.defaultValue()), normal(heldDefault));
            differ(found, name, "allowed", normalList(stated.allowed()), normalList(p.allowedValues().stream()
                    .map(v -> (JsonNode) JSON.valueToTree(v)).toList()));
            differ(found, name, "range", range(stated.min(), stated.max()),
                    range(p.minimum().map(Double::longValue).orElse(null), p.maximum().map(Double::longValue).orElse(null)));
        }
        return found;
    }

    private static void differ(List<String> found, String name, String what, Object page, Object catalogue) {
        if (!Objects.equals(page, catalogue)) {
            found.add(name + ": " + what + " page " + page + ", catalogue " + catalogue);
        }
    }

    /** JSON text with numbers in one form, so 720, 720L and 720.0 compare equal; null and absent are the same. */
    private static String normal(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return new BigDecimal(value.asText()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static String normalList(List<JsonNode> values) {
        return values.stream().map(SeedPageCatalogTest::normal).collect(Collectors.joining(",", "[", "]"));
    }

    private static String range(Long min, Long max) {
        return min == null && max == null ? null : min + ".." + max;
    }
}
