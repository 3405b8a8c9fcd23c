package dev.camelsegmind.component.http;

/**
 * A provider's key, the header it travels in, and where it may go. Its {@code toString} never shows the key.
 */
public record ApiKey(String header, String value, KeyPolicy policy) {

    @Override
    public String toString() {
        return "ApiKey[" + header + "=****, host " + policy.apiHost() + "]";
    }
}
