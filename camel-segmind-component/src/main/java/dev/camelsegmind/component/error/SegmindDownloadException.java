package dev.camelsegmind.component.error;

/**
 * The media behind an output URL could not be downloaded whole: truncated, refused, or over the size limit. A
 * truncated or failed download is retried while Segmind still keeps the result; one over the limit is not.
 */
public class SegmindDownloadException extends SegmindException {

    private final boolean retryable;

    public SegmindDownloadException(String message, int httpStatus, String requestId, String model, boolean retryable,
                                    Throwable cause) {
        super(message, httpStatus, null, requestId, model, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
