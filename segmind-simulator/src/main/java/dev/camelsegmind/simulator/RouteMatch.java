package dev.camelsegmind.simulator;

import java.util.Set;

/**
 * Where a path leads, before the method is checked: a known path with the wrong method earns
 * a 405, an unknown path a 404.
 *
 * @param route     the API route, or {@code null} for admin and unknown paths
 * @param admin     {@code "journal"} or {@code "jobs"} for the simulator's own endpoints
 * @param slug      the model slug on SUBMIT and SYNC
 * @param requestId the id on job routes
 * @param fileName  the last segment on MEDIA and ASSET
 * @param methods   the methods the path accepts
 */
record RouteMatch(Route route, String admin, String slug, String requestId, String fileName, Set<String> methods) {

    private static final RouteMatch UNKNOWN = new RouteMatch(null, null, null, null, null, Set.of());

    static RouteMatch unknown() {
        return UNKNOWN;
    }

    static RouteMatch api(Route route, String slug, String requestId, String fileName, Set<String> methods) {
        return new RouteMatch(route, null, slug, requestId, fileName, methods);
    }

    static RouteMatch admin(String name) {
        return new RouteMatch(null, name, null, null, null, Set.of("GET"));
    }

    boolean known() {
        return route != null || admin != null;
    }

    boolean allows(String method) {
        return methods.contains(method);
    }
}
