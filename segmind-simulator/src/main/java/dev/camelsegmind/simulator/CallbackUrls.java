package dev.camelsegmind.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the simulator allows as a callback URL, and how it forges one. */
final class CallbackUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private CallbackUrls() {
    }

    /** An absolute http(s) URL with a host, or empty: what a create request may name as {@code callback_url}. */
    static Optional<URI> parse(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // not a URL at all
        }
        return Optional.empty();
    }

    /**
     * Whether the host is this machine's loopback (127.0.0.0/8, ::1, localhost). Only literal addresses and
     * {@code localhost} count: resolving any other name could already reach a network, which no test may.
     */
    static boolean loopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]")
                || (IPV4_LOOPBACK.matcher(h).matches() && octets(h));
    }

    /**
     * The URL with its token altered: the value of query parameter {@code parameter} if the URL has one, else
     * the last path segment. Each letter and digit moves to the next one, so the forgery has the token's length and
     * alphabet and only a comparison of the whole token tells them apart.
     */
    static URI forgeToken(URI uri, String parameter) {
        String query = uri.getRawQuery();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String prefix = parameter + "=";
        if (query != null) {
            String[] pairs = query.split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                if (pairs[i].startsWith(prefix)) {
                    pairs[i] = prefix + alter(pairs[i].substring(prefix.length()));
                    return rebuild(uri, path, String.join("&", pairs));
                }
            }
        }
        int slash = path.lastIndexOf('/');
        return rebuild(uri, path.substring(0, slash + 1) + alter(path.substring(slash + 1)), query);
    }

    static String alter(String token) {
        StringBuilder forged = new StringBuilder(token.length());
        boolean changed = false;
        for (char c : token.toCharArray()) {
            char next = c >= '0' && c <= '9' ? (char) ('0' + (c - '0' + 1) % 10)
                    : c >= 'a' && c <= 'z' ? (char) ('a' + (c - 'a' + 1) % 26)
                    : c >= 'A' && c <= 'Z' ? (char) ('A' + (c - 'A' + 1) % 26) : c;
            changed |= next != c;
            forged.append(next);
        }
        return changed ? forged.toString() : token + "forged";
    }

    private static URI rebuild(URI uri, String rawPath, String rawQuery) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + rawPath
                + (rawQuery == null ? "" : "?" + rawQuery));
    }

    private static boolean octets(String ipv4) {
        for (String octet : ipv4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
