package dev.camelsegmind.component.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the hand-written {@link SegmindEndpointBuilderFactory} in step with the endpoint options in the catalog JSON
 * the build generates: a method for every option and no method without one, with the option's type, its place
 * (basic or advanced) and its description.
 */
class SegmindEndpointBuilderOptionsTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/camelsegmind/component/dsl/"
                                               + "SegmindEndpointBuilderFactory.java");
    private static final Set<String> NAVIGATION = Set.of("advanced", "basic");

    private static Map<String, JsonNode> options;

    @BeforeAll
    static void readCatalog() throws IOException {
        try (InputStream in = SegmindEndpointBuilderOptionsTest.class.getClassLoader()
                .getResourceAsStream("META-INF/dev/camelsegmind/component/segmind.json")) {
            assertThat(in).as("the generated component JSON").isNotNull();
            JsonNode properties = new ObjectMapper().readTree(in).get("properties");
            options = new HashMap<>();
            properties.fields().forEachRemaining(p -> {
                if (p.getValue().get("kind").asText().equals("parameter")) {
                    options.put(p.getKey(), p.getValue());
                }
            });
        }
    }

    @Test
    void everyOptionHasAMethodAndEveryMethodAnOption() {
        Set<String> methods = new TreeSet<>(methodNames(SegmindEndpointBuilderFactory.SegmindEndpointBuilder.class));
        methods.addAll(methodNames(SegmindEndpointBuilderFactory.AdvancedSegmindEndpointBuilder.class));

        assertThat(new TreeSet<>(options.keySet())).as("endpoint options without a builder method")
                .isSubsetOf(methods);
        assertThat(methods).as("builder methods without an endpoint option").isSubsetOf(options.keySet());
    }

    @Test
    void advancedOptionsSitBehindAdvanced() {
        Set<String> advanced = options.entrySet().stream()
                .filter(e -> e.getValue().get("label").asText().contains("advanced"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));

        assertThat(methodNames(SegmindEndpointBuilderFactory.AdvancedSegmindEndpointBuilder.class))
                .containsExactlyInAnyOrderElementsOf(advanced);
    }

    @Test
    void everyOptionTakesItsOwnType() throws ClassNotFoundException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : options.entrySet()) {
            for (Class<?>[] signature : expectedSignatures(option.getKey(), option.getValue())) {
                if (!hasMethod(option.getKey(), signature)) {
                    missing.add(option.getKey() + Arrays.toString(signature));
                }
            }
        }
        assertThat(missing).as("builder methods missing for these option types").isEmpty();
    }

    @Test
    void everyMethodCarriesItsOptionsDescription() throws IOException {
        String source = Files.readString(SOURCE);
        Matcher m = Pattern.compile("/\\*\\*(.*?)\\*/\\s*default \\w+ (\\w+)\\(", Pattern.DOTALL).matcher(source);
        Map<String, List<String>> javadocs = new HashMap<>();
        while (m.find()) {
            String text = m.group(1).replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ").trim();
            javadocs.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(text);
        }
        for (Map.Entry<String, JsonNode> option : options.entrySet()) {
            String description = option.getValue().get("description").asText().replaceAll("\\s+", " ").trim();
            assertThat(javadocs.get(option.getKey())).as("javadoc of %s(...)", option.getKey()).isNotEmpty()
                    .allSatisfy(doc -> assertThat(doc).startsWith(description));
        }
    }

    private static List<Class<?>[]> expectedSignatures(String name, JsonNode option) throws ClassNotFoundException {
        String javaType = option.get("javaType").asText();
        return switch (option.get("type").asText()) {
            case "string" -> List.<Class<?>[]> of(new Class<?>[] { String.class });
            case "boolean" -> List.of(new Class<?>[] { boolean.class }, new Class<?>[] { String.class });
            case "integer" -> List.of(new Class<?>[] { javaType.matches("(java.lang.)?[lL]ong") ? long.class : int.class },
                    new Class<?>[] { String.class });
            case "duration" -> List.of(new Class<?>[] { long.class }, new Class<?>[] { Duration.class },
                    new Class<?>[] { String.class });
            case "enum" -> List.of(new Class<?>[] { Class.forName(javaType) }, new Class<?>[] { String.class });
            case "object" -> option.path("multiValue").asBoolean()
                    ? List.of(new Class<?>[] { String.class, Object.class }, new Class<?>[] { Map.class })
                    : List.of(new Class<?>[] { Class.forName(javaType.replaceAll("<.*", "")) },
                            new Class<?>[] { String.class });
            default -> throw new AssertionError("no builder rule for option type " + option.get("type") + " of "
                                                + name);
        };
    }

    private static boolean hasMethod(String name, Class<?>[] signature) {
        for (Class<?> builder : List.of(SegmindEndpointBuilderFactory.SegmindEndpointBuilder.class,
                SegmindEndpointBuilderFactory.AdvancedSegmindEndpointBuilder.class)) {
            try {
                builder.getDeclaredMethod(name, signature);
                return true;
            } catch (NoSuchMethodException e) {
                // try the other view
            }
        }
        return false;
    }

    private static Set<String> methodNames(Class<?> builder) {
        return Arrays.stream(builder.getDeclaredMethods()).filter(m -> !m.isSynthetic()).map(Method::getName)
                .filter(n -> !NAVIGATION.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    }
}
