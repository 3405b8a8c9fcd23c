package dev.camelsegmind.examples.folderwatch;

/** Exchange properties the example keeps beside the message while a file is in progress. */
final class ExchangeKeys {

    /** The inbox file's name ({@code sunset.txt}); headers change along the route, this does not. */
    static final String INPUT = "folderWatchInput";
    /** When the file was picked up, from {@link System#nanoTime()}. */
    static final String STARTED = "folderWatchStarted";
    /** The parameters sent, as the sidecar shows them (media abbreviated). */
    static final String PARAMETERS_SHOWN = "folderWatchParametersShown";
    /** The prompt file that travels with a picture, when there is one. */
    static final String PROMPT_FILE = "folderWatchPromptFile";
    /** Where the job runs: segmind, or crun when a request file says {@code "provider": "crun"}. */
    static final String PROVIDER = "folderWatchProvider";
    /** The output files written, relative to the outbox. */
    static final String OUTPUTS = "folderWatchOutputs";

    private ExchangeKeys() {
    }
}
