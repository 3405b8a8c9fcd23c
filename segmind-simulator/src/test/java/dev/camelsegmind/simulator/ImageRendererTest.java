package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRendererTest {

    private static final String PROMPT = "A lighthouse on a cliff at dusk, waves crashing, oil painting";

    @ParameterizedTest
    @CsvSource({"image/png, 2048, 2048", "image/png, 4096, 4096", "image/jpeg, 1280, 720", "image/jpg, 2048, 2048",
            "image/gif, 64, 48", "IMAGE/PNG; charset=x, 3, 2"})
    void decodesAtTheRequestedSize(String type, int width, int height) throws IOException {
        BufferedImage image = read(ImageRenderer.render(type, width, height, "req-0", PROMPT, "model 2K req"));

        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        for (String type : new String[] {"image/png", "image/jpeg"}) {
            assertThat(ImageRenderer.render(type, 640, 480, "req-1-0", PROMPT, "cap"))
                    .isEqualTo(ImageRenderer.render(type, 640, 480, "req-1-0", PROMPT, "cap"));
        }
    }

    @Test
    void differentSeedsGiveVisiblyDifferentColours() {
        PixelRaster first = ImageRenderer.draw(256, 256, "req-1-0", PROMPT, "cap");
        PixelRaster second = ImageRenderer.draw(256, 256, "req-1-1", PROMPT, "cap");

        assertThat(distance(first.pixel(0, 0), second.pixel(0, 0))
                + distance(first.pixel(0, 200), second.pixel(0, 200))).isGreaterThan(60);
    }

    @Test
    void differentPromptsGiveDifferentPixels() {
        PixelRaster first = ImageRenderer.draw(512, 512, "req", "a cat", "cap");
        PixelRaster second = ImageRenderer.draw(512, 512, "req", "a dog", "cap");

        assertThat(first.rgb).isNotEqualTo(second.rgb);
    }

    @Test
    void thePromptIsDrawnDotForDotOnTheDarkPanel() throws IOException {
        PosterLayout layout = PosterLayout.of(1024, 1024, PROMPT, "cap");
        PixelRaster raster = decodeInto(ImageRenderer.render("image/png", 1024, 1024, "s", PROMPT, "cap"), 1024, 1024);
        String line = layout.lines().get(0);
        int scale = layout.scale();

        assertThat(line).startsWith("A lighthouse");
        int textPixels = 0;
        for (int i = 0; i < line.length(); i++) {
            for (int dy = 0; dy < BitmapFont.GLYPH_HEIGHT; dy++) {
                for (int dx = 0; dx < BitmapFont.GLYPH_WIDTH; dx++) {
                    int x = layout.lineLeft(0) + (i * BitmapFont.ADVANCE + dx) * scale + scale / 2;
                    int y = layout.lineTop(0) + dy * scale + scale / 2;
                    boolean dot = BitmapFont.isSet(line.charAt(i), dx, dy);
                    assertThat(raster.pixel(x, y) == ImageRenderer.TEXT_COLOUR)
                            .as("%s at %d,%d", line.charAt(i), dx, dy).isEqualTo(dot);
                    textPixels += dot ? 1 : 0;
                }
            }
        }
        assertThat(textPixels).isGreaterThan(50);
        int panel = raster.pixel(layout.panelX() + 1, layout.panelY() + 1);
        assertThat(brightness(panel)).isLessThan(brightness(raster.pixel(0, layout.panelY() + 1)));
    }

    @Test
    void theCaptionIsDrawnAlongTheBottom() {
        PixelRaster raster = ImageRenderer.draw(1024, 1024, "s", PROMPT, "flux-dev 1024x1024 req-9");
        PosterLayout layout = PosterLayout.of(1024, 1024, PROMPT, "flux-dev 1024x1024 req-9");

        assertThat(layout.caption()).isEqualTo("flux-dev 1024x1024 req-9");
        assertThat(layout.captionTop()).isLessThan(1024).isGreaterThan(900);
        int s = layout.captionScale();
        // the stem of the 'f' in "flux": column 1, row 3 of the glyph
        assertThat(raster.pixel(layout.captionLeft() + s + s / 2, layout.captionTextTop() + 3 * s + s / 2))
                .isEqualTo(ImageRenderer.CAPTION_COLOUR);
    }

    @Test
    void aLongPromptWrapsIntoTheLineLimitAndEndsWithAnEllipsis() {
        String prompt = "an endless prompt ".repeat(200);
        PosterLayout layout = PosterLayout.of(1024, 1024, prompt, "cap");

        assertThat(layout.lines()).hasSize(PosterLayout.MAX_LINES);
        assertThat(layout.lines().get(PosterLayout.MAX_LINES - 1)).endsWith(TextWrap.ELLIPSIS);
        assertThat(layout.panelX()).isPositive();
        assertThat(layout.panelX() + layout.panelWidth()).isLessThan(1024);
        assertThat(layout.panelY() + layout.panelHeight()).isLessThan(layout.captionTop());
        ImageRenderer.draw(1024, 1024, "s", prompt, "cap");
    }

    @Test
    void nonAsciiAndMissingTextDoNotThrow() throws IOException {
        String prompt = "\u732b\u304c\u5bdd\u3066\u3044\u308b \uD83D\uDC31 caf\u00e9 \u0000\u202e";

        assertThat(PosterLayout.of(512, 512, prompt, null).lines()).containsExactly("?????? ? caf? ??");
        assertThat(read(ImageRenderer.render("image/png", 512, 512, prompt, prompt, prompt)).getWidth()).isEqualTo(512);
        assertThat(read(ImageRenderer.render("image/png", 64, 64, null, null, null)).getWidth()).isEqualTo(64);
    }

    @Test
    void saysWhichTypesItCanRender() {
        assertThat(ImageRenderer.canRender("image/png")).isTrue();
        assertThat(ImageRenderer.canRender("image/jpeg")).isTrue();
        assertThat(ImageRenderer.canRender("image/jpg")).isTrue();
        assertThat(ImageRenderer.canRender("image/webp")).isFalse();
        assertThat(ImageRenderer.canRender("video/mp4")).isFalse();
        assertThatThrownBy(() -> ImageRenderer.render("image/webp", 8, 8, "s", "t", "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesSizesItCannotHold() {
        assertThatThrownBy(() -> ImageRenderer.draw(0, 10, "s", "t", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageRenderer.draw(100_000, 100_000, "s", "t", "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PixelRaster decodeInto(byte[] png, int width, int height) throws IOException {
        PixelRaster raster = new PixelRaster(width, height);
        int[] pixels = PngEncoderTest.decode(png);
        System.arraycopy(pixels, 0, raster.rgb, 0, pixels.length);
        return raster;
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodable").isNotNull();
        return image;
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16) - (b >> 16)) + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF))
                + Math.abs((a & 0xFF) - (b & 0xFF));
    }

    private static int brightness(int c) {
        return (c >> 16) + (c >> 8 & 0xFF) + (c & 0xFF);
    }
}
