package dev.camelsegmind.simulator;

import java.util.List;

/**
 * Where the prompt panel and the caption strip go. The font scale grows with the image so the text
 * reads the same on a thumbnail and on a 4K render; the panel hugs its text and sits centred above
 * the caption strip along the bottom edge.
 */
record PosterLayout(int scale, List<String> lines, int panelX, int panelY, int panelWidth, int panelHeight,
        int captionScale, String caption, int captionTop) {

    static final int MAX_LINES = 12;
    /** Glyph rows plus a one-dot gap, in font dots; the descender rows already space lines apart. */
    static final int LINE_DOTS = BitmapFont.GLYPH_HEIGHT + 1;
    /** Space between the panel's edge and its text, in font dots. */
    static final int PAD_DOTS = 2;

    static PosterLayout of(int width, int height, String text, String caption) {
        int scale = Math.max(1, (Math.min(width, height) + 128) / 256);
        int captionScale = Math.max(1, (scale + 1) / 2);
        String captionLine = captionLine(width, captionScale, caption);
        int captionHeight = (BitmapFont.GLYPH_HEIGHT + 2 * PAD_DOTS) * captionScale;
        // On a tiny image a caption strip would cover most of it; the picture wins there.
        if (captionLine.isEmpty() || height < 4 * captionHeight) {
            captionLine = "";
            captionHeight = 0;
        }
        int captionTop = height - captionHeight;

        int pad = PAD_DOTS * scale;
        int lineHeight = LINE_DOTS * scale;
        int columns = BitmapFont.columns(width - 2 * Math.max(1, width / 16) - 2 * pad, scale);
        int room = captionTop * 3 / 4 - 2 * pad + (LINE_DOTS - BitmapFont.GLYPH_HEIGHT) * scale;
        List<String> lines = TextWrap.wrap(text, columns, Math.min(MAX_LINES, room / lineHeight));

        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        int panelWidth = lines.isEmpty() ? 0 : BitmapFont.width(longest, scale) + 2 * pad;
        int panelHeight = lines.isEmpty() ? 0
                : lines.size() * lineHeight - (LINE_DOTS - BitmapFont.GLYPH_HEIGHT) * scale + 2 * pad;
        return new PosterLayout(scale, lines, (width - panelWidth) / 2, (captionTop - panelHeight) / 2,
                panelWidth, panelHeight, captionScale, captionLine, captionTop);
    }

    private static String captionLine(int width, int captionScale, String caption) {
        int columns = BitmapFont.columns(width - 2 * PAD_DOTS * captionScale, captionScale);
        List<String> line = TextWrap.wrap(caption == null ? null : caption.replace('\n', ' '), columns, 1);
        return line.isEmpty() ? "" : line.get(0);
    }

    boolean panelCovers(int y) {
        return y >= panelY && y < panelY + panelHeight;
    }

    /** Each line centred in the panel. */
    int lineLeft(int index) {
        return panelX + (panelWidth - BitmapFont.width(lines.get(index).length(), scale)) / 2;
    }

    int lineTop(int index) {
        return panelY + PAD_DOTS * scale + index * LINE_DOTS * scale;
    }

    int captionLeft() {
        return PAD_DOTS * captionScale;
    }

    int captionTextTop() {
        return captionTop + PAD_DOTS * captionScale;
    }
}
