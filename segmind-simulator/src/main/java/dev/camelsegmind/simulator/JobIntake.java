package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * The acceptance checks shared by async and sync submits, in the order that lets each error be
 * provoked on its own: model, content type, JSON, parameters, then credits last so a rejected
 * request is never billed.
 */
final class JobIntake {

    /** Either the accepted job or the reply refusing it. */
    record Outcome(Job job, Reply rejection) {
        static Outcome rejected(Reply reply) {
            return new Outcome(null, reply);
        }
    }

    private final SimulatorContext ctx;

    JobIntake(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    Outcome accept(Call call, boolean sync) {
        String slug = call.match().slug();
        Optional<ModelProfile> profile = ctx.catalog().find(slug);
        if (profile.isEmpty()) {
            return Outcome.rejected(Replies.modelNotFound(slug));
        }
        ModelSpec spec = profile.get().snapshot();
        if (spec.availability() == ModelProfile.Availability.NOT_FOUND) {
            return Outcome.rejected(Replies.modelNotFound(slug));
        }
        if (spec.availability() == ModelProfile.Availability.RETIRED) {
            return Outcome.rejected(Replies.modelRetired(slug));
        }
        if (!call.hasJsonContentType()) {
            return Outcome.rejected(Replies.unsupportedContentType(call.contentType()));
        }
        JsonNode body = Json.parse(call.body());
        if (body == null) {
            return Outcome.rejected(Replies.badRequest("Request body is not valid JSON"));
        }
        if (!body.isObject()) {
            return Outcome.rejected(Replies.badRequest("Request body must be a JSON object of model parameters"));
        }
        Map<String, Object> payload = Collections.unmodifiableMap(Json.toMap(body));
        call.payload(payload);
        for (ModelParameter parameter : spec.parameters()) {
            Optional<String> invalid = parameter.check(body);
            if (invalid.isPresent()) {
                return Outcome.rejected(Replies.badRequest(invalid.get()));
            }
        }
        if (!ctx.credits().tryCharge(call.apiKey(), spec.cost())) {
            return Outcome.rejected(Replies.insufficientCredits());
        }
        Job job = ctx.jobs().create(spec, profile.get().workerPool(), payload, call.apiKey(), sync,
                call.receivedAt());
        call.requestId(job.requestId());
        return new Outcome(job, null);
    }
}
