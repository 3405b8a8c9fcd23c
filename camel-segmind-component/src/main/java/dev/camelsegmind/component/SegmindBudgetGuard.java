package dev.camelsegmind.component;

import java.time.Instant;

import dev.camelsegmind.component.budget.DeliveredJobs;
import dev.camelsegmind.component.budget.KeyCoolDowns;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.error.SegmindAlreadyDeliveredException;
import dev.camelsegmind.component.error.SegmindModelNotFoundException;
import dev.camelsegmind.component.model.ModelCatalog;
import dev.camelsegmind.component.model.ModelSuggestions;
import dev.camelsegmind.component.model.SafeText;

/**
 * What a producer does so that a message that keeps failing, and keeps coming back, cannot keep spending: it refuses
 * at once, without a call, while the key cools down or when the message's job was already delivered twice, and it
 * reads each failure for a refused key.
 */
final class SegmindBudgetGuard {

    private final SegmindEndpoint endpoint;

    SegmindBudgetGuard(SegmindEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The error a message fails with at once, before any call, or null to go ahead. */
    RuntimeException refusal(SegmindRequest request) {
        boolean newJob = request.operation() == SegmindOperation.generate
                || request.operation() == SegmindOperation.submit || request.operation() == SegmindOperation.sync;
        KeyCoolDowns.CoolDown coolDown = endpoint.getComponent().coolDowns()
                .active(endpoint.keyBaseUrl(), endpoint.keyValue(), request.model(), newJob);
        if (coolDown != null) {
            return KeyCoolDowns.refusal(coolDown, request.model());
        }
        DeliveredJobs.Entry delivered = endpoint.getComponent().deliveredJobs().find(request.jobKey());
        if (delivered != null && delivered.closed()) {
            return new SegmindAlreadyDeliveredException("The job of this message (request "
                    + delivered.requestId() + " of " + delivered.model() + ", job key "
                    + SafeText.forMessage(request.jobKey(), 120) + ") was delivered twice and the route failed after"
                    + " the Segmind step both times; it is neither collected nor submitted again until "
                    + delivered.until() + ", so a failing later step cannot spend the plan's budget on every"
                    + " redelivery. Fix that step, and let failed messages leave their source (file: moveFailed;"
                    + " JMS, Kafka: a dead-letter channel)", delivered.requestId(), delivered.model());
        }
        return null;
    }

    /** A failure as the message gets it; a refused key starts its cool-down on the way. */
    Throwable failed(SegmindRequest request, Throwable failure) {
        endpoint.getComponent().coolDownIfRefused(endpoint.keyBaseUrl(), endpoint.keyValue(), request.model(),
                failure);
        if (failure instanceof SegmindModelNotFoundException e && e.getHttpStatus() == 404
                && ModelCatalog.find(request.model()).isEmpty()) {
            // a slug nothing here knows: name the nearest seed models, in case it was meant to be one of them
            return new SegmindModelNotFoundException(e.getMessage() + ". Closest models this component knows: "
                    + String.join(", ", ModelSuggestions.closest(request.model(), 2)) + "; any other Segmind model"
                    + " works by its exact slug as segmind.com lists it", e.getHttpStatus(), e.getDetail(),
                    e.getRequestId(), e.getModel(), e);
        }
        return failure;
    }

    /**
     * The route failed after this message's job was delivered to it. The first time, the job's pending entry stays,
     * so the next delivery collects the result again instead of paying; when that one fails too, the entry is
     * closed and the message is refused from then on.
     *
     * @return whether the message's pending entry is to be closed now
     */
    boolean failedAfterDelivery(String jobKey, JobResult result) {
        if (jobKey == null || result.handle() == null || result.handle().requestId() == null) {
            return false;
        }
        DeliveredJobs jobs = endpoint.getComponent().deliveredJobs();
        String requestId = result.handle().requestId();
        Instant submitted = result.handle().submittedAt() != null ? result.handle().submittedAt() : Instant.now();
        jobs.failedAfterDelivery(jobKey, requestId, result.handle().model(),
                submitted.plus(endpoint.getProvider().retention()));
        DeliveredJobs.Entry now = jobs.find(jobKey);
        return now != null && now.closed();
    }

    /** The message went through after all. */
    void completed(String jobKey) {
        endpoint.getComponent().deliveredJobs().completed(jobKey);
    }
}
