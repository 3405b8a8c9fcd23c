package dev.camelsegmind.examples.folderwatch;

/** A file in the inbox that is not a request the example understands; the message says how to fix it. */
public class InboxFileException extends RuntimeException {

    public InboxFileException(String message) {
        super(message);
    }

    public InboxFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
