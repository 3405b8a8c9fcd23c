package dev.camelsegmind.component.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code in the docs is the code the tests run: every bound block of every page equals its source, and the guides
 * this module owns show no Java, YAML, properties or XML that is not taken from a tested file.
 */
class DocsSnippetsTest {

    static final String REGENERATE = "mvn -pl camel-segmind-component test -Dtest=DocsSnippetsTest -D"
            + DocFiles.WRITE_PROPERTY + "=true";
    /** Pages whose every code block must come from a tested file. */
    private static final List<String> STRICT_PAGES = List.of("docs/user-guide.md", "docs/architecture.md",
            "docs/runtime-camel-main.md", "docs/runtime-yaml-jbang.md", "segmind-simulator/README.md");
    private static final Set<String> CODE_LANGUAGES = Set.of("java", "yaml", "properties", "xml");
    private static final Pattern COORDINATES = Pattern.compile("dev\\.camelsegmind:camel-segmind:([^\\s`\"']+)");

    static Stream<String> pagesWithSnippets() throws IOException {
        Path docs = DocFiles.projectRoot().resolve("docs");
        try (Stream<Path> files = Files.list(docs)) {
            List<String> pages = files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> DocFiles.read(p).contains("<!-- from: "))
                    .map(p -> "docs/" + p.getFileName()).sorted().toList();
            return Stream.concat(STRICT_PAGES.stream(), pages.stream()).distinct();
        }
    }

    @ParameterizedTest
    @MethodSource("pagesWithSnippets")
    void codeBlocksEqualTheirTestedSources(String page) {
        Path root = DocFiles.projectRoot();
        Path file = root.resolve(page);
        assertThat(file).as(page).exists();
        String current = DocFiles.read(file);
        DocFiles.checkOrWrite(file, new DocSnippets(root, System.getProperty("project.version")).synchronise(current),
                REGENERATE);
    }

    @ParameterizedTest
    @MethodSource("strictPages")
    void guidesShowNoUntestedCode(String page) {
        List<String> lines = List.of(DocFiles.read(DocFiles.projectRoot().resolve(page)).split("\n", -1));
        for (DocSnippets.Block block : DocSnippets.blocks(lines)) {
            if (CODE_LANGUAGES.contains(block.language())) {
                assertThat(block.source()).as("%s line %d: a ```%s block needs a <!-- from: file#tag --> line above"
                        + " it naming the tested file it comes from", page, block.firstLine(), block.language())
                        .isNotNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("strictPages")
    void mavenCoordinatesNameTheCurrentVersion(String page) {
        String version = System.getProperty("project.version");
        assertThat(version).as("system property project.version, set by the pom").isNotBlank();
        Matcher m = COORDINATES.matcher(DocFiles.read(DocFiles.projectRoot().resolve(page)));
        while (m.find()) {
            assertThat(m.group(1)).as("%s: %s", page, m.group()).isEqualTo(version);
        }
    }

    @Test
    void aRegionIsCutOutAndDedented(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Sample.java"), String.join("\n", "class Sample {",
                "    void routes() {", "        // tag::demo[]", "        from(\"direct:a\")", "            .to(\"log:b?v=${project.version}\");",
                "        // end::demo[]", "    }", "}", ""));
        Files.writeString(dir.resolve("page.md"), "");
        String page = String.join("\n", "Intro", "<!-- from: Sample.java#demo -->", "```java", "stale", "```",
                "After", "```java", "free", "```", "");
        String synced = new DocSnippets(dir, "9.9").synchronise(page);
        assertThat(synced).isEqualTo(String.join("\n", "Intro", "<!-- from: Sample.java#demo -->", "```java",
                "from(\"direct:a\")", "    .to(\"log:b?v=9.9\");", "```", "After", "```java", "free", "```", ""));
        List<DocSnippets.Block> blocks = DocSnippets.blocks(List.of(synced.split("\n", -1)));
        assertThat(blocks).extracting(DocSnippets.Block::source).containsExactly("Sample.java", null);
    }

    static Stream<String> strictPages() {
        return STRICT_PAGES.stream();
    }
}
