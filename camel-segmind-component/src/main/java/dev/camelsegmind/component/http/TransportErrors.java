package dev.camelsegmind.component.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import dev.camelsegmind.component.engine.CallPhase;
import dev.camelsegmind.component.error.SegmindConnectionException;
import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.error.SegmindException;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.model.SafeText;

/**
 * A call that got no answer, as the typed exception every provider raises for it. On a write only a failure to
 * connect proves nothing was sent; anything later (a reset, a timeout while waiting) leaves acceptance uncertain.
 */
public final class TransportErrors {

    private TransportErrors() {
    }

    /**
     * @param provider   the provider as a user knows it ("Segmind")
     * @param hostOption the option that decides which hosts the key may go to, named when a call was refused
     */
    public static SegmindException of(String provider, String hostOption, CallPhase phase, Throwable failure,
                                      String requestId, String model) {
        Throwable t = SendFailures.unwrap(failure);
        if (t instanceof SegmindException se) {
            return se;
        }
        if (t instanceof UntrustedHostException u) {
            return new SegmindProtocolException("Not calling " + SafeText.forMessage(u.host(), 80) + " "
                    + describe(phase, model, requestId) + ": " + u.getMessage() + " (option " + hostOption + ")", 0,
                    null, requestId, model);
        }
        String where = describe(phase, model, requestId);
        if (t instanceof AnswerTooLargeException big) {
            if (!phase.isIdempotent() && phase != CallPhase.UPLOAD) {
                return new SegmindSubmitUncertainException(provider + "'s answer " + where + " is larger than "
                        + big.limit() + " bytes and was not read; the " + phase.name().toLowerCase(Locale.ROOT)
                        + " was probably accepted and billed, and it was not sent again to avoid paying twice", 0,
                        null, requestId, model, t);
            }
            // the same call would bring the same answer: a protocol error without an I/O cause, so never repeated
            return new SegmindProtocolException(provider + "'s answer " + where + " is larger than " + big.limit()
                    + " bytes, the most read for an API answer; it was cut off", 0, null, requestId, model);
        }
        if (t instanceof MediaDownload.TooLargeException && phase == CallPhase.SYNC) {
            return new SegmindDownloadException("The media " + provider + " answered " + where + " is larger than"
                    + " the limit (option maxMediaSize) and was cut off; the call was answered, so it was billed, and"
                    + " it is not repeated", 0, requestId, model, false, t);
        }
        if (!(t instanceof IOException)) {
            // thrown before anything reached the wire (a URL the client refuses, say): nothing was sent, and the
            // message is left out because a client may quote the refused value, which may be the API key
            return new SegmindException("The request " + where + " could not be sent: " + t.getClass().getSimpleName(),
                    0, null, requestId, model, null);
        }
        String what = t.getClass().getSimpleName() + (t.getMessage() != null
                ? ": " + SafeText.forMessage(t.getMessage(), 200) : "");
        // an upload is not billed: sending it again at worst stores the file twice
        if (phase.isIdempotent() || SendFailures.provesNothingSent(t) || phase == CallPhase.UPLOAD) {
            return new SegmindConnectionException("Could not reach " + provider + " " + where + " (" + what + ")", 0,
                    null, requestId, model, t);
        }
        String kind = t instanceof HttpTimeoutException || t instanceof SocketTimeoutException ? "timed out"
                : "failed";
        return new SegmindSubmitUncertainException("The connection " + kind + " after the request " + where
                + " was sent, so " + provider + " may have accepted and billed the job; it was not retried to avoid"
                + " paying twice (set retryUncertainSubmit=true to retry anyway) (" + what + ")", 0, null, requestId,
                model, t);
    }

    /** "(submit wan2.7-i2v, request abc)": the call a message is about. */
    public static String describe(CallPhase phase, String model, String requestId) {
        StringBuilder sb = new StringBuilder("(").append(phase.name().toLowerCase(Locale.ROOT));
        if (model != null) {
            sb.append(" ").append(model);
        }
        if (requestId != null) {
            sb.append(", request ").append(requestId);
        }
        return sb.append(")").toString();
    }
}
