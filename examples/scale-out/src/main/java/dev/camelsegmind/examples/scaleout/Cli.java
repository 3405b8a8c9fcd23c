package dev.camelsegmind.examples.scaleout;

/** The settings the small command-line tools share with the nodes' application.properties. */
final class Cli {

    private Cli() {
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty("scaleout." + name);
        if (value == null) {
            value = System.getenv("SCALEOUT_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        return value != null && !value.isBlank() ? value : fallback;
    }

    static String bootstrapServers() {
        return setting("bootstrap-servers", "127.0.0.1:9092");
    }
}
