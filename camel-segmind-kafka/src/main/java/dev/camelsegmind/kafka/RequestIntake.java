package dev.camelsegmind.kafka;

/**
 * What the store asks of the consumer that takes requests in: which offset a claim becomes durable with, and news of
 * claims made durable.
 */
interface RequestIntake {

    RequestIntake NONE = new RequestIntake() {
        @Override
        public OffsetCommit commitWithClaim(int partition, long offset) {
            throw new IllegalStateException("No request consumer runs: a request-bound claim cannot be made durable");
        }
    };

    /**
     * Called before the claim of the request at {@code offset} is written, under the partition's lock.
     *
     * @return the offset commit that goes into the claim's transaction
     * @throws IllegalStateException when this claim must not be sent: the request was taken in before (its offset
     *                               is committed) or its partition is no longer this node's
     */
    OffsetCommit commitWithClaim(int partition, long offset);

    /** The claim of the request at {@code offset} is durable, and its offset committed. */
    default void claimed(int partition, long offset) {
    }
}
