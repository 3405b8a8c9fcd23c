package dev.camelsegmind.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Produces the files behind output URLs from the job alone, so nothing is stored per job: images
 * at the size the request asked for, with the prompt drawn on the job's input picture when it has
 * one the simulator can read, else on a gradient seeded by the request id (so every output
 * differs), MP4 video of the requested resolution and length showing the same picture with a
 * progress bar, and a labelled stub for types nothing here can encode.
 */
final class MediaLibrary {

    private static final long CACHE_BYTES = 128L * 1024 * 1024;
    private static final int BAR_COLOUR = 0xF2A900;

    private final RenderCache cache = new RenderCache(CACHE_BYTES);
    private final AssetStore assets;

    MediaLibrary(AssetStore assets) {
        this.assets = assets;
    }

    MediaFile output(Job job, int index) {
        ModelSpec spec = job.spec();
        String type = spec.mediaType();
        byte[] natural = cache.get(job.requestId() + "-" + index, () -> natural(job, index, type));
        return new MediaFile(type, pad(type, natural, spec.mediaSizeBytes()));
    }

    /** The still Segmind names in {@code video.last_frame_url}: the picture at the output's size. */
    MediaFile lastFrame(Job job) {
        byte[] png = cache.get(job.requestId() + "-last",
                () -> ImageRenderer.encode("image/png", picture(job, 0, "last frame")));
        return new MediaFile("image/png", Body.bytes(png));
    }

    void clear() {
        cache.clear();
    }

    private byte[] natural(Job job, int index, String mediaType) {
        String type = MediaTypes.baseType(mediaType);
        MediaGeometry g = job.geometry();
        if (type.equals("video/mp4")) {
            PixelRaster frame = picture(job, index, g.seconds() + " s at " + g.fps() + " fps");
            return VideoEncoder.mp4(g.width(), g.height(), g.fps(), g.seconds(), frame.rgb, BAR_COLOUR);
        }
        if (type.startsWith("image/") && ImageRenderer.canRender(type)) {
            return ImageRenderer.encode(type, picture(job, index, type));
        }
        return ("segmind-simulator placeholder " + type + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private PixelRaster picture(Job job, int index, String detail) {
        MediaGeometry g = job.geometry();
        Object prompt = job.parameters().get("prompt");
        String caption = job.model() + "  " + g.width() + "x" + g.height() + "  " + detail + "  " + job.requestId()
                + (job.spec().outputs() > 1 ? "  #" + (index + 1) : "");
        return ImageRenderer.draw(g.width(), g.height(), job.requestId() + "-" + index,
                prompt == null ? "(no prompt)" : String.valueOf(prompt), caption,
                InputPicture.of(job, assets).orElse(null));
    }

    private static Body pad(String mediaType, byte[] natural, long target) {
        switch (MediaTypes.baseType(mediaType)) {
            case "video/mp4":
                return Mp4Padding.pad(natural, target);
            case "image/png":
                return PngPadding.pad(natural, target);
            default:
                // Formats without a skippable container box: trailing bytes are the best we can do.
                long missing = target - natural.length;
                return missing <= 0 ? Body.bytes(natural) : Body.concat(Body.bytes(natural), Body.zeros(missing));
        }
    }
}
