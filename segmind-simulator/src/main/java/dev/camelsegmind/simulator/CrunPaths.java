package dev.camelsegmind.simulator;

import java.util.Set;

/** crun's URL layout, {@code /api/v1/client/job/CreateTask} and {@code /api/v1/client/job/TaskInfo}, onto routes. */
final class CrunPaths {

    private static final String[] PREFIX = {"api", "v1", "client", "job"};

    private CrunPaths() {
    }

    /** {@code segments} is the path split at slashes, starting with {@code "api"}. */
    static RouteMatch match(String[] segments) {
        if (segments.length != PREFIX.length + 1) {
            return RouteMatch.unknown();
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (!PREFIX[i].equals(segments[i])) {
                return RouteMatch.unknown();
            }
        }
        switch (segments[PREFIX.length]) {
            case "CreateTask":
                return RouteMatch.api(Route.CRUN_CREATE, null, null, null, Set.of("POST"));
            case "TaskInfo":
                return RouteMatch.api(Route.CRUN_TASK_INFO, null, null, null, Set.of("GET"));
            default:
                return RouteMatch.unknown();
        }
    }
}
