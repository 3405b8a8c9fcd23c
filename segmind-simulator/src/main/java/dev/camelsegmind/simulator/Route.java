package dev.camelsegmind.simulator;

/**
 * The endpoints the simulator answers, used to aim faults and to count journal entries.
 */
public enum Route {
    /** {@code POST /v2/{slug}}: queue an async job. */
    SUBMIT(true, true),
    /** {@code GET /v2/requests/{id}/status}. */
    STATUS(true, true),
    /** {@code GET /v2/requests/{id}}. */
    RESULT(true, true),
    /** {@code GET /v1/requests/{id}}: the older poll URL, status plus output. */
    POLL_V1(true, true),
    /** {@code POST /v1/{slug}}: blocking call that answers with the media. */
    SYNC(true, true),
    /** {@code GET /media/...}: generated outputs, public like Segmind's CDN. */
    MEDIA(false, false),
    /** {@code POST /upload-asset}. */
    UPLOAD(true, true),
    /** {@code GET /assets/...}: uploaded files, public so a model could fetch them. */
    ASSET(false, false),
    /** {@code GET /v1/get-user-credits}: keyed but free, so never rate limited. */
    CREDITS(true, false),
    /** crun.ai's {@code POST /api/v1/client/job/CreateTask}: create (and bill) a task; see {@link Crun}. */
    CRUN_CREATE(true, true),
    /** crun.ai's {@code GET /api/v1/client/job/TaskInfo?task_id=...}: a task's state and result. */
    CRUN_TASK_INFO(true, true),
    /**
     * Outgoing: the callbacks the simulator POSTs to a crun task's {@code callback_url}. Journaled, never
     * requested; their faults are {@link CallbackFault}s, not {@link Fault}s.
     */
    CRUN_CALLBACK(false, false);

    private final boolean keyed;
    private final boolean rateLimited;

    Route(boolean keyed, boolean rateLimited) {
        this.keyed = keyed;
        this.rateLimited = rateLimited;
    }

    /** Whether the route demands an {@code x-api-key}. */
    public boolean keyed() {
        return keyed;
    }

    /** Whether a request on this route counts toward the per-minute limit. */
    public boolean rateLimited() {
        return rateLimited;
    }
}
