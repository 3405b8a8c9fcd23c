package dev.camelsegmind.component.http;

import org.apache.hc.core5.http.Header;

/**
 * The header that carries the API key. The client writes its value on the wire, and prints a header as its
 * {@code toString} when its header log is on (DEBUG of {@code org.apache.hc.client5.http.headers}): this one prints
 * only its name, so no log level shows the key.
 */
final class SecretHeader implements Header {

    private final String name;
    private final String value;

    SecretHeader(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public boolean isSensitive() {
        return true;
    }

    @Override
    public String toString() {
        return name + ": ****";
    }
}
