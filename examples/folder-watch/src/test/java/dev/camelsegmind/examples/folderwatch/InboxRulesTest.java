package dev.camelsegmind.examples.folderwatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.model.SegmindMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InboxRulesTest {

    @TempDir
    Path inbox;

    @Test
    void kindsFollowTheExtensionInAnyCase() {
        assertThat(InputKind.of("sunset.txt")).isEqualTo(InputKind.PROMPT);
        assertThat(InputKind.of("city.JSON")).isEqualTo(InputKind.REQUEST);
        assertThat(InputKind.of("lake.Jpeg")).isEqualTo(InputKind.IMAGE);
        assertThat(InputKind.of("notes.md")).isNull();
        assertThat(InputKind.of("png")).isNull();
    }

    @Test
    void aTextBesideAPictureOfTheSameNameIsThatPicturesPrompt() throws Exception {
        Path lake = Files.writeString(inbox.resolve("lake.txt"), "ripples");
        Path sunset = Files.writeString(inbox.resolve("sunset.txt"), "a beach");
        Files.write(inbox.resolve("lake.jpg"), new byte[] { 1 });

        assertThat(InboxFiles.isPromptOfImage(lake)).isTrue();
        assertThat(InboxFiles.isPromptOfImage(sunset)).isFalse();
        assertThat(InboxFiles.promptFor(inbox.resolve("lake.jpg"))).contains(lake);
    }

    @Test
    void outputsAreNamedAfterTheInputWithTheMediasExtension() {
        SegmindMedia png = SegmindMedia.inMemory(null, "image/png", "req-1.png", new byte[] { 1 });
        SegmindMedia mp4 = SegmindMedia.inMemory(null, "video/mp4", "req-2.mp4", new byte[] { 1 });

        assertThat(OutputNames.namesFor("sunset.txt", png)).containsExactly("sunset.png");
        assertThat(OutputNames.namesFor("lake.png", mp4)).containsExactly("lake.mp4");
        assertThat(OutputNames.namesFor("city.json", List.of(png, png))).containsExactly("city-1.png", "city-2.png");
        assertThat(OutputNames.namesFor("ask.json", Map.of("text", "hi"))).containsExactly("ask.output.json");
    }

    @Test
    void dataUrisAreAbbreviatedAtAnyDepthAndOtherValuesKept() {
        String dataUri = "data:image/png;base64," + "A".repeat(5000);
        Map<String, Object> shown = MediaAbbreviation.abbreviate(Map.of("image", dataUri, "seed", 42,
                "reference_images", List.of(dataUri, "https://example.com/a.png")));

        assertThat((String) shown.get("image")).startsWith("data:image/png;base64,").endsWith("(5022 characters)")
                .hasSizeLessThan(80);
        assertThat(shown.get("seed")).isEqualTo(42);
        assertThat((List<?>) shown.get("reference_images")).element(1).isEqualTo("https://example.com/a.png");
    }
}
