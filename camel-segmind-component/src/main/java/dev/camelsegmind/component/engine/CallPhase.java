package dev.camelsegmind.component.engine;

/** Which call an answer belongs to: the same HTTP code means different things on each. */
public enum CallPhase {
    SUBMIT(false),
    STATUS(true),
    RESULT(true),
    MEDIA(true),
    SYNC(false),
    UPLOAD(false),
    CREDITS(true);

    private final boolean idempotent;

    CallPhase(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /** Whether repeating the call can never create a second job (GETs). */
    public boolean isIdempotent() {
        return idempotent;
    }
}
