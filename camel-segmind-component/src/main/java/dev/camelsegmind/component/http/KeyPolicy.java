package dev.camelsegmind.component.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule for where an API key may go: to the host of the API's base URL (any port, same scheme family), and to
 * hosts the user listed as trusted; never to any other host, whatever an answer or a stored job names.
 */
public final class KeyPolicy {

    private final String apiHost;
    private final Set<String> trustedHosts;

    public KeyPolicy(String baseUrl, Set<String> trustedHosts) {
        this.apiHost = hostOf(URI.create(baseUrl));
        this.trustedHosts = trustedHosts == null ? Set.of()
                : trustedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the key may be sent with a call to {@code uri}. */
    public boolean allows(URI uri) {
        String host = hostOf(uri);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return host != null && (scheme.equals("http") || scheme.equals("https"))
                && (host.equals(apiHost) || trustedHosts.contains(host));
    }

    public String apiHost() {
        return apiHost;
    }

    private static String hostOf(URI uri) {
        return uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    }
}
