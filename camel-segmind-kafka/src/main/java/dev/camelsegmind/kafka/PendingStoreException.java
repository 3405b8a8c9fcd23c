package dev.camelsegmind.kafka;

/** A pending-job store call that Kafka could not carry out; nothing of it became visible. */
public class PendingStoreException extends RuntimeException {

    public PendingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
