package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A crun task: the job that renders it (state, timing, media, retention, owner) and what only crun knows of it.
 *
 * @param job         the job behind the task; its request id is the task id
 * @param param       the create request as sent, which {@code TaskInfo} and the callback echo as {@code param}
 * @param callbackUrl where the end of the task is POSTed, or {@code null}
 * @param credits     what the task was billed
 * @param createdAt   when it was accepted, on the simulator's clock
 */
record CrunTask(Job job, ObjectNode param, String callbackUrl, double credits, Instant createdAt) {

    String id() {
        return job.requestId();
    }

    String apiKey() {
        return job.apiKey();
    }
}
