package dev.camelsegmind.simulator;

import java.util.Set;

/**
 * Where a path leads, before the method is checked: a known path with the wrong method earns
 * a 405, an unknown path a 404.
 *
 * @param route     the API route, or {@code null} for admin and unknown paths
 * @param admin     the simulator's own endpoint under {@code /_sim/}: {@code "journal"}, {@code "jobs"},
 *                  {@code "faults"}, {@code "fault"} (one, by id) or {@code "reset"}
 * @param adminId   the fault id on {@code /_sim/faults/{id}}
 * @param slug      the model slug on SUBMIT and SYNC
 * @param requestId the id on job routes
 * @param fileName  the last segment on MEDIA and ASSET
 * @param methods   the methods the path accepts
 */
record RouteMatch(Route route, String admin, String adminId, String slug, String requestId, String fileName,
        Set<String> methods) {

    private static final RouteMatch UNKNOWN = new RouteMatch(null, null, null, null, null, null, Set.of());

    static RouteMatch unknown() {
        return UNKNOWN;
    }

    static RouteMatch api(Route route, String slug, String requestId, String fileName, Set<String> methods) {
        return new RouteMatch(route, null, null, slug, requestId, fileName, methods);
    }

    static RouteMatch admin(String name, String id, Set<String> methods) {
        return new RouteMatch(null, name, id, null, null, null, methods);
    }

    boolean known() {
        return route != null || admin != null;
    }

    boolean allows(String method) {
        return methods.contains(method);
    }
}
