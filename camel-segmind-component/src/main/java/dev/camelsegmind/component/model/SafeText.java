package dev.camelsegmind.component.model;

/**
 * Makes user or server text safe to put into an exception message or a log line. Line breaks and other control
 * characters are escaped so a crafted prompt, slug or server error cannot forge extra log lines, and the text is cut
 * short so a multi-megabyte prompt does not flood the log.
 */
public final class SafeText {

    private static final char ELLIPSIS = '\u2026';

    private SafeText() {
    }

    /**
     * The value's text with control characters escaped ({@code \r}, {@code \n}, {@code \t}, others as a
     * backslash, {@code u} and four hex digits), cut to at most {@code max} characters of output followed by
     * {@code …} when it was longer.
     * A null value gives {@code "null"}.
     */
    public static String forMessage(Object value, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String piece = escape(text, i, c);
            // a surrogate pair must stay whole, otherwise the cut leaves an unpaired half behind
            boolean pair = piece == null && Character.isHighSurrogate(c);
            int needed = piece != null ? piece.length() : pair ? 2 : 1;
            if (out.length() + needed > max) {
                out.append(ELLIPSIS);
                return out.toString();
            }
            if (piece != null) {
                out.append(piece);
            } else if (pair) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The escape for the character at {@code i}, or null when it can be written as it is. */
    private static String escape(String text, int i, char c) {
        switch (c) {
            case '\r':
                return "\\r";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            default:
                break;
        }
        // U+2028/U+2029 end a line in many log viewers and JavaScript consoles
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            return unicodeEscape(c);
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            return paired ? null : unicodeEscape(c);
        }
        if (Character.isLowSurrogate(c)) {
            // a low surrogate reached here has no high half before it (pairs are consumed together)
            return unicodeEscape(c);
        }
        return null;
    }

    private static String unicodeEscape(char c) {
        return String.format("\\u%04x", (int) c);
    }
}
