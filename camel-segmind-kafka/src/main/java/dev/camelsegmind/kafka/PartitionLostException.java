package dev.camelsegmind.kafka;

/**
 * A pending-job store call on a partition of the pending topic that this node does not own (any more). Its jobs are
 * followed by the node that owns the partition now; nothing of the call was written.
 */
public class PartitionLostException extends PendingStoreException {

    private final int partition;

    public PartitionLostException(String topic, int partition, String why, Throwable cause) {
        super("Partition " + partition + " of " + topic + " is not written by this node: " + why, cause);
        this.partition = partition;
    }

    public int partition() {
        return partition;
    }
}
