package dev.camelsegmind.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The four topics of a scale-out cluster, as they must be: requests and pending jobs with the same partition count
 * (the owner of request partition P owns pending partition P), the pending topic compacted so that a finished job's
 * tombstone really drops it. Topics that exist are left as they are.
 */
public final class ScaleOutTopics {

    private final String requests;
    private final String pending;
    private final String results;
    private final String deadLetters;

    public ScaleOutTopics(String requests, String pending, String results, String deadLetters) {
        this.requests = requests;
        this.pending = pending;
        this.results = results;
        this.deadLetters = deadLetters;
    }

    /**
     * Creates whichever of the four topics is missing.
     *
     * @param partitions how many nodes can share the work at most; see docs/scale-out.md for sizing
     */
    public void create(Admin admin, int partitions, short replicationFactor) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> topics = new ArrayList<>();
        if (!existing.contains(requests)) {
            topics.add(new NewTopic(requests, partitions, replicationFactor));
        }
        if (!existing.contains(pending)) {
            topics.add(new NewTopic(pending, partitions, replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    // tombstones stay a day so a node that reads the partition later still sees the removal
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(24 * 3600 * 1000L),
                    // small segments are compacted soon: an hour's jobs, not a week's, stay on disk
                    TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(3600 * 1000L),
                    TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1")));
        }
        for (String t : new String[] { results, deadLetters }) {
            if (!existing.contains(t)) {
                topics.add(new NewTopic(t, partitions, replicationFactor));
            }
        }
        if (topics.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // another node created them at the same moment: fine
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }

    public String requests() {
        return requests;
    }

    public String pending() {
        return pending;
    }

    public String results() {
        return results;
    }

    public String deadLetters() {
        return deadLetters;
    }
}
