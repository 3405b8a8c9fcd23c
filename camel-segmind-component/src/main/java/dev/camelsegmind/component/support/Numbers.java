package dev.camelsegmind.component.support;

/** Reads numbers the way providers send them: as JSON numbers or as text. */
public final class Numbers {

    private Numbers() {
    }

    /** The value as a double, or null when it is neither a number nor text holding one. */
    public static Double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
