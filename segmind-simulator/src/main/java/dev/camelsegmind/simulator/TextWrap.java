package dev.camelsegmind.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrap for a fixed-pitch font: breaks at spaces, splits words longer than a line, keeps
 * the prompt's own line breaks, and ends a cut text with an ellipsis so nobody mistakes a
 * truncated prompt for the whole one.
 */
final class TextWrap {

    static final String ELLIPSIS = "...";

    private final int columns;
    private final int maxLines;
    /** Up to one line more than allowed: its presence is how we know text was cut. */
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();

    private TextWrap(int columns, int maxLines) {
        this.columns = columns;
        this.maxLines = maxLines;
    }

    /** At most {@code maxLines} lines of at most {@code columns} printable ASCII characters each. */
    static List<String> wrap(String text, int columns, int maxLines) {
        if (text == null || columns < 1 || maxLines < 1) {
            return List.of();
        }
        TextWrap wrap = new TextWrap(columns, maxLines);
        wrap.add(printable(text));
        return wrap.result();
    }

    /**
     * The text as the font can show it: line breaks kept, other white space as a plain space, and
     * each code point the font lacks (an emoji is one, not two surrogates) as a question mark.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        unified.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else {
                out.append(BitmapFont.glyphFor(c));
            }
        });
        return out.toString();
    }

    private void add(String text) {
        for (String paragraph : text.split("\n")) {
            for (String word : paragraph.split(" ")) {
                if (!addWord(word)) {
                    return;
                }
            }
            if (!endLine()) {
                return;
            }
        }
    }

    /** False once the text is known not to fit, so a huge prompt costs no more than a short one. */
    private boolean addWord(String word) {
        String rest = word;
        while (!rest.isEmpty()) {
            int room = line.length() == 0 ? columns : columns - line.length() - 1;
            if (rest.length() <= room) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(rest);
                return true;
            }
            if (line.length() == 0) {
                line.append(rest, 0, columns);
                rest = rest.substring(columns);
            }
            if (!endLine()) {
                return false;
            }
        }
        return true;
    }

    private boolean endLine() {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
        return lines.size() <= maxLines;
    }

    private List<String> result() {
        if (lines.size() <= maxLines) {
            return List.copyOf(lines);
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, withEllipsis(kept.get(maxLines - 1)));
        return List.copyOf(kept);
    }

    private String withEllipsis(String last) {
        if (columns < ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, columns);
        }
        String head = last.length() + ELLIPSIS.length() <= columns ? last
                : last.substring(0, columns - ELLIPSIS.length()).stripTrailing();
        return head + ELLIPSIS;
    }
}
