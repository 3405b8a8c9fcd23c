package dev.camelsegmind.component.http;


/** A keyed call was asked of a host the key may not go to; nothing was sent. */
public final class UntrustedHostException extends RuntimeException {

    private final String host;

    public UntrustedHostException(String host) {
        super("the API key is only sent to the API's own host and to trustedHosts, not to " + host);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
