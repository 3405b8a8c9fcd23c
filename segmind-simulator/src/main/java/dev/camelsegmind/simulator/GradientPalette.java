package dev.camelsegmind.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Two colours picked from a seed string, far enough apart in hue that outputs of different jobs
 * look different at a glance. The hash is spelled out (FNV-1a then a SplitMix64 finish) rather
 * than {@link String#hashCode()} so that close seeds such as "id-0" and "id-1" still land far apart.
 */
final class GradientPalette {

    final int top;
    final int bottom;

    private GradientPalette(int top, int bottom) {
        this.top = top;
        this.bottom = bottom;
    }

    static GradientPalette of(String seed) {
        long h = mix(fnv1a(seed == null ? "" : seed));
        float hue = (h & 0xFFFF) / 65536f;
        float away = (100 + ((h >>> 16) & 0xFF) * 160 / 255f) / 360f;
        float saturation = 0.55f + ((h >>> 24) & 0xFF) * 0.35f / 255f;
        float value = 0.78f + ((h >>> 32) & 0xFF) * 0.2f / 255f;
        return new GradientPalette(hsv(hue, saturation, value), hsv(hue + away, saturation, value * 0.85f));
    }

    /** The colour {@code position} of {@code span} of the way from top to bottom. */
    int at(int position, int span) {
        return span <= 1 ? top : blend(top, bottom, position / (float) (span - 1));
    }

    /** {@code a} moved the fraction {@code t} of the way towards {@code b}. */
    static int blend(int a, int b, float t) {
        int r = Math.round(((a >> 16) & 0xFF) + (((b >> 16) & 0xFF) - ((a >> 16) & 0xFF)) * t);
        int g = Math.round(((a >> 8) & 0xFF) + (((b >> 8) & 0xFF) - ((a >> 8) & 0xFF)) * t);
        int bl = Math.round((a & 0xFF) + ((b & 0xFF) - (a & 0xFF)) * t);
        return r << 16 | g << 8 | bl;
    }

    /** Plain HSV conversion; {@code java.awt.Color} is avoided so drawing never loads AWT. */
    static int hsv(float hue, float saturation, float value) {
        float h = (hue - (float) Math.floor(hue)) * 6f;
        int sector = Math.min((int) h, 5);
        float f = h - sector;
        float p = value * (1 - saturation);
        float q = value * (1 - saturation * f);
        float t = value * (1 - saturation * (1 - f));
        float[] rgb = switch (sector) {
            case 0 -> new float[] {value, t, p};
            case 1 -> new float[] {q, value, p};
            case 2 -> new float[] {p, value, t};
            case 3 -> new float[] {p, q, value};
            case 4 -> new float[] {t, p, value};
            default -> new float[] {value, p, q};
        };
        return channel(rgb[0]) << 16 | channel(rgb[1]) << 8 | channel(rgb[2]);
    }

    private static int channel(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
