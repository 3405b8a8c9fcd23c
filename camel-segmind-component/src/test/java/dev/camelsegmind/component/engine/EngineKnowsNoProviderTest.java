package dev.camelsegmind.component.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine is the provider-neutral core: it may use the pending-job store, the model's neutral helpers and support
 * code, but nothing that belongs to one provider, to the HTTP layer, to the Camel shell or to the typed exceptions
 * named after Segmind. Read from the sources, so a new file cannot slip past.
 */
class EngineKnowsNoProviderTest {

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Path ENGINE = Paths.get("src/main/java/dev/camelsegmind/component/engine");

    @Test
    void engineSourcesImportNothingProviderSpecific() throws IOException {
        List<String> offending = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.list(ENGINE)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("engine sources found").hasSizeGreaterThan(10);
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(1);
                if (forbidden(imported)) {
                    offending.add(source.getFileName() + " imports " + imported);
                }
            }
            // fully qualified names in code count as much as imports
            for (String pkg : List.of("dev.camelsegmind.component.provider.", "dev.camelsegmind.component.http.",
                    "dev.camelsegmind.component.error.", "dev.camelsegmind.component.observability.")) {
                if (text.replaceAll("(?m)^import .*$", "").contains(pkg)) {
                    offending.add(source.getFileName() + " names " + pkg);
                }
            }
            if (text.replaceAll("(?m)^import .*$", "").matches("(?s).*\\bSegmind[A-Z]\\w*.*")) {
                offending.add(source.getFileName() + " names a Segmind type");
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theRuleCatchesAProviderImport() {
        assertThat(forbidden("dev.camelsegmind.component.provider.segmind.SegmindErrors")).isTrue();
        assertThat(forbidden("dev.camelsegmind.component.error.SegmindTimeoutException")).isTrue();
        assertThat(forbidden("dev.camelsegmind.component.http.HttpTransport")).isTrue();
        assertThat(forbidden("dev.camelsegmind.component.model.SegmindMedia")).isTrue();
        assertThat(forbidden("dev.camelsegmind.component.SegmindConstants")).isTrue();
        assertThat(forbidden("dev.camelsegmind.component.store.PendingJob")).isFalse();
        assertThat(forbidden("dev.camelsegmind.component.model.SafeText")).isFalse();
    }

    private static boolean forbidden(String imported) {
        if (!imported.startsWith("dev.camelsegmind.")) {
            return false;
        }
        String simple = imported.substring(imported.lastIndexOf('.') + 1);
        return imported.startsWith("dev.camelsegmind.component.provider.")
                || imported.startsWith("dev.camelsegmind.component.http.")
                || imported.startsWith("dev.camelsegmind.component.error.")
                || imported.startsWith("dev.camelsegmind.component.observability.")
                || imported.matches("dev\\.camelsegmind\\.component\\.[A-Z]\\w*(\\..*)?")
                || simple.startsWith("Segmind");
    }
}
