package dev.camelsegmind.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelsegmind.component.engine.JobHandle;
import dev.camelsegmind.component.engine.JobResult;
import dev.camelsegmind.component.engine.JobStatus;
import dev.camelsegmind.component.engine.MediaRef;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.component.support.Numbers;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes a job's outcome onto the message: the body per output type, and the documented headers. */
final class SegmindResultSupport {

    private SegmindResultSupport() {
    }

    static void applySubmitted(Message out, JobHandle handle) {
        applyJob(out, handle);
        out.setHeader(SegmindConstants.STATUS, "QUEUED");
        out.setBody(handle.requestId());
    }

    /**
     * The job's identity. Segmind's locator is its two URLs, shown as headers of their own; another provider's
     * locator only travels as CamelSegmindJobLocator.
     */
    private static void applyJob(Message out, JobHandle handle) {
        out.setHeader(SegmindConstants.REQUEST_ID, handle.requestId());
        out.setHeader(SegmindConstants.JOB_MODEL, handle.model());
        String locator = handle.locator();
        if (locator == null) {
            out.removeHeader(SegmindConstants.JOB_LOCATOR);
            out.removeHeader(SegmindConstants.STATUS_URL);
            out.removeHeader(SegmindConstants.RESPONSE_URL);
            return;
        }
        out.setHeader(SegmindConstants.JOB_LOCATOR, locator);
        String[] urls = locator.split(" ");
        if (urls.length == 2 && urls[0].startsWith("http") && urls[1].startsWith("http")) {
            out.setHeader(SegmindConstants.STATUS_URL, urls[0]);
            out.setHeader(SegmindConstants.RESPONSE_URL, urls[1]);
        }
    }

    static void applySyncHeaders(Message out, String requestId, String model, Map<String, Object> metrics) {
        out.setHeader(SegmindConstants.REQUEST_ID, requestId);
        out.setHeader(SegmindConstants.JOB_MODEL, model);
        out.setHeader(SegmindConstants.STATUS, "COMPLETED");
        if (metrics.get("remaining_credits") != null) {
            setNumber(out, SegmindConstants.REMAINING_CREDITS, metrics.get("remaining_credits"));
        }
        if (metrics.get("cost") != null) {
            setNumber(out, SegmindConstants.COST, metrics.get("cost"));
        }
        if (metrics.get("inference_time") != null) {
            setNumber(out, SegmindConstants.INFERENCE_TIME, metrics.get("inference_time"));
        }
        if (metrics.get("seed_value") != null) {
            out.setHeader(SegmindConstants.SEED_VALUE, metrics.get("seed_value"));
        }
    }

    static void applyStatus(Message out, JobStatus status, String model) {
        out.setHeader(SegmindConstants.REQUEST_ID, status.requestId());
        out.setHeader(SegmindConstants.JOB_MODEL, model);
        out.setHeader(SegmindConstants.STATUS, status.state().name());
        if (status.detail() != null) {
            out.setHeader(SegmindConstants.ERROR, status.detail());
        }
        applyMetrics(out, status.metrics());
        out.setBody(status.raw());
    }

    static void applyResult(Message out, JobResult result, List<SegmindMedia> media, SegmindOutputType outputType) {
        JobHandle h = result.handle();
        applyJob(out, h);
        out.setHeader(SegmindConstants.STATUS, "COMPLETED");
        out.setHeader(SegmindConstants.RESUMED, result.resumed());
        applyMetrics(out, result.metrics());
        List<String> urls = new ArrayList<>();
        for (MediaRef ref : result.outputs()) {
            if (ref.url() != null) {
                urls.add(ref.url());
            }
        }
        if (!urls.isEmpty()) {
            out.setHeader(SegmindConstants.OUTPUT_URL, urls.get(0));
            out.setHeader(SegmindConstants.OUTPUT_URLS, urls);
        }
        switch (outputType) {
            case json:
                out.setBody(result.raw());
                break;
            case url:
                out.setBody(urls.size() == 1 ? urls.get(0) : urls);
                if (!result.outputs().isEmpty() && result.outputs().get(0).contentType() != null) {
                    out.setHeader(SegmindConstants.CONTENT_TYPE, result.outputs().get(0).contentType());
                }
                break;
            default:
                applyMedia(out, media, h.requestId(), result.raw().get("output"));
        }
    }

    static void applyMedia(Message out, List<SegmindMedia> media, String requestId, Object rawOutput) {
        if (media.isEmpty()) {
            // a model whose output is not media (text, JSON): hand over the output itself
            out.setBody(rawOutput);
            return;
        }
        SegmindMedia first = media.get(0);
        out.setHeader(SegmindConstants.CONTENT_TYPE, first.getContentType());
        if (media.size() == 1) {
            out.setHeader(Exchange.FILE_NAME, first.getFileName());
            out.setBody(first);
        } else {
            // an image set: split(body()) gives one SegmindMedia each; name files with ${body.fileName}
            out.setBody(new ArrayList<>(media));
        }
    }

    static void applyMetrics(Message out, Map<String, Object> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return;
        }
        out.setHeader(SegmindConstants.METRICS, metrics);
        setNumber(out, SegmindConstants.INFERENCE_TIME, metrics.get("inference_time"));
        setNumber(out, SegmindConstants.QUEUE_TIME, metrics.get("queue_time"));
        setNumber(out, SegmindConstants.TOTAL_TIME, metrics.get("total_time"));
        setNumber(out, SegmindConstants.COST, metrics.get("cost"));
        setNumber(out, SegmindConstants.REMAINING_CREDITS, metrics.get("remaining_credits"));
    }

    static void setNumber(Message out, String header, Object value) {
        Double d = Numbers.toDouble(value);
        if (d != null) {
            out.setHeader(header, d);
        }
    }
}
