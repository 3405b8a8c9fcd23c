package dev.camelsegmind.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Two panels, peak live threads and peak heap after GC, against jobs in flight (log scale), one line per contender.
 * Drawn with java.awt only, headless, so the chart needs no plotting library.
 */
final class InflightChart {

    private static final int W = 1100;
    private static final int H = 500;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd)};

    private InflightChart() {
    }

    static void draw(List<Result> rows, Path file) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<Result>> byContender = new LinkedHashMap<>();
        for (Result r : rows) {
            if (r.scenario.equals("inflight") && r.peakThreads != null) {
                byContender.computeIfAbsent(r.contender, c -> new ArrayList<>()).add(r);
            }
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Jobs in flight on one 2-core JVM: cost of holding them", 20, 26);
        panel(g, byContender, 60, "Peak live threads", true);
        panel(g, byContender, 600, "Peak heap after GC (MB)", false);
        int lx = 60;
        int i = 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (String c : byContender.keySet()) {
            g.setColor(COLORS[i++ % COLORS.length]);
            g.fillRect(lx, H - 52, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(c, lx + 20, H - 40);
            lx += 40 + g.getFontMetrics().stringWidth(c);
        }
        g.drawString("x: jobs submitted at once (log scale)" + heldFewer(byContender), 60, H - 14);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static void panel(Graphics2D g, Map<String, List<Result>> data, int x0, String title, boolean threads) {
        int w = 440;
        int h = 330;
        int y0 = 70;
        double max = 1;
        double minN = Double.MAX_VALUE;
        double maxN = 1;
        for (List<Result> rs : data.values()) {
            for (Result r : rs) {
                max = Math.max(max, value(r, threads));
                minN = Math.min(minN, r.n);
                maxN = Math.max(maxN, r.n);
            }
        }
        max = niceCeiling(max);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, x0, y0 - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(x0, y0, w, h);
        for (int k = 0; k <= 4; k++) {
            int y = y0 + h - k * h / 4;
            g.setColor(new Color(0xdddddd));
            g.drawLine(x0 + 1, y, x0 + w - 1, y);
            g.setColor(Color.BLACK);
            String label = String.format(Locale.ROOT, "%,.0f", max * k / 4);
            g.drawString(label, x0 - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        double lo = Math.log10(minN == Double.MAX_VALUE ? 1 : minN);
        double hi = Math.max(lo + 1, Math.log10(maxN));
        for (List<Result> rs : data.values()) {
            for (Result r : rs) {
                int x = xOf(r.n, lo, hi, x0, w);
                String label = String.format(Locale.ROOT, "%,d", r.n);
                g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, y0 + h + 16);
            }
        }
        int i = 0;
        g.setStroke(new BasicStroke(2.5f));
        for (List<Result> rs : data.values()) {
            g.setColor(COLORS[i++ % COLORS.length]);
            int px = -1;
            int py = -1;
            for (Result r : rs) {
                int x = xOf(r.n, lo, hi, x0, w);
                int y = y0 + h - (int) Math.round(value(r, threads) / max * h);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                String label = String.format(Locale.ROOT, "%,.0f", value(r, threads));
                // the second contender's labels go below its points, the third's higher up, so close values stay legible
                int ly = y + (i == 2 ? 18 : -6 - 13 * (i - 1) / 2);
                if (ly > y0 + h - 4) {
                    // no room under a point on the axis: above it, clear of the first contender's label
                    ly = y - 20;
                }
                g.drawString(label, x + 6, ly);
                px = x;
                py = y;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** Contenders that never held all their jobs at once, as their notes record it. */
    private static String heldFewer(Map<String, List<Result>> data) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Pattern peak = java.util.regex.Pattern.compile("peak jobs in flight at the simulator (\\d+)");
        for (Map.Entry<String, List<Result>> e : data.entrySet()) {
            for (Result r : e.getValue()) {
                java.util.regex.Matcher m = peak.matcher(r.note);
                if (m.find() && Integer.parseInt(m.group(1)) < r.n * 9 / 10) {
                    out.append(String.format(Locale.ROOT, "; %s held at most %,d of %,d", e.getKey(),
                            Integer.parseInt(m.group(1)), r.n));
                }
            }
        }
        return out.toString();
    }

    private static double value(Result r, boolean threads) {
        return threads ? r.peakThreads : r.peakHeapMb == null ? 0 : r.peakHeapMb;
    }

    private static int xOf(int n, double lo, double hi, int x0, int w) {
        return x0 + 30 + (int) Math.round((Math.log10(n) - lo) / (hi - lo) * (w - 90));
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
