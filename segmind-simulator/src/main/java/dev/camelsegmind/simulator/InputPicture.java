package dev.camelsegmind.simulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The picture a job was given to start from (image-to-video's first frame, an edit's source, a
 * reference), when the simulator can read it: a data URI, bare base64, or a file uploaded to this
 * simulator. Outputs then show it behind the prompt, so a user sees their own input come back.
 * Public URLs elsewhere are never fetched: the simulator stays on loopback.
 */
final class InputPicture {

    private static final List<String> PARAMETERS = List.of("image", "first_frame", "reference_images", "input_image",
            "input_urls", "img_urls");
    private static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final Pattern BARE_BASE64 = Pattern.compile("[A-Za-z0-9+/=\\r\\n]{64,}");

    private InputPicture() {
    }

    /** The decoded input as 0xRRGGBB pixels, or empty when there is none the simulator can read. */
    static Optional<PixelRaster> of(Job job, AssetStore assets) {
        for (String name : PARAMETERS) {
            Object value = job.payload().get(name);
            if (value instanceof List<?> list && !list.isEmpty()) {
                value = list.get(0);
            }
            if (value instanceof String text) {
                Optional<PixelRaster> picture = bytes(text, assets).flatMap(InputPicture::decode);
                if (picture.isPresent()) {
                    return picture;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> bytes(String value, AssetStore assets) {
        Optional<DataUri> data = DataUri.parse(value);
        if (data.isPresent()) {
            return Optional.of(data.get().bytes());
        }
        int asset = value.lastIndexOf("/assets/");
        if (asset >= 0) {
            return assets.get(value.substring(asset + "/assets/".length())).flatMap(InputPicture::read);
        }
        if (value.length() <= MAX_BYTES && BARE_BASE64.matcher(value).matches()) {
            try {
                return Optional.of(Base64.getMimeDecoder().decode(value));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> read(MediaFile file) {
        if (file.length() > MAX_BYTES) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) file.length());
        try {
            file.body().writeTo(out);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    private static Optional<PixelRaster> decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null || (long) image.getWidth() * image.getHeight() > PixelRaster.MAX_PIXELS) {
                return Optional.empty();
            }
            PixelRaster raster = new PixelRaster(image.getWidth(), image.getHeight());
            image.getRGB(0, 0, image.getWidth(), image.getHeight(), raster.rgb, 0, image.getWidth());
            for (int i = 0; i < raster.rgb.length; i++) {
                raster.rgb[i] &= 0xFFFFFF;
            }
            return Optional.of(raster);
        } catch (IOException | RuntimeException unreadable) {
            // a picture the JDK cannot read (WebP, say, or garbage) simply is not shown
            return Optional.empty();
        }
    }
}
