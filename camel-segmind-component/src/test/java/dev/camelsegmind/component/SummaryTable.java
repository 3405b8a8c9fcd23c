package dev.camelsegmind.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that a suite fills row by row and prints at the end, so a run's outcome can be read (and pasted
 * into docs/reliability.md) without digging through test reports. Also written to target/reliability/.
 */
final class SummaryTable {

    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    SummaryTable(String title, String... columns) {
        this.title = title;
        this.columns = List.of(columns);
    }

    synchronized void add(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(String.valueOf(c).replace('\n', ' ').replace('\r', ' ').replace('|', '/'));
        }
        rows.add(row);
    }

    synchronized String render() {
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = columns.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], i < r.size() ? r.get(i).length() : 0);
            }
        }
        StringBuilder sb = new StringBuilder(title).append('\n');
        line(sb, columns, width);
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append(" ").append("-".repeat(w)).append(" |");
        }
        sb.append(rule).append('\n');
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    /** Prints the table and keeps a copy under target/reliability/{file}. */
    synchronized void print(String file) {
        String text = render();
        System.out.println();
        System.out.println(text);
        try {
            Path dir = Paths.get("target", "reliability");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            System.out.println("(could not keep a copy of the table: " + e.getMessage() + ")");
        }
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        sb.append("|");
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            sb.append(" ").append(c).append(" ".repeat(width[i] - c.length())).append(" |");
        }
        sb.append('\n');
    }
}
