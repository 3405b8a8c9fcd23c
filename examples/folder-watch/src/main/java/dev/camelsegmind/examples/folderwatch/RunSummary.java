package dev.camelsegmind.examples.folderwatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** One row per input file that was processed, printed as a table when the application stops. */
public final class RunSummary {

    /** @param output the result file(s), or for a failure the error report */
    public record Row(String file, String model, String status, double seconds, String output) {

        public boolean succeeded() {
            return "done".equals(status);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private java.util.function.LongSupplier callbacks = () -> 0;

    synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized List<Row> rows() {
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Row::file));
        return copy;
    }

    /** crun.ai callbacks the application answered (simulator runs only). */
    public long callbacks() {
        java.util.function.LongSupplier count;
        synchronized (this) {
            count = callbacks;
        }
        return count.getAsLong();
    }

    /** Where the number of callbacks is read when the summary is shown. */
    synchronized void callbacksFrom(java.util.function.LongSupplier answered) {
        this.callbacks = answered;
    }

    public long failures() {
        return rows().stream().filter(r -> !r.succeeded()).count();
    }

    /** The table, columns sized to their content. */
    public String render() {
        List<Row> all = rows();
        if (all.isEmpty()) {
            return "No files were processed.";
        }
        String[] header = { "file", "model", "status", "seconds", "output" };
        List<String[]> cells = new ArrayList<>();
        cells.add(header);
        for (Row r : all) {
            cells.add(new String[] { r.file(), r.model() == null ? "-" : r.model(), r.status(),
                    String.format(Locale.ROOT, "%.1f", r.seconds()), r.output() });
        }
        int[] width = new int[header.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            String[] line = cells.get(n);
            for (int i = 0; i < line.length; i++) {
                // seconds are numbers: right-aligned; the last column is not padded
                String cell = i == 3 ? pad(line[i], width[i], true)
                        : i == line.length - 1 ? line[i] : pad(line[i], width[i], false);
                table.append(cell).append(i == line.length - 1 ? "" : "  ");
            }
            table.append('\n');
            if (n == 0) {
                for (int i = 0; i < width.length; i++) {
                    table.append("-".repeat(width[i])).append(i == width.length - 1 ? "" : "  ");
                }
                table.append('\n');
            }
        }
        long failed = failures();
        table.append(all.size()).append(all.size() == 1 ? " file, " : " files, ").append(all.size() - failed)
                .append(" done, ").append(failed).append(" failed");
        long answered = callbacks();
        if (answered > 0) {
            table.append("; crun.ai called back ").append(answered).append(answered == 1 ? " time" : " times");
        }
        return table.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
