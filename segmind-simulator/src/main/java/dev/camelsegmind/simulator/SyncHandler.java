package dev.camelsegmind.simulator;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code POST /v1/{slug}}: the blocking call. The answer is scheduled for the job's finish time
 * rather than waited for, so a hundred open sync calls hold no threads.
 */
final class SyncHandler implements RouteHandler {

    private final SimulatorContext ctx;
    private final JobIntake intake;

    SyncHandler(SimulatorContext ctx, JobIntake intake) {
        this.ctx = ctx;
        this.intake = intake;
    }

    @Override
    public Reply handle(Call call) {
        JobIntake.Outcome outcome = intake.accept(call, true);
        if (outcome.rejection() != null) {
            return outcome.rejection();
        }
        Job job = outcome.job();
        Duration wait = Duration.between(call.receivedAt(), job.finishesAt());
        if (job.failure() != null) {
            return Replies.error(500, job.failure()).delayedBy(wait);
        }
        MediaFile file = ctx.media().output(job, 0);
        Reply reply = wantsJson(job)
                ? Reply.of(200, "application/json", new Base64JsonBody(MediaTypes.jsonField(file.contentType()), file.body()))
                : Reply.media(file);
        accountingHeaders(reply, job);
        return reply.delayedBy(wait);
    }

    /** {@code "base64": true} asks for JSON whatever the model's default, as some Segmind models allow. */
    private static boolean wantsJson(Job job) {
        return job.spec().syncResponse() == SyncResponse.JSON || Boolean.TRUE.equals(job.payload().get("base64"));
    }

    private void accountingHeaders(Reply reply, Job job) {
        reply.header("x-remaining-credits", decimal(ctx.credits().balance(job.apiKey())))
                .header("x-cost", decimal(job.spec().cost()))
                .header("x-generation-time", decimal(job.spec().renderTime().toMillis() / 1000d))
                .header("x-request-id", job.requestId());
        Object seed = job.parameters().get("seed");
        if (seed instanceof Number) {
            reply.header("x-seed-value", seed.toString());
        }
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
