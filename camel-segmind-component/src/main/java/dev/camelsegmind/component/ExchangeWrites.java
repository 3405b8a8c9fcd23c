package dev.camelsegmind.component;

/**
 * Keeps a job's writes to its exchange and the exchange's callback apart. A job given up (its producer stopped) gets
 * its callback at once while its chain may still be running on another thread; once the callback is due, nothing more
 * is written to the exchange, and a write under way finishes before the callback runs.
 */
final class ExchangeWrites {

    private boolean closed;

    /** Runs {@code write} unless the exchange's callback is due; returns whether it ran. */
    synchronized boolean write(Runnable write) {
        if (closed) {
            return false;
        }
        write.run();
        return true;
    }

    /** From now on nothing is written; waits for a write under way. */
    synchronized void close() {
        closed = true;
    }
}
