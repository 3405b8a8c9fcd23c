package dev.camelsegmind.examples.folderwatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import dev.camelsegmind.component.SegmindConstants;
import dev.camelsegmind.component.error.SegmindBadRequestException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.error.SegmindValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Explains a failed input in {@code inbox/.error/<name>.error.txt}, in words a user can act on. The component's
 * messages already name the option and the values it takes; this adds the error type, the request id and whether
 * Segmind billed anything. The file consumer then moves the input beside it.
 */
final class FailureReport implements Processor {

    private final Path errorFolder;
    private final JobProgress progress;

    FailureReport(Path errorFolder, JobProgress progress) {
        this.errorFolder = errorFolder;
        this.progress = progress;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String input = exchange.getProperty(ExchangeKeys.INPUT, String.class);
        Files.createDirectories(errorFolder);
        Path report = errorFolder.resolve(InboxFiles.baseName(input) + ".error.txt");
        String requestId = exchange.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        Files.writeString(report, describe(input, error, requestId), StandardCharsets.UTF_8);
        Path prompt = exchange.getProperty(ExchangeKeys.PROMPT_FILE, Path.class);
        if (prompt != null && Files.exists(prompt)) {
            // the picture's prompt goes where the picture goes, so the two can be fixed and dropped in again
            InboxFiles.moveInto(prompt, errorFolder);
        }
        progress.failed(exchange, error, report);
    }

    /** @param requestId the job the message got as far as, if any */
    static String describe(String input, Throwable error, String requestId) {
        StringBuilder text = new StringBuilder();
        text.append(input).append(" was not processed.\n\n");
        text.append("What went wrong: ").append(error.getMessage()).append("\n\n");
        text.append("Error type:       ").append(error.getClass().getName()).append('\n');
        if (error instanceof SegmindException se) {
            if (se.getModel() != null) {
                text.append("Model:            ").append(se.getModel()).append('\n');
            }
            if (se instanceof SegmindValidationException ve && ve.getOption() != null) {
                text.append("Option to change: ").append(ve.getOption()).append('\n');
            }
            text.append("Request id:       ").append(se.getRequestId() != null ? se.getRequestId()
                    : "none, Segmind did not accept a job").append('\n');
            if (se.getHttpStatus() > 0) {
                text.append("HTTP status:      ").append(se.getHttpStatus()).append('\n');
            }
            if (se.getDetail() != null && !String.valueOf(error.getMessage()).contains(se.getDetail())) {
                text.append("Segmind said:     ").append(se.getDetail()).append('\n');
            }
            text.append('\n').append(billing(se)).append('\n');
        } else if (requestId != null) {
            // the job ran; what failed is this side (saving the result, for one)
            text.append("Request id:       ").append(requestId).append("\n\nSegmind ran this job, so it was billed;"
                    + " its output stays downloadable for about 7 days.\n");
        } else {
            text.append("\nNothing was sent to Segmind, so nothing was billed.\n");
        }
        text.append('\n').append(nextStep(input, error)).append('\n');
        text.append("Failed at ").append(Instant.now()).append('\n');
        return text.toString();
    }

    private static String nextStep(String input, Throwable error) {
        boolean requestIsWrong = error instanceof SegmindValidationException || error instanceof InboxFileException
                || error instanceof SegmindBadRequestException;
        return requestIsWrong
                ? "To try again: fix " + input + " (it is in this folder) and move it back into the inbox."
                : "To try again: move " + input + " (it is in this folder) back into the inbox once the problem"
                        + " above is solved.";
    }

    private static String billing(SegmindException error) {
        if (error instanceof SegmindValidationException) {
            return "Nothing was sent to Segmind, so nothing was billed.";
        }
        if (error instanceof SegmindSubmitUncertainException) {
            return "Segmind may have accepted the job before the connection failed; check your Segmind dashboard"
                    + " before sending it again, or it may be billed twice.";
        }
        if (error.getRequestId() != null) {
            return "Segmind accepted this job (request " + error.getRequestId() + "); it may have been billed.";
        }
        return "Segmind did not accept a job, so nothing was billed.";
    }
}
