package dev.camelsegmind.simulator;

/**
 * Draws a job's output picture (a vertical gradient from the seed, the prompt on a dark panel, a
 * caption strip) and encodes it. The gradient runs top to bottom so every row outside the text is
 * one colour: drawing is a fill per row and the PNG filter turns most rows into zeros.
 */
final class ImageRenderer {

    static final int TEXT_COLOUR = 0xFFFFFF;
    static final int CAPTION_COLOUR = 0xE8E8E8;
    private static final int SHADE = 0x101018;
    private static final float PANEL_SHADE = 0.7f;
    private static final float CAPTION_SHADE = 0.55f;

    private ImageRenderer() {
    }

    static PixelRaster draw(int width, int height, String seed, String text, String caption) {
        return draw(width, height, seed, text, caption, null);
    }

    /**
     * As above, over {@code background} (scaled to cover the picture, centred) instead of the
     * gradient when one is given; the panel and caption strip then darken the picture behind them.
     */
    static PixelRaster draw(int width, int height, String seed, String text, String caption,
            PixelRaster background) {
        PixelRaster raster = new PixelRaster(width, height);
        PosterLayout layout = PosterLayout.of(width, height, text, caption);
        if (background != null) {
            Backdrop.cover(background, raster);
            Backdrop.darken(raster, 0, layout.captionTop(), width, height - layout.captionTop(), SHADE, CAPTION_SHADE);
            Backdrop.darken(raster, layout.panelX(), layout.panelY(), layout.panelWidth(), layout.panelHeight(), SHADE,
                    PANEL_SHADE);
            drawText(raster, layout);
            return raster;
        }
        GradientPalette palette = GradientPalette.of(seed);
        for (int y = 0; y < height; y++) {
            int colour = palette.at(y, height);
            if (y >= layout.captionTop()) {
                raster.fill(0, y, width, 1, GradientPalette.blend(colour, SHADE, CAPTION_SHADE));
                continue;
            }
            raster.fill(0, y, width, 1, colour);
            if (layout.panelCovers(y)) {
                raster.fill(layout.panelX(), y, layout.panelWidth(), 1,
                        GradientPalette.blend(colour, SHADE, PANEL_SHADE));
            }
        }
        drawText(raster, layout);
        return raster;
    }

    private static void drawText(PixelRaster raster, PosterLayout layout) {
        for (int i = 0; i < layout.lines().size(); i++) {
            BitmapFont.draw(raster, layout.lines().get(i), layout.lineLeft(i), layout.lineTop(i), layout.scale(),
                    TEXT_COLOUR);
        }
        BitmapFont.draw(raster, layout.caption(), layout.captionLeft(), layout.captionTextTop(),
                layout.captionScale(), CAPTION_COLOUR);
    }

    static byte[] render(String mediaType, int width, int height, String seed, String text, String caption) {
        if (!canRender(mediaType)) {
            throw new IllegalArgumentException("cannot render " + mediaType);
        }
        return encode(mediaType, draw(width, height, seed, text, caption));
    }

    /** PNG always; other image types as far as the JDK's ImageIO writes them (WebP it does not). */
    static boolean canRender(String mediaType) {
        String type = imageType(mediaType);
        return type.equals("image/png") || ImageIoEncoder.canEncode(type);
    }

    static byte[] encode(String mediaType, PixelRaster raster) {
        String type = imageType(mediaType);
        if (type.equals("image/png")) {
            return PngEncoder.encode(raster);
        }
        if (!ImageIoEncoder.canEncode(type)) {
            throw new IllegalArgumentException("no image encoder for " + mediaType);
        }
        return ImageIoEncoder.encode(type, raster);
    }

    /** ImageIO knows JPEG only by its registered name, not the common {@code image/jpg}. */
    private static String imageType(String mediaType) {
        String type = MediaTypes.baseType(mediaType);
        return type.equals("image/jpg") ? "image/jpeg" : type;
    }
}
