package dev.camelsegmind.simulator;

import java.util.Optional;

/**
 * {@code GET /media/...}: regenerates the output from the job on every download. Needs no key
 * and outlives the job's one-hour retention, like Segmind's CDN files.
 */
final class MediaHandler implements RouteHandler {

    private final SimulatorContext ctx;

    MediaHandler(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Reply handle(Call call) {
        Optional<MediaNames.Parsed> parsed = MediaNames.parse(call.match().fileName());
        if (parsed.isEmpty()) {
            return Replies.notFound();
        }
        MediaNames.Parsed name = parsed.get();
        Optional<Job> job = ctx.jobs().find(name.requestId()).filter(j -> j.mediaAvailableAt(call.receivedAt()));
        if (job.isEmpty()) {
            return Replies.notFound();
        }
        return file(job.get(), name).map(Reply::media).orElseGet(Replies::notFound);
    }

    private Optional<MediaFile> file(Job job, MediaNames.Parsed name) {
        if (name.lastFrame()) {
            return name.extension().equals("png") ? Optional.of(ctx.media().lastFrame(job)) : Optional.empty();
        }
        if (name.index() >= job.spec().outputs()
                || !name.extension().equals(MediaTypes.extension(job.spec().mediaType()))) {
            return Optional.empty();
        }
        return Optional.of(ctx.media().output(job, name.index()));
    }
}
