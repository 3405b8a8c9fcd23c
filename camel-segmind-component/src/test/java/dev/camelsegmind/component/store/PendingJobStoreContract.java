package dev.camelsegmind.component.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link PendingJobStore} promises the engine, as one suite any store runs by extending this class and
 * saying how to make one: {@link #createStore(Clock)}. The claim ({@code putIfAbsent}) decides which delivery of a
 * message pays for its job, so it is raced from many threads; expiry is checked on a clock the test moves.
 * <p>
 * A store that cannot do something by its nature says so through the hooks ({@link #canList()},
 * {@link #reopen(PendingJobStore, Clock)}, {@link #claimIsAtomicAcrossInstances()}); the matching tests are then
 * skipped, not passed. Another module reuses the suite through this module's test jar.
 */
public abstract class PendingJobStoreContract {

    /** How many threads race one claim. */
    protected static final int RACERS = 24;

    protected final MutableClock clock = new MutableClock(Instant.parse("2031-05-04T10:00:00Z"));
    protected PendingJobStore store;
    private final List<PendingJobStore> opened = new ArrayList<>();

    /** A new, empty store that reads the time from {@code clock}. */
    protected abstract PendingJobStore createStore(Clock clock) throws Exception;

    /** Whether {@link PendingJobStore#list()} returns the entries (a Camel StateRepository cannot list). */
    protected boolean canList() {
        return true;
    }

    /**
     * A second instance over the same storage as {@code store}, as another JVM or a restarted one would open it; null
     * when the store keeps nothing outside its instance (memory).
     */
    protected PendingJobStore reopen(PendingJobStore store, Clock clock) throws Exception {
        return null;
    }

    /**
     * Whether two instances over the same storage both keep writing (a shared directory, a database); false for a
     * store where opening a second instance takes the storage over from the first (one writer per partition).
     */
    protected boolean instancesWriteTogether() {
        return true;
    }

    /** Whether two instances over the same storage still let exactly one of them win a claim. */
    protected boolean claimIsAtomicAcrossInstances() {
        return true;
    }

    /** Releases what a store holds (connections, files); called for every store the suite made. */
    protected void close(PendingJobStore store) throws Exception {
    }

    @BeforeEach
    void openStore() throws Exception {
        store = track(createStore(clock));
    }

    @AfterEach
    void closeStores() throws Exception {
        for (PendingJobStore s : opened) {
            close(s);
        }
        opened.clear();
    }

    private PendingJobStore track(PendingJobStore s) {
        opened.add(s);
        return s;
    }

    // --- entries

    protected PendingJob submitting(String key, String owner) {
        Instant now = clock.instant();
        return PendingJob.submitting(key, "segmind", "wan2.7-i2v", now, now.plus(Duration.ofHours(1)), owner,
                Map.of("order", "4711", "file", "clip 01.txt"));
    }

    protected PendingJob accepted(String key, String requestId) {
        Instant at = clock.instant();
        return submitting(key, "node-a").accepted(requestId, "https://api.example/status https://api.example/result",
                at, at.plus(Duration.ofHours(1)));
    }

    // --- put, find, remove

    @Test
    void aClaimWritesWhenTheKeyIsFreeAndOtherwiseReturnsWhatIsThere() {
        PendingJob first = submitting("wan2.7-i2v:msg-1", "node-a");
        assertThat(store.putIfAbsent(first)).isEmpty();
        Optional<PendingJob> second = store.putIfAbsent(submitting("wan2.7-i2v:msg-1", "node-b"));
        assertThat(second).contains(first);
        assertThat(store.find("wan2.7-i2v:msg-1")).contains(first);
    }

    @Test
    void putReplacesTheEntryAndEveryFieldRoundTrips() {
        store.putIfAbsent(submitting("k", "node-a"));
        PendingJob accepted = accepted("k", "req-1");
        store.put(accepted);
        PendingJob found = store.find("k").orElseThrow();
        assertThat(found).isEqualTo(accepted);
        assertThat(found.state()).isEqualTo(PendingJob.State.ACCEPTED);
        assertThat(found.attributes()).containsEntry("order", "4711").containsEntry("file", "clip 01.txt");

        PendingJob uncertain = found.uncertain("answered 504 after the POST was sent", clock.instant(),
                clock.instant().plus(Duration.ofHours(1)));
        store.put(uncertain);
        assertThat(store.find("k")).contains(uncertain);
    }

    @Test
    void findOfAnUnknownKeyIsEmpty() {
        assertThat(store.find("never-written")).isEmpty();
    }

    @Test
    void removeDeletesSoTheKeyCanBeClaimedAgain() {
        store.putIfAbsent(submitting("k", "node-a"));
        store.remove("k");
        assertThat(store.find("k")).isEmpty();
        if (canList()) {
            assertThat(store.list()).extracting(PendingJob::jobKey).doesNotContain("k");
        }
        assertThat(store.putIfAbsent(submitting("k", "node-b"))).isEmpty();
        assertThat(store.find("k")).map(PendingJob::owner).contains("node-b");
    }

    @Test
    void removingAnAbsentKeyIsHarmless() {
        store.remove("never-written");
        assertThat(store.find("never-written")).isEmpty();
    }

    @Test
    void awkwardKeysAreKeptApart() {
        // keys are user expressions: file names, broker ids, anything
        List<String> keys = List.of("line\nbreak", "a=b", "../../etc/passwd", "..\\..\\boot.ini", "ünïcødé ✓ 画像",
                "", " ", "x".repeat(2000), "k", "K", "tab\there", "#comment", "semi;colon,comma");
        for (int i = 0; i < keys.size(); i++) {
            assertThat(store.putIfAbsent(accepted(keys.get(i), "req-" + i))).as("claim of key %d", i).isEmpty();
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(store.find(keys.get(i))).as("key %d", i).map(PendingJob::requestId).contains("req-" + i);
            assertThat(store.find(keys.get(i)).orElseThrow().jobKey()).isEqualTo(keys.get(i));
        }
        if (canList()) {
            assertThat(store.list()).extracting(PendingJob::jobKey).containsExactlyInAnyOrderElementsOf(keys);
        }
        store.remove("../../etc/passwd");
        assertThat(store.find("../../etc/passwd")).isEmpty();
        assertThat(store.find("..\\..\\boot.ini")).isPresent();
    }

    // --- list

    @Test
    void listShowsEveryEntryInEveryState() {
        assumeTrue(canList(), "this store cannot list");
        store.putIfAbsent(submitting("submitting", "node-a"));
        store.put(accepted("accepted", "req-1"));
        store.put(accepted("uncertain", "req-2").uncertain("504", clock.instant(),
                clock.instant().plus(Duration.ofHours(1))));
        assertThat(store.list()).extracting(PendingJob::jobKey, PendingJob::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("submitting", PendingJob.State.SUBMITTING),
                org.assertj.core.groups.Tuple.tuple("accepted", PendingJob.State.ACCEPTED),
                org.assertj.core.groups.Tuple.tuple("uncertain", PendingJob.State.UNCERTAIN));
    }

    @Test
    void anEmptyStoreListsNothing() {
        assumeTrue(canList(), "this store cannot list");
        assertThat(store.list()).isEmpty();
    }

    // --- expiry

    @Test
    void anEntryIsKeptUntilItExpires() {
        store.put(accepted("k", "req-1"));
        clock.advance(Duration.ofMinutes(59));
        assertThat(store.find("k")).isPresent();
        if (canList()) {
            assertThat(store.list()).hasSize(1);
        }
    }

    @Test
    void anExpiredEntryIsNeverReturnedAndItsKeyIsFree() {
        store.put(accepted("k", "req-1"));
        store.put(accepted("listed", "req-2"));
        clock.advance(Duration.ofHours(1));
        assertThat(store.find("k")).isEmpty();
        if (canList()) {
            assertThat(store.list()).isEmpty();
        }
        assertThat(store.putIfAbsent(submitting("listed", "node-b"))).as("claim over an expired entry").isEmpty();
        assertThat(store.find("listed")).map(PendingJob::state).contains(PendingJob.State.SUBMITTING);
    }

    @Test
    void anEntryWithoutExpiryStays() {
        store.put(new PendingJob("k", PendingJob.State.ACCEPTED, "segmind", "m", "req-1", null, clock.instant(), null,
                null, null, null));
        clock.advance(Duration.ofDays(400));
        assertThat(store.find("k")).map(PendingJob::requestId).contains("req-1");
    }

    // --- concurrency

    @Test
    void manyThreadsClaimingOneKeyHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round;
            List<Optional<PendingJob>> answers = race(RACERS, i -> store.putIfAbsent(submitting(key, "racer-" + i)));
            assertOneWinner(key, answers, store);
        }
    }

    @Test
    void manyThreadsClaimingManyKeysWinEachKeyOnce() throws Exception {
        int keys = 40;
        Set<String> won = ConcurrentHashMap.newKeySet();
        List<Optional<PendingJob>> answers = race(RACERS, i -> {
            Optional<PendingJob> last = Optional.empty();
            for (int k = 0; k < keys; k++) {
                // every racer walks the keys from another start, so claims of one key collide at different times
                String key = "key-" + ((k + i) % keys);
                Optional<PendingJob> found = store.putIfAbsent(submitting(key, "racer-" + i));
                if (found.isEmpty() && !won.add(key)) {
                    throw new AssertionError("key " + key + " was won twice");
                }
                last = found;
            }
            return last;
        });
        assertThat(answers).hasSize(RACERS);
        assertThat(won).hasSize(keys);
        if (canList()) {
            assertThat(store.list()).hasSize(keys);
        }
    }

    @Test
    void anotherInstanceOverTheSameStorageSeesTheEntries() throws Exception {
        store.put(accepted("k", "req-1"));
        if (canList()) {
            store.put(accepted("listed", "req-2"));
        }
        // opened after the writes, as a restarted JVM or a node taking the work over opens it
        PendingJobStore other = reopen(store, clock);
        assumeTrue(other != null, "this store keeps nothing outside its instance");
        track(other);
        assertThat(other.find("k")).map(PendingJob::requestId).contains("req-1");
        assertThat(other.putIfAbsent(submitting("k", "node-b"))).map(PendingJob::requestId).contains("req-1");
        other.remove("k");
        assertThat(other.find("k")).isEmpty();
        if (canList()) {
            assertThat(other.list()).extracting(PendingJob::jobKey).containsExactly("listed");
        }
        if (instancesWriteTogether()) {
            // both stay writers: each sees what the other did since
            assertThat(store.find("k")).isEmpty();
            store.put(accepted("late", "req-3"));
            assertThat(other.find("late")).map(PendingJob::requestId).contains("req-3");
        }
    }

    @Test
    void twoInstancesClaimingOneKeyHaveExactlyOneWinner() throws Exception {
        assumeTrue(claimIsAtomicAcrossInstances(), "this store's claim is atomic within one instance only");
        PendingJobStore other = reopen(store, clock);
        assumeTrue(other != null, "this store keeps nothing outside its instance");
        track(other);
        for (int round = 0; round < 5; round++) {
            String key = "shared-race-" + round;
            List<Optional<PendingJob>> answers = race(RACERS,
                    i -> (i % 2 == 0 ? store : other).putIfAbsent(submitting(key, "racer-" + i)));
            assertOneWinner(key, answers, other);
        }
    }

    private static void assertOneWinner(String key, List<Optional<PendingJob>> answers, PendingJobStore reader) {
        assertThat(answers.stream().filter(Optional::isEmpty).count()).as("winners of " + key).isEqualTo(1);
        PendingJob stored = reader.find(key).orElseThrow();
        // every loser was shown the winner's entry, not one of its own
        assertThat(answers.stream().flatMap(Optional::stream)).allSatisfy(seen -> assertThat(seen).isEqualTo(stored));
    }

    /** Runs {@code n} callers released at the same instant and returns their answers. */
    protected static <T> List<T> race(int n, IndexedCall<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> c = () -> {
                    ready.countDown();
                    go.await();
                    return call.call(index);
                };
                futures.add(pool.submit(c));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One racer's call. */
    @FunctionalInterface
    protected interface IndexedCall<T> {
        T call(int index) throws Exception;
    }
}
