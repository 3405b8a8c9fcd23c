package dev.camelsegmind.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "17, 9", "9, 17", "1280, 720", "1024, 1024"})
    void renderedImagesDecodeToExactlyTheirPixels(int width, int height) throws IOException {
        PixelRaster raster = ImageRenderer.draw(width, height, "seed", "a red fox in the snow", "flux 1K req-1");

        assertThat(decode(PngEncoder.encode(raster))).isEqualTo(raster.rgb);
    }

    @Test
    void detailedRowsBetweenPlainRowsRoundTrip() throws IOException, DataFormatException {
        PixelRaster raster = mixedRows(301, 60);

        byte[] png = PngEncoder.encode(raster);

        assertThat(decode(png)).isEqualTo(raster.rgb);
        assertThat(inflatedImageData(png)).hasSize(60 * (1 + 3 * 301));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 1", "33, 20", "1280, 720"})
    void chunksCarryValidCrcsAndTheImageDataInflatesWithAValidChecksum(int width, int height)
            throws DataFormatException {
        byte[] png = PngEncoder.encode(ImageRenderer.draw(width, height, "s", "hello there", "caption"));

        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(inflatedImageData(png)).hasSize(height * (1 + 3 * width));
    }

    @Test
    void anImageOfOnlyPlainRowsNeedsNoDeflaterOutput() throws IOException, DataFormatException {
        PixelRaster raster = new PixelRaster(500, 300);
        Arrays.fill(raster.rgb, 0, 500 * 150, 0x336699);

        byte[] png = PngEncoder.encode(raster);

        assertThat(decode(png)).isEqualTo(raster.rgb);
        assertThat(inflatedImageData(png)).hasSize(300 * 1501);
    }

    /** Noise rows, copies of the row above, single-colour rows and near-single-colour rows, in runs. */
    private static PixelRaster mixedRows(int width, int height) {
        PixelRaster raster = new PixelRaster(width, height);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            int start = y * width;
            switch (y % 7) {
                case 0, 4 -> {
                    for (int i = start; i < start + width; i++) {
                        raster.rgb[i] = random.nextInt() & 0xFFFFFF;
                    }
                }
                case 1, 2 -> System.arraycopy(raster.rgb, start - width, raster.rgb, start, width);
                case 3 -> Arrays.fill(raster.rgb, start, start + width, random.nextInt() & 0xFFFFFF);
                default -> {
                    Arrays.fill(raster.rgb, start, start + width, 0x00FF00);
                    raster.rgb[start + width - 1] = 0xFF0000;
                }
            }
        }
        return raster;
    }

    /** Checks every chunk's CRC, then inflates all IDAT data; the Inflater checks the Adler-32. */
    static byte[] inflatedImageData(byte[] png) throws DataFormatException {
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        List<String> types = new ArrayList<>();
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        while (in.hasRemaining()) {
            byte[] data = new byte[in.getInt()];
            byte[] type = new byte[4];
            in.get(type).get(data);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(data);
            assertThat(in.getInt()).isEqualTo((int) crc.getValue());
            types.add(new String(type, StandardCharsets.US_ASCII));
            if (types.get(types.size() - 1).equals("IDAT")) {
                idat.writeBytes(data);
            }
        }
        assertThat(types).containsExactly("IHDR", "IDAT", "IEND");
        Inflater inflater = new Inflater();
        inflater.setInput(idat.toByteArray());
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            assertThat(n > 0 || !inflater.needsInput()).as("stream ends early").isTrue();
            raw.write(buffer, 0, n);
        }
        assertThat(inflater.getRemaining()).isZero();
        inflater.end();
        return raw.toByteArray();
    }

    static int[] decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        return pixels;
    }
}
