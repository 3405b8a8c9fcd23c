package dev.camelsegmind.component.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a store says when it drops an entry whose provider has forgotten the job. */
final class Expiry {

    private static final Logger LOG = LoggerFactory.getLogger(Expiry.class);

    private Expiry() {
    }

    /** An accepted job that expired was paid for and never delivered: worth a warning, not silence. */
    static void dropped(PendingJob job) {
        if (job.state() == PendingJob.State.ACCEPTED) {
            LOG.warn("The pending {} job {} of {} expired at {} before its media was delivered; its entry is removed"
                    + " and a new delivery of its message submits a new job", job.provider(), job.requestId(),
                    job.model(), job.expiresAt());
        } else {
            LOG.info("Removing the expired {} pending-job entry of {} ({})", job.state(), job.model(), job.since());
        }
    }
}
