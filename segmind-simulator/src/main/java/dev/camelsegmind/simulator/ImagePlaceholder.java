package dev.camelsegmind.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws real, decodable images so clients that inspect or re-encode outputs are exercised. The
 * colour comes from a small palette, which keeps the cache tiny while still letting a test tell
 * outputs apart.
 */
final class ImagePlaceholder {

    static final int SIZE = 256;
    static final int PALETTE = 64;

    private ImagePlaceholder() {
    }

    static int shadeOf(String seed) {
        return Math.floorMod(seed.hashCode(), PALETTE);
    }

    /** Whether the JDK can write this image type; WebP, for one, it cannot. */
    static boolean canWrite(String mediaType) {
        return ImageIO.getImageWritersByMIMEType(MediaTypes.baseType(mediaType)).hasNext();
    }

    static byte[] render(String mediaType, int shade) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(MediaTypes.baseType(mediaType));
        if (!writers.hasNext()) {
            throw new IllegalArgumentException("no image writer for " + mediaType);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Memory-backed stream: ImageIO's default file cache would touch the temp directory per image.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(draw(shade));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage draw(int shade) {
        // RGB without alpha: the JPEG writer refuses images with an alpha channel.
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.getHSBColor(shade / (float) PALETTE, 0.55f, 0.85f));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.getHSBColor(shade / (float) PALETTE, 0.25f, 1f));
            g.fillOval(SIZE / 4, SIZE / 4, SIZE / 2, SIZE / 2);
        } finally {
            g.dispose();
        }
        return image;
    }
}
