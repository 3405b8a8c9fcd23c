package dev.camelsegmind.component.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where the docs live, and the one rule for every generated or synchronised page: a test renders what the page must
 * say and fails when the committed page says something else; with {@code -Dsegmind.docs.write=true} it rewrites the
 * page instead.
 */
final class DocFiles {

    static final String WRITE_PROPERTY = "segmind.docs.write";

    private DocFiles() {
    }

    /** The project's root folder, found from the module the tests run in. */
    static Path projectRoot() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path pom = d.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>camel-segmind-parent</artifactId>")
                    && Files.isDirectory(d.resolve("camel-segmind-component"))) {
                return d;
            }
        }
        throw new IllegalStateException("Cannot find the project root above " + dir);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the page against what it must say, or rewrites it when asked to. */
    static void checkOrWrite(Path page, String expected, String regenerate) {
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            try {
                Files.createDirectories(page.getParent());
                Files.writeString(page, expected, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String actual = Files.exists(page) ? read(page) : "";
        if (!actual.equals(expected)) {
            fail(page + " is out of date with the code (" + firstDifference(actual, expected) + ").\nRegenerate it"
                    + " with:\n    " + regenerate + "\nand commit the result.");
        }
    }

    private static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String la = i < a.length ? a[i] : "<end of file>";
            String le = i < e.length ? e[i] : "<end of file>";
            if (!la.equals(le)) {
                return "line " + (i + 1) + " is\n    " + la + "\nbut should be\n    " + le;
            }
        }
        return "line endings differ";
    }
}
