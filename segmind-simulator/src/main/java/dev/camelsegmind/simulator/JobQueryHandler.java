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
        JobState state = reported(call, job, now, calls);
        if (state == JobState.FAILED) {
            return Reply.json(422, bodies.failed(job));
        }
        if (state == JobState.COMPLETED && call.route() != Route.STATUS) {
            return Reply.json(200, bodies.completed(job));
        }
        return Reply.json(200, bodies.status(job, state));
    }

    private JobState reported(Call call, Job job, Instant now, int calls) {
        Optional<Fault> stall = ctx.faults().apply(call, Fault.STALLS);
        if (stall.isPresent()) {
            call.fault(stall.get());
            return stalled(job, now, stall.get());
        }
        return flapped(call, job.stateAt(now), calls);
    }

    /**
     * A stalled job shows the state it had when the stall began, and never a final one, like a
     * worker that hangs: a poller sees no progress at all rather than a step back.
     */
    static JobState stalled(Job job, Instant now, Fault stall) {
        Instant since = stall.armedAt().isBefore(now) ? stall.armedAt() : now;
        JobState then = job.stateAt(since);
        return then.isFinal() ? JobState.PROCESSING : then;
    }

    /** A flap fault shows the previous state on every second call, like a lagging replica would. */
    private JobState flapped(Call call, JobState actual, int calls) {
        if (calls % 2 != 0 || (actual != JobState.PROCESSING && actual != JobState.COMPLETED)) {
            return actual;
        }
        Optional<Fault> flap = ctx.faults().apply(call, Fault.FLAPS);
        if (flap.isEmpty()) {
            return actual;
        }
        call.fault(flap.get());
        return actual == JobState.PROCESSING ? JobState.QUEUED : JobState.PROCESSING;
    }
}
