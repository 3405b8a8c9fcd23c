package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BitmapFontTest {

    @Test
    void everyPrintableAsciiCharacterHasItsOwnGlyph() {
        Set<String> shapes = new HashSet<>();
        for (char c = BitmapFont.FIRST; c <= BitmapFont.LAST; c++) {
            shapes.add(shape(c));
        }
        assertThat(shapes).hasSize(BitmapFont.LAST - BitmapFont.FIRST + 1);
        assertThat(shape(' ')).doesNotContain("#");
    }

    @Test
    void charactersOutsidePrintableAsciiShowAsAQuestionMark() {
        assertThat(shape('\u00e9')).isEqualTo(shape('?'));
        assertThat(BitmapFont.glyphFor(0x1F431)).isEqualTo('?');
        assertThat(BitmapFont.glyphFor('\t')).isEqualTo('?');
    }

    @Test
    void drawsEachDotAsAScaledBlock() {
        PixelRaster raster = new PixelRaster(40, 40);
        BitmapFont.draw(raster, "Ag", 1, 2, 3, 0xFFFFFF);

        for (int i = 0; i < 2; i++) {
            char c = "Ag".charAt(i);
            for (int y = 0; y < BitmapFont.GLYPH_HEIGHT * 3; y++) {
                for (int x = 0; x < BitmapFont.GLYPH_WIDTH * 3; x++) {
                    int expected = BitmapFont.isSet(c, x / 3, y / 3) ? 0xFFFFFF : 0;
                    assertThat(raster.pixel(1 + i * BitmapFont.ADVANCE * 3 + x, 2 + y)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void textRunningOffTheRasterIsClipped() {
        PixelRaster raster = new PixelRaster(7, 5);
        BitmapFont.draw(raster, "Hello, world", -4, -3, 2, 0xFFFFFF);

        assertThat(raster.rgb).contains(0xFFFFFF);
    }

    @Test
    void measuresTextWithoutTrailingSpace() {
        assertThat(BitmapFont.width(0, 4)).isZero();
        assertThat(BitmapFont.width(3, 2)).isEqualTo((3 * 6 - 1) * 2);
        assertThat(BitmapFont.columns(BitmapFont.width(7, 3), 3)).isEqualTo(7);
        assertThat(BitmapFont.columns(BitmapFont.width(7, 3) - 1, 3)).isEqualTo(6);
    }

    private static String shape(char c) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < BitmapFont.GLYPH_HEIGHT; y++) {
            for (int x = 0; x < BitmapFont.GLYPH_WIDTH; x++) {
                s.append(BitmapFont.isSet(c, x, y) ? '#' : '.');
            }
            s.append('\n');
        }
        return s.toString();
    }
}
