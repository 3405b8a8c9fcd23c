package dev.camelsegmind.component.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory of entries keeps the contract across instances too: two stores on one directory stand for two JVMs
 * sharing it, or a JVM and its restart.
 */
class FilePendingJobStoreContractTest extends ComponentStoreContract {

    @TempDir
    Path dir;

    @Override
    protected PendingJobStore createStore(Clock clock) {
        return new FilePendingJobStore(dir.resolve("pending"), clock);
    }

    @Override
    protected PendingJobStore reopen(PendingJobStore store, Clock clock) {
        return new FilePendingJobStore(((FilePendingJobStore) store).directory(), clock);
    }

    @Test
    void aRemovedEntryLeavesNoFileAndNoKeyNamesAFile() throws Exception {
        store.put(accepted("../../escape\nkey=1", "req-1"));
        store.putIfAbsent(submitting("other", "node-a"));
        try (Stream<Path> files = Files.list(dir.resolve("pending"))) {
            // file names are digests: no key reaches the file system as a path
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(2).allMatch(name -> name.matches("[0-9a-f]{64}\\.json"));
        }
        try (Stream<Path> outside = Files.list(dir)) {
            assertThat(outside.map(p -> p.getFileName().toString())).containsExactly("pending");
        }
        store.remove("../../escape\nkey=1");
        store.remove("other");
        try (Stream<Path> files = Files.list(dir.resolve("pending"))) {
            assertThat(files).as("removal is a real delete, no tombstone, no temporary file").isEmpty();
        }
    }

    @Test
    void anUnreadableEntryIsDroppedAndItsKeyCanBeClaimed() throws Exception {
        store.putIfAbsent(submitting("k", "node-a"));
        try (Stream<Path> files = Files.list(dir.resolve("pending"))) {
            Files.writeString(files.findFirst().orElseThrow(), "{\"jobKey\": \"k\", \"state\": \"ACC");
        }
        assertThat(store.find("k")).isEmpty();
        assertThat(store.putIfAbsent(submitting("k", "node-b"))).isEmpty();
    }
}
