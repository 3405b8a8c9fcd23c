package dev.camelsegmind.component.store;

import java.time.Instant;
import java.util.Map;

/**
 * One message's job between the decision to submit it and the delivery of its media. Written before the submit (as
 * {@link State#SUBMITTING}), so two deliveries of the same message, in one JVM or several, cannot both submit; then
 * {@link State#ACCEPTED} with the request id, before anything else happens, so a crash from there on resumes the job
 * instead of paying for it again.
 *
 * @param provider   the id of the provider that runs the job
 * @param requestId  the provider's id of the job; null while submitting
 * @param locator    the provider's own note on how to reach the job, or null
 * @param since      when the entry took its current state (the submit time once accepted)
 * @param expiresAt  when the provider forgets the job; the store drops the entry then
 * @param owner      which component instance wrote it (a node name), for operators
 * @param detail     why an entry is {@link State#UNCERTAIN}, for operators
 * @param attributes what the caller needs to deliver a resumed job without its original message (opaque here)
 */
public record PendingJob(String jobKey, State state, String provider, String model, String requestId, String locator,
                         Instant since, Instant expiresAt, String owner, String detail,
                         Map<String, String> attributes) {

    /** Where the job stands. */
    public enum State {
        /** A submit is under way; its outcome is not known yet. */
        SUBMITTING,
        /** The provider accepted (and billed) the job: follow it, never submit again. */
        ACCEPTED,
        /** A submit whose outcome cannot be known: an operator must reconcile it before the message is sent again. */
        UNCERTAIN
    }

    public PendingJob {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static PendingJob submitting(String jobKey, String provider, String model, Instant now, Instant expiresAt,
                                        String owner, Map<String, String> attributes) {
        return new PendingJob(jobKey, State.SUBMITTING, provider, model, null, null, now, expiresAt, owner, null,
                attributes);
    }

    public PendingJob accepted(String requestId, String locator, Instant submittedAt, Instant expiresAt) {
        return new PendingJob(jobKey, State.ACCEPTED, provider, model, requestId, locator, submittedAt, expiresAt,
                owner, null, attributes);
    }

    public PendingJob uncertain(String why, Instant now, Instant expiresAt) {
        return new PendingJob(jobKey, State.UNCERTAIN, provider, model, requestId, locator, now, expiresAt, owner, why,
                attributes);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
