package dev.camelsegmind.simulator;

import java.util.Set;
import java.util.regex.Pattern;

/** Maps Segmind's URL layout onto routes. */
final class PathRouter {

    /** Segmind's slugs; the raw path is matched so percent-escapes never sneak through. */
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Set<String> GET = Set.of("GET");
    private static final Set<String> GET_HEAD = Set.of("GET", "HEAD");
    private static final Set<String> POST = Set.of("POST");
    private static final Set<String> GET_POST = Set.of("GET", "POST");
    private static final Set<String> DELETE = Set.of("DELETE");
    private static final Set<String> GET_POST_DELETE = Set.of("GET", "POST", "DELETE");

    private PathRouter() {
    }

    static RouteMatch match(String rawPath) {
        String[] s = segments(rawPath);
        if (s.length == 0) {
            return RouteMatch.unknown();
        }
        switch (s[0]) {
            case "v2":
                return v2(s);
            case "v1":
                return v1(s);
            case "media":
                return s.length == 2 ? RouteMatch.api(Route.MEDIA, null, null, s[1], GET_HEAD) : RouteMatch.unknown();
            case "assets":
                return s.length == 2 ? RouteMatch.api(Route.ASSET, null, null, s[1], GET_HEAD) : RouteMatch.unknown();
            case "upload-asset":
                return s.length == 1 ? RouteMatch.api(Route.UPLOAD, null, null, null, POST) : RouteMatch.unknown();
            case "api":
                return CrunPaths.match(s);
            case "_sim":
                return admin(s);
            default:
                return RouteMatch.unknown();
        }
    }

    /** The simulator's own endpoints; not Segmind's, so no key, no rate limit, no faults. */
    private static RouteMatch admin(String[] s) {
        if (s.length == 3 && s[1].equals("faults")) {
            return RouteMatch.admin("fault", s[2], DELETE);
        }
        if (s.length == 3 && s[1].equals("callback-faults")) {
            return RouteMatch.admin("callback-fault", s[2], DELETE);
        }
        if (s.length != 2) {
            return RouteMatch.unknown();
        }
        switch (s[1]) {
            case "journal":
            case "jobs":
                return RouteMatch.admin(s[1], null, GET);
            case "faults":
            case "callback-faults":
                return RouteMatch.admin(s[1], null, GET_POST_DELETE);
            case "crun":
                return RouteMatch.admin(s[1], null, GET_POST);
            case "reset":
                return RouteMatch.admin(s[1], null, POST);
            case "clock":
                return RouteMatch.admin(s[1], null, GET_POST);
            default:
                return RouteMatch.unknown();
        }
    }

    private static RouteMatch v2(String[] s) {
        if (s.length == 4 && s[1].equals("requests") && s[3].equals("status")) {
            return RouteMatch.api(Route.STATUS, null, s[2], null, GET);
        }
        if (s.length == 3 && s[1].equals("requests")) {
            return RouteMatch.api(Route.RESULT, null, s[2], null, GET);
        }
        if (s.length == 2 && SLUG.matcher(s[1]).matches()) {
            return RouteMatch.api(Route.SUBMIT, s[1], null, null, POST);
        }
        return RouteMatch.unknown();
    }

    private static RouteMatch v1(String[] s) {
        if (s.length == 2 && s[1].equals("get-user-credits")) {
            return RouteMatch.api(Route.CREDITS, null, null, null, GET);
        }
        if (s.length == 3 && s[1].equals("requests")) {
            return RouteMatch.api(Route.POLL_V1, null, s[2], null, GET);
        }
        if (s.length == 2 && SLUG.matcher(s[1]).matches()) {
            return RouteMatch.api(Route.SYNC, s[1], null, null, POST);
        }
        return RouteMatch.unknown();
    }

    private static String[] segments(String rawPath) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        String[] parts = trimmed.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                return new String[0];
            }
        }
        return parts;
    }
}
