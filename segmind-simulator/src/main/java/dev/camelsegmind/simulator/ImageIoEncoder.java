package dev.camelsegmind.simulator;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes a raster with the JDK's ImageIO writers (JPEG, GIF, BMP, TIFF). The raster's array is
 * wrapped, not copied, as a {@code TYPE_INT_RGB} image: no alpha, which the JPEG writer refuses.
 * ImageIO encoding needs no fonts, so this works on a bare headless JDK.
 */
final class ImageIoEncoder {

    private static final float JPEG_QUALITY = 0.85f;
    private static final ImageTypeSpecifier RGB =
            ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB);
    private static final ConcurrentMap<String, Boolean> ENCODABLE = new ConcurrentHashMap<>();

    private ImageIoEncoder() {
    }

    /** {@code mediaType} as a bare lower-case MIME type. Asked per request, hence the cache. */
    static boolean canEncode(String mediaType) {
        return ENCODABLE.computeIfAbsent(mediaType, ImageIoEncoder::lookUp);
    }

    private static boolean lookUp(String mediaType) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(mediaType);
        // Some writers (WBMP) exist but take only one-bit images.
        while (writers.hasNext()) {
            if (writers.next().getOriginatingProvider().canEncodeImage(RGB)) {
                return true;
            }
        }
        return false;
    }

    static byte[] encode(String mediaType, PixelRaster raster) {
        ImageWriter writer = writerFor(mediaType);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Memory-backed stream: ImageIO's default file cache would touch the temp directory per image.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(wrap(raster), null, null), params(writer, mediaType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter writerFor(String mediaType) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(mediaType);
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getOriginatingProvider().canEncodeImage(RGB)) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalArgumentException("no image writer for " + mediaType);
    }

    private static ImageWriteParam params(ImageWriter writer, String mediaType) {
        ImageWriteParam params = writer.getDefaultWriteParam();
        if (mediaType.equals("image/jpeg")) {
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(JPEG_QUALITY);
        }
        return params;
    }

    static BufferedImage wrap(PixelRaster raster) {
        DirectColorModel model = new DirectColorModel(24, 0xFF0000, 0x00FF00, 0x0000FF);
        WritableRaster pixels = Raster.createPackedRaster(
                new DataBufferInt(raster.rgb, raster.rgb.length), raster.width, raster.height, raster.width,
                model.getMasks(), null);
        return new BufferedImage(model, pixels, false, null);
    }
}
