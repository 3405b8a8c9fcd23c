package dev.camelsegmind.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * Status, result and v1 poll: one job, read at the moment of the call. FAILED is HTTP 422 on every
 * route, as Segmind serves it; only the result routes carry the output.
 */
final class JobQueryHandler implements RouteHandler {

    private final SimulatorContext ctx;
    private final JobBodies bodies;

    JobQueryHandler(SimulatorContext ctx, JobBodies bodies) {
        this.ctx = ctx;
        this.bodies = bodies;
    }

    @Override
    public Reply handle(Call call) {
        Instant now = call.receivedAt();
        Optional<Job> found = ctx.jobs().pollable(call.requestId(), now);
        if (found.isEmpty()) {
            return Replies.requestNotFound(call.requestId());
        }
        Job job = found.get();
        int calls = call.route() == Route.RESULT ? job.countResultCall() : job.countStatusCall();
        JobState state = reported(call, job.stateAt(now), calls);
        if (state == JobState.FAILED) {
            return Reply.json(422, bodies.failed(job));
        }
        if (state == JobState.COMPLETED && call.route() != Route.STATUS) {
            return Reply.json(200, bodies.completed(job));
        }
        return Reply.json(200, bodies.status(job, state));
    }

    /** A flap fault shows the previous state on every second call, like a lagging replica would. */
    private JobState reported(Call call, JobState actual, int calls) {
        if (calls % 2 != 0 || (actual != JobState.PROCESSING && actual != JobState.COMPLETED)) {
            return actual;
        }
        Optional<Fault> flap = ctx.faults().apply(call.route(), call.model(), Fault.FLAPS);
        if (flap.isEmpty()) {
            return actual;
        }
        call.fault(flap.get());
        return actual == JobState.PROCESSING ? JobState.QUEUED : JobState.PROCESSING;
    }
}
