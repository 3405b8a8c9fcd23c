package dev.camelsegmind.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.camelsegmind.simulator.SegmindSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One simulator key everywhere: a key a page tells the reader to use is either the simulator's own, which the
 * standalone simulator accepts without being told, or a placeholder for the reader's Segmind key. A page that
 * starts the simulator with a key of its own and then exports another gets a 401; this test keeps that from
 * coming back.
 */
class SimulatorKeyTest {

    private static final Pattern KEY = Pattern.compile("SG_[A-Za-z0-9_]*(\\.\\.\\.)?");
    private static final Set<String> PLACEHOLDERS = Set.of("SG_...", "SG_your_key_here");

    @Test
    void everyPageUsesTheSimulatorsOwnKeyOrAPlaceholder() throws IOException {
        String simulatorKey = simulatorKey();
        List<String> others = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = KEY.matcher(MarkdownPage.text(page));
            while (m.find()) {
                String key = m.group();
                if (!key.equals(simulatorKey) && !PLACEHOLDERS.contains(key)) {
                    others.add(MarkdownPage.projectRoot().relativize(page) + ": " + key);
                }
            }
        }
        assertThat(others).as("keys other than the simulator's %s and the placeholders %s", simulatorKey,
                PLACEHOLDERS).isEmpty();
    }

    @Test
    void thePagesThatRunTheSimulatorNameItsKey() throws IOException {
        for (String page : List.of("docs/getting-started.md", "docs/runtime-camel-main.md",
                "docs/runtime-yaml-jbang.md", "segmind-simulator/README.md")) {
            assertThat(MarkdownPage.text(MarkdownPage.projectRoot().resolve(page))).as(page)
                    .contains(simulatorKey());
        }
    }

    /** The key a simulator started without {@code --api-key} accepts, and prints. */
    private static String simulatorKey() {
        try (SegmindSimulator sim = SegmindSimulator.builder().port(0).build().start()) {
            return sim.defaultApiKey();
        }
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(MarkdownPage.projectRoot())) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    // the reference pages quote Segmind's own documents, not instructions to the reader
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/src/test/resources/")
                            && !p.toString().contains("/.git/"))
                    .toList();
        }
    }
}
