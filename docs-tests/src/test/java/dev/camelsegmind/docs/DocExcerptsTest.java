package dev.camelsegmind.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page may show part of a getting-started project's file, marked {@code <!-- excerpt: docs/getting-started.md#path
 * -->} above the block: the block's lines must appear, in a row, in that file as the page prints it (indentation
 * aside), so the part cannot drift from the project GettingStartedIT builds and runs.
 */
class DocExcerptsTest {

    private static final Pattern MARKER = Pattern.compile("^<!-- excerpt: (docs/getting-started\\.md)#(\\S+) -->$");

    record Excerpt(Path page, int line, String project, String file, List<String> lines) {
        @Override
        public String toString() {
            return page.getFileName() + " line " + line + " (" + project + "/" + file + ")";
        }
    }

    static Stream<Excerpt> excerpts() throws IOException {
        Path root = MarkdownPage.projectRoot();
        List<Excerpt> found = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(root)) {
            for (Path page : (Iterable<Path>) pages.filter(DocExcerptsTest::isDocPage)::iterator) {
                for (MarkdownPage.Block block : MarkdownPage.read(page).blocks()) {
                    Matcher m = MARKER.matcher(block.caption());
                    if (m.matches()) {
                        String path = m.group(2);
                        int slash = path.indexOf('/');
                        found.add(new Excerpt(page, block.line(), path.substring(0, slash),
                                path.substring(slash + 1), block.lines()));
                    }
                }
            }
        }
        return found.stream();
    }

    private static boolean isDocPage(Path p) {
        String s = p.toString();
        return s.endsWith(".md") && !s.contains("/target/") && !s.contains("/.git/") && !s.contains("/node_modules/");
    }

    @Test
    void theSpringBootPageShowsExcerpts() throws IOException {
        assertThat(excerpts().map(e -> e.page().getFileName().toString())).contains("runtime-spring-boot.md");
    }

    @ParameterizedTest
    @MethodSource("excerpts")
    void anExcerptIsAPartOfTheFileItNames(Excerpt excerpt) {
        GettingStartedPage page = GettingStartedPage.read(MarkdownPage.projectRoot().resolve("docs/getting-started.md"));
        String file = page.project(excerpt.project()).files().get(excerpt.file());
        assertThat(file).as("%s names a file the getting-started page shows", excerpt).isNotNull();
        List<String> whole = stripped(List.of(file.split("\n", -1)));
        List<String> part = stripped(excerpt.lines());
        assertThat(indexOf(whole, part)).as("%s is, line for line, a part of the file:\n%s", excerpt,
                String.join("\n", excerpt.lines())).isNotNegative();
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    private static int indexOf(List<String> whole, List<String> part) {
        for (int i = 0; i + part.size() <= whole.size(); i++) {
            if (whole.subList(i, i + part.size()).equals(part)) {
                return i;
            }
        }
        return -1;
    }
}
