package dev.camelsegmind.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /api/v1/client/job/TaskInfo?task_id=...}: the task read at the moment of the call. A key sees only
 * its own account's tasks; another's answers 404 as an unknown id does. A {@code stall} or {@code flap} fault
 * changes the state shown as on Segmind's status route.
 */
final class CrunTaskInfoHandler {

    private final SimulatorContext ctx;
    private final CrunTaskData data;

    CrunTaskInfoHandler(SimulatorContext ctx) {
        this.ctx = ctx;
        this.data = new CrunTaskData(ctx.baseUrl());
    }

    CrunAnswer handle(Call call, CrunErrorStyle style) {
        if (call.requestId() == null) {
            return CrunAnswer.error(CrunReplies.invalid(style, "task_id is required (TaskInfo?task_id=...)"));
        }
        Instant now = call.receivedAt();
        Optional<CrunTask> found = ctx.crun().tasks().readable(call.requestId(), call.apiKey(), now);
        if (found.isEmpty()) {
            return CrunAnswer.error(CrunReplies.taskNotFound(style));
        }
        CrunTask task = found.get();
        int calls = task.job().countStatusCall();
        return CrunAnswer.success(CrunReplies.success(data.of(task, reported(call, task.job(), now, calls))));
    }

    private JobState reported(Call call, Job job, Instant now, int calls) {
        Optional<Fault> stall = ctx.faults().apply(call, Fault.STALLS);
        if (stall.isPresent()) {
            call.fault(stall.get());
            return JobQueryHandler.stalled(job, now, stall.get());
        }
        JobState actual = job.stateAt(now);
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
