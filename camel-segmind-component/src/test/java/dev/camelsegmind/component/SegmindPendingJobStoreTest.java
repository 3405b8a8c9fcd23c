package dev.camelsegmind.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.camelsegmind.component.store.FilePendingJobStore;
import dev.camelsegmind.component.store.MemoryPendingJobStore;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.component.store.PendingJobStore;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the producer asks of its PendingJobStore, seen from the store: the key is claimed before the submit, the
 * accepted job is written before its first status read, the entry is removed once the exchange completes; and a file
 * store keeps a job across a restart whatever characters its key holds.
 */
class SegmindPendingJobStoreTest extends SegmindTestSupport {

    private final RecordingStore recording = new RecordingStore(new MemoryPendingJobStore());

    @TempDir
    Path dir;

    @Override
    protected void configureComponent(SegmindComponent component) {
        component.setPendingJobStore(recording);
    }

    @Test
    void theAcceptedEntryIsWrittenBeforeTheFirstStatusRead() {
        Exchange out = template.request("segmind:wan2.7-image-pro", e -> {
            e.getMessage().setBody("a kite over the dunes");
            e.getMessage().setHeader(SegmindConstants.JOB_KEY, "kite-1");
        });
        assertThat(out.getException()).isNull();
        String requestId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);

        assertThat(recording.calls).extracting(Call::op).containsExactly("putIfAbsent", "put", "remove");
        Call claim = recording.calls.get(0);
        assertThat(claim.entry().state()).isEqualTo(PendingJob.State.SUBMITTING);
        assertThat(claim.submitsSeen()).as("submits the simulator had seen when the key was claimed").isZero();
        Call accepted = recording.calls.get(1);
        assertThat(accepted.entry().state()).isEqualTo(PendingJob.State.ACCEPTED);
        assertThat(accepted.entry().requestId()).isEqualTo(requestId);
        assertThat(accepted.entry().jobKey()).isEqualTo("wan2.7-image-pro:kite-1");
        assertThat(accepted.statusReadsSeen()).as("status reads the simulator had seen when the job was recorded")
                .isZero();
        assertThat(sim.job(requestId).orElseThrow().statusCalls()).as("status reads in all").isPositive();
        assertThat(recording.calls.get(2).key()).isEqualTo("wan2.7-image-pro:kite-1");
    }

    @Test
    void aFileStoreResumesAJobWithAnAwkwardKeyAfterARestart() throws Exception {
        // a file name as a broker or a user may send it: a line break, '=', a way out of the directory, Unicode
        String awkward = "clip\n01=../../etc/ünïcødé ✓.txt";
        Path store = dir.resolve("pending");
        String requestId;
        try (CamelContext before = fileStoreContext(store, true)) {
            Exchange out = before.createProducerTemplate().request("direct:in", e -> send(e, awkward));
            assertThat(out.getException()).hasMessage("crash before the media was stored");
            requestId = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        }
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString()
                    .matches("[0-9a-f]{64}\\.json");
        }
        try (Stream<Path> outside = Files.list(dir)) {
            assertThat(outside).as("nothing written beside the store's directory").containsExactly(store);
        }
        assertThat(new FilePendingJobStore(store).find("wan2.7-image-pro:" + awkward))
                .map(PendingJob::requestId).contains(requestId);

        try (LogCapture log = LogCapture.of(Level.INFO, "dev.camelsegmind.component");
                CamelContext after = fileStoreContext(store, false)) {
            Exchange out = after.createProducerTemplate().request("direct:in", e -> send(e, awkward));
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(SegmindConstants.RESUMED, Boolean.class)).isTrue();
            assertThat(out.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo(requestId);
            assertPng(bodyBytes(out));
            assertThat(log.text()).contains("Found 1 pending job(s)").contains("Resuming pending Segmind job "
                    + requestId);
        }
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files).as("the entry is deleted once delivered").isEmpty();
        }
    }

    private static void send(Exchange e, String key) {
        e.getMessage().setBody("a paper boat");
        e.getMessage().setHeader(SegmindConstants.JOB_KEY, key);
    }

    private CamelContext fileStoreContext(Path store, boolean failAfterDelivery) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        SegmindComponent component = new SegmindComponent();
        configure(component.getConfiguration());
        component.setPendingJobDirectory(store.toString());
        ctx.addComponent("segmind", component);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                if (failAfterDelivery) {
                    from("direct:in").to("segmind:wan2.7-image-pro")
                            .throwException(new IllegalStateException("crash before the media was stored"));
                } else {
                    from("direct:in").to("segmind:wan2.7-image-pro");
                }
            }
        });
        ctx.start();
        return ctx;
    }

    /** One store call, with what the simulator had seen at that moment. */
    record Call(String op, String key, PendingJob entry, long submitsSeen, long statusReadsSeen) {
    }

    /** Notes every write and removal, each with the simulator's journal counts when it happened. */
    final class RecordingStore implements PendingJobStore {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        private final PendingJobStore delegate;

        RecordingStore(PendingJobStore delegate) {
            this.delegate = delegate;
        }

        private void note(String op, String key, PendingJob entry) {
            calls.add(new Call(op, key, entry, sim.journal().count(Route.SUBMIT), sim.journal().count(Route.STATUS)));
        }

        @Override
        public Optional<PendingJob> putIfAbsent(PendingJob job) {
            note("putIfAbsent", job.jobKey(), job);
            return delegate.putIfAbsent(job);
        }

        @Override
        public void put(PendingJob job) {
            note("put", job.jobKey(), job);
            delegate.put(job);
        }

        @Override
        public Optional<PendingJob> find(String jobKey) {
            return delegate.find(jobKey);
        }

        @Override
        public void remove(String jobKey) {
            note("remove", jobKey, null);
            delegate.remove(jobKey);
        }

        @Override
        public Collection<PendingJob> list() {
            return delegate.list();
        }
    }
}
