package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Keeps the {@link Reference} citations on the simulator's tests honest. */
class ReferenceCitationsTest {

    /** The API notes, the four Segmind model pages and crun's task page the simulator implements. */
    static final Set<String> SOURCES = Set.of("segmind-api.md", "segmind-wan2.7-image-pro.txt",
            "segmind-wan2.7-i2v.txt", "segmind-wan2.7-r2v.txt", "segmind-wan2.1-i2v-720p.txt",
            "crun-wan-2-7-image-pro.txt");

    record Citation(String test, String source, String quote) {
    }

    @Test
    void everyQuoteIsWordForWordInItsSource() throws Exception {
        List<Citation> citations = citations();
        List<String> wrong = new ArrayList<>();
        for (Citation c : citations) {
            if (!SOURCES.contains(c.source())) {
                wrong.add(c.test() + ": unknown source " + c.source());
            } else if (!normalized(read(c.source())).contains(normalized(c.quote()))) {
                wrong.add(c.test() + ": not in " + c.source() + ": \"" + c.quote() + "\"");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(citations).as("the simulator's tests cite their reference").hasSizeGreaterThan(40);
    }

    @Test
    void everySourceIsCited() throws Exception {
        Set<String> cited = new TreeSet<>();
        citations().forEach(c -> cited.add(c.source()));
        assertThat(cited).containsAll(SOURCES);
    }

    static List<Citation> citations() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ReferenceCitationsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Citation> citations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        ReferenceCitationsTest.class.getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    for (Reference ref : method.getAnnotationsByType(Reference.class)) {
                        citations.add(new Citation(type.getSimpleName() + "." + method.getName(), ref.source(),
                                ref.quote()));
                    }
                }
            }
        }
        return citations;
    }

    static String read(String source) throws IOException {
        try (InputStream in = ReferenceCitationsTest.class.getResourceAsStream("/reference/" + source)) {
            assertThat(in).as("reference/" + source + " on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
