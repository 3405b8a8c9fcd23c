package dev.camelsegmind.component.engine;

import java.nio.file.Path;

/** One downloaded output, as far as the engine needs it: its size, and the file to remove if the job fails after all. */
public interface FetchedMedia {

    long getSize();

    /** The file the media was written to, or null when it is held in memory. */
    Path getDownloadedFile();
}
