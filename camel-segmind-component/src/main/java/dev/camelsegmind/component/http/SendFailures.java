package dev.camelsegmind.component.http;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * What a failed call tells about the request it carried, for every provider: a POST may be repeated only when the
 * failure proves the server never saw it.
 */
public final class SendFailures {

    private SendFailures() {
    }

    /**
     * Whether the request cannot have reached the server: the connection was never opened (refused, timed out while
     * connecting, an unknown host) or its TLS handshake failed, which precedes the request. A reset or a timeout after
     * the request left proves nothing.
     */
    public static boolean provesNothingSent(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof ConnectException || t instanceof ConnectTimeoutException
                || t instanceof SSLHandshakeException || t.getCause() instanceof SSLHandshakeException
                || t instanceof UnknownHostException || t.getCause() instanceof ConnectException;
    }

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
