package dev.camelsegmind.examples.folderwatch;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static dev.camelsegmind.examples.folderwatch.InboxRequests.IMAGE_MODEL;

/**
 * inbox/ to outbox/. Every file becomes one Segmind job: the route submits it, ties the request id to the file for
 * the progress log, waits for it without holding a thread, and writes the media and a sidecar. Inputs end in
 * inbox/.done/ or, with a report, in inbox/.error/.
 */
final class FolderWatchRoutes extends RouteBuilder {

    private final FolderWatchSettings settings;
    private final JobProgress progress;

    FolderWatchRoutes(FolderWatchSettings settings, JobProgress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind("inboxFilter", new InboxFilter());

        // not handled: the exchange stays failed, so the file consumer moves the input to .error/
        onException(Exception.class)
                .logExhausted(false) // the report and the progress line say it in words; no stack trace
                .process(new FailureReport(settings.errorFolder(), progress));

        // a file is taken once it has not changed for a second, so a picture still being copied in is not sent half
        // written; an empty file is taken too, and fails with a clear message instead of waiting forever
        from(fileUri(settings.inbox()) + "?filter=#inboxFilter&move=.done&moveFailed=.error"
                + "&readLock=changed&readLockMinAge=1000&readLockCheckInterval=250&readLockMinLength=0"
                + "&initialDelay=200&delay=500")
                .routeId("folder-watch")
                .process(progress::started)
                .setProperty(ExchangeKeys.PROVIDER, constant("segmind"))
                .choice()
                    .when(header(Exchange.FILE_NAME_ONLY).regex("(?i).*\\.json"))
                        .process(InboxRequests::fromRequestFile)
                    .when(header(Exchange.FILE_NAME_ONLY).regex("(?i).*\\.txt"))
                        .process(InboxRequests::fromPrompt)
                    .otherwise()
                        .process(InboxRequests::fromImage)
                .end()
                // header CamelSegmindModel names each file's model; the path is only the default. A request file may
                // choose crun.ai as the provider: its job then ends with crun's callback instead of polling
                .toD("segmind:" + IMAGE_MODEL + "?operation=submit&provider=${exchangeProperty." + ExchangeKeys.PROVIDER
                        + "}")
                .process(progress::queued)
                .toD("segmind:" + IMAGE_MODEL + "?operation=await&provider=${exchangeProperty." + ExchangeKeys.PROVIDER
                        + "}")
                .split(body())
                    .process(OutputNames::nameSplitPart)
                    .to(fileUri(settings.outbox()))
                .end()
                .process(new SidecarWriter(settings.outbox()))
                .process(this::promptDone)
                .process(exchange -> progress.done(exchange, settings.outbox()));
    }

    /** A picture's prompt leaves the inbox before the picture does, so it is never mistaken for a job of its own. */
    private void promptDone(Exchange exchange) throws Exception {
        Optional<Path> prompt = Optional.ofNullable(exchange.getProperty(ExchangeKeys.PROMPT_FILE, Path.class));
        if (prompt.isPresent()) {
            InboxFiles.moveInto(prompt.get(), settings.doneFolder());
        }
    }

    private static String fileUri(Path folder) {
        // forward slashes work on every OS and need no escaping in a URI
        return "file:" + folder.toAbsolutePath().toString().replace('\\', '/');
    }
}
