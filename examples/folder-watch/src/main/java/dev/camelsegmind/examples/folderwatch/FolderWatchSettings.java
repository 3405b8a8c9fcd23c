package dev.camelsegmind.examples.folderwatch;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the example reads and writes, and whether it talks to Segmind or to the in-process simulator. Paths are
 * resolved against the example's folder ({@code folderwatch.home}, which the Maven run sets), not against wherever
 * Maven happened to be started.
 *
 * @param apiKey      the Segmind key, or null to run against the simulator
 * @param timeFactor  how much faster than real time the simulator renders (simulator only)
 * @param idleSeconds stop after this many seconds without work; 0 keeps watching until Ctrl-C
 */
public record FolderWatchSettings(Path inbox, Path outbox, Path samples, String apiKey, double timeFactor,
                                  int idleSeconds) {

    public static final String API_KEY_VARIABLE = "SEGMIND_API_KEY";

    /** From the environment ({@code SEGMIND_API_KEY}) and system properties {@code folderwatch.*}. */
    public static FolderWatchSettings fromEnvironment() {
        Path home = Paths.get(System.getProperty("folderwatch.home", System.getProperty("user.dir")));
        String key = System.getenv(API_KEY_VARIABLE);
        boolean simulated = key == null || key.isBlank();
        return new FolderWatchSettings(
                home.resolve(System.getProperty("folderwatch.inbox", "inbox")).normalize(),
                home.resolve(System.getProperty("folderwatch.outbox", "outbox")).normalize(),
                home.resolve("samples"),
                simulated ? null : key.trim(),
                Double.parseDouble(System.getProperty("folderwatch.timeFactor", "0.05")),
                simulated ? Integer.getInteger("folderwatch.idleSeconds", 3) : 0);
    }

    public boolean simulated() {
        return apiKey == null;
    }

    public Path doneFolder() {
        return inbox.resolve(".done");
    }

    public Path errorFolder() {
        return inbox.resolve(".error");
    }

    @Override
    public String toString() {
        // the key never leaves this object
        return "FolderWatchSettings[inbox=" + inbox + ", outbox=" + outbox + ", "
                + (simulated() ? "simulator x" + timeFactor : "Segmind API") + "]";
    }
}
