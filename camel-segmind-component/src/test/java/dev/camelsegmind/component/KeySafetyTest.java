package dev.camelsegmind.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import dev.camelsegmind.component.error.SegmindDownloadException;
import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindSubmitUncertainException;
import dev.camelsegmind.component.provider.segmind.SegmindJobProvider;
import dev.camelsegmind.component.store.PendingJob;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JournalEntry;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key goes to the API's own host and to trusted hosts only: never to a host an answer or a stored job names,
 * never across a redirect, never with a media download. Another host is played by a server of the test's own on
 * 127.0.0.2 that records what reaches it (and passes it on to the simulator, as a gateway would), so each test can
 * show whether the key arrived there.
 */
class KeySafetyTest extends SegmindTestSupport {

    private static final String MODEL = "wan2.7-image-pro";

    @TempDir
    Path downloads;
    private ForeignHost foreign;

    @BeforeEach
    void startForeignHost() throws Exception {
        foreign = ForeignHost.forwardingTo(sim.baseUrl());
    }

    @AfterEach
    void stopForeignHost() {
        foreign.close();
    }

    private Exchange generate(String uri) {
        return template.request(uri, e -> e.getMessage().setBody("a lighthouse"));
    }

    private void assertNoKeyArrivedAbroad() {
        assertThat(foreign.requests()).as("requests that reached 127.0.0.2").allSatisfy(r -> assertThat(
                r.carries(KEY)).as("%s %s carried the key", r.method(), r.path()).isFalse());
    }

    @Test
    void foreignStatusAndResponseUrlsAreIgnoredAndTheJobFollowedByIdOnTheApiHost() {
        sim.faults().add(Fault.on(Route.SUBMIT).foreignUrls(foreign.baseUrl()));
        Exchange out;
        try (LogCapture log = LogCapture.of(Level.WARN, "dev.camelsegmind.component.provider")) {
            out = generate("segmind:" + MODEL);
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN")
                    .contains("another host", "127.0.0.2", "trustedHosts", "followed by its request id"));
        }
        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        assertThat(foreign.requests()).as("nothing at all was sent to the host the answer named").isEmpty();
        String id = out.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        List<JournalEntry> reads = sim.journal().entries(Route.STATUS);
        assertThat(reads).isNotEmpty().allSatisfy(e -> {
            assertThat(e.requestId()).isEqualTo(id);
            assertThat(e.apiKeyPresent()).isTrue();
        });
        assertThat(sim.journal().count(Route.RESULT)).isEqualTo(1);
    }

    @Test
    void trustedHostsLetAListedHostReceiveTheKey() {
        sim.faults().add(Fault.on(Route.SUBMIT).foreignUrls(foreign.baseUrl()));
        Exchange out = generate("segmind:" + MODEL + "?trustedHosts=127.0.0.2");
        assertThat(out.getException()).isNull();
        assertPng(bodyBytes(out));
        // the gateway got the job's reads, with the key, and passed them on
        assertThat(foreign.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.carries(KEY)).isTrue();
            assertThat(r.path()).startsWith("/v2/requests/");
        });
        assertThat(foreign.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/status"));
    }

    @Test
    void aStoredJobWhoseLocatorNamesAnotherHostIsFollowedByIdOnTheApiHost() throws Exception {
        Exchange submitted = template.request("segmind:" + MODEL + "?operation=submit",
                e -> e.getMessage().setBody("stored elsewhere"));
        String id = submitted.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        SegmindComponent component = context.getComponent("segmind", SegmindComponent.class);
        Instant now = Instant.now();
        String locator = foreign.baseUrl() + "/v2/requests/" + id + "/status " + foreign.baseUrl() + "/v2/requests/"
                         + id;
        component.getEngine().store().put(PendingJob.submitting(MODEL + ":order-1", SegmindJobProvider.ID, MODEL,
                now, now.plusSeconds(3600), "another-node", Map.of()).accepted(id, locator, now,
                now.plusSeconds(3600)));

        Exchange out;
        try (LogCapture log = LogCapture.of(Level.INFO, "dev.camelsegmind.component.provider",
                "dev.camelsegmind.component.engine")) {
            out = template.request("segmind:" + MODEL, e -> {
                e.getMessage().setBody("stored elsewhere");
                e.getMessage().setHeader(SegmindConstants.JOB_KEY, "order-1");
            });
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN").contains(id, "following the"
                    + " request id"));
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("INFO").contains("Resuming", id));
        }
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SegmindConstants.REQUEST_ID)).isEqualTo(id);
        assertThat(foreign.requests()).isEmpty();
        assertThat(sim.journal().count(Route.SUBMIT)).as("resumed, not paid again").isEqualTo(1);
        assertThat(sim.journal().entries(Route.RESULT)).hasSize(1).allSatisfy(e -> assertThat(e.requestId())
                .isEqualTo(id));
    }

    @Test
    void aRedirectOnAStatusReadIsNotFollowed() {
        sim.faults().add(Fault.on(Route.STATUS).redirect(foreign.baseUrl() + "/v2/requests/x/status"));
        Exchange out = generate("segmind:" + MODEL);
        assertThat(out.getException()).isInstanceOf(SegmindProtocolException.class)
                .hasMessageContaining("redirect (302 to host 127.0.0.2)").hasMessageContaining("never followed");
        assertThat(foreign.requests()).isEmpty();
        assertThat(sim.journal().count(Route.STATUS)).as("a redirect is not a passing fault: not retried")
                .isEqualTo(1);
    }

    @Test
    void aRedirectOnTheResultIsNotFollowed() {
        sim.faults().add(Fault.on(Route.RESULT).redirect(307, foreign.baseUrl() + "/v2/requests/x"));
        Exchange out = generate("segmind:" + MODEL);
        assertThat(out.getException()).isInstanceOf(SegmindProtocolException.class)
                .hasMessageContaining("redirect (307 to host 127.0.0.2)");
        assertThat(foreign.requests()).isEmpty();
        assertThat(sim.journal().count(Route.RESULT)).isEqualTo(1);
    }

    @Test
    void aRedirectOnSubmitIsUncertainAndSentOnce() {
        sim.faults().add(Fault.on(Route.SUBMIT).redirect(308, foreign.baseUrl() + "/v2/" + MODEL));
        Exchange out = generate("segmind:" + MODEL);
        assertThat(out.getException()).isInstanceOf(SegmindSubmitUncertainException.class)
                .hasMessageContaining("redirect (308 to host 127.0.0.2)").hasMessageContaining("paying twice");
        assertThat(((SegmindSubmitUncertainException) out.getException()).getHttpStatus()).isEqualTo(308);
        assertThat(foreign.requests()).isEmpty();
        assertThat(sim.journal().count(Route.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aRedirectOnTheCreditsCallIsNotFollowed() {
        sim.faults().add(Fault.on(Route.CREDITS).redirect(foreign.baseUrl() + "/v1/get-user-credits"));
        SegmindEndpoint endpoint = context.getEndpoint("segmind:" + MODEL, SegmindEndpoint.class);
        SegmindJobProvider provider = (SegmindJobProvider) endpoint.getProvider();
        assertThatThrownBy(() -> provider.credits().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(SegmindProtocolException.class).hasMessageContaining("127.0.0.2");
        assertThat(foreign.requests()).isEmpty();
        assertThat(sim.journal().count(Route.CREDITS)).isEqualTo(1);
    }

    @Test
    void mediaRedirectsAreFollowedWithoutTheKey() throws Exception {
        // the result names a CDN host (127.0.0.2), which redirects to the simulator's media host, as CDNs do
        try (ForeignHost cdn = ForeignHost.redirectingTo(sim.baseUrl())) {
            sim.faults().add(Fault.on(Route.RESULT).foreignUrls(cdn.baseUrl()));
            Exchange out = generate("segmind:" + MODEL + "?inMemoryThreshold=0&deleteDownloads=false"
                                    + "&downloadDirectory=" + downloads);
            assertThat(out.getException()).isNull();
            assertPng(bodyBytes(out));
            assertThat(cdn.requests()).hasSize(1).allSatisfy(r -> {
                assertThat(r.path()).startsWith("/media/");
                assertThat(r.carries(KEY)).isFalse();
            });
            assertThat(sim.journal().entries(Route.MEDIA)).hasSize(1)
                    .allSatisfy(e -> assertThat(e.apiKeyPresent()).isFalse());
            try (var files = Files.list(downloads)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .containsExactly(out.getMessage().getHeader(Exchange.FILE_NAME, String.class));
            }
        }
    }

    @Test
    void aMediaRedirectLoopEndsAfterFiveHops() throws Exception {
        sim.faults().add(Fault.on(Route.MEDIA).redirect(sim.baseUrl() + "/media/elsewhere.png"));
        Exchange out = generate("segmind:" + MODEL + "?inMemoryThreshold=0&downloadDirectory=" + downloads);
        assertThat(out.getException()).isInstanceOf(SegmindDownloadException.class)
                .hasMessageContaining("redirected more than 5 times");
        assertThat(sim.journal().count(Route.MEDIA)).as("the first request and five hops, not retried").isEqualTo(6);
        try (var files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMediaRedirectToAnotherSchemeIsRefused() {
        sim.faults().add(Fault.on(Route.MEDIA).redirect("file:///etc/passwd"));
        Exchange out = generate("segmind:" + MODEL);
        assertThat(out.getException()).isInstanceOf(SegmindDownloadException.class)
                .hasMessageContaining("file:///etc/passwd").hasMessageContaining("not an http or https URL");
        assertThat(sim.journal().count(Route.MEDIA)).isEqualTo(1);
    }

    @Test
    void noCallOfAFullJobEverCarriesTheKeyAbroad() {
        // negative control for the helper: everything that reached the foreign host in this class is checked the same
        sim.faults().add(Fault.on(Route.SUBMIT).foreignUrls(foreign.baseUrl()));
        sim.faults().add(Fault.on(Route.RESULT).foreignUrls(foreign.baseUrl()));
        Exchange out;
        try (LogCapture log = LogCapture.of(Level.WARN, "dev.camelsegmind.component.provider")) {
            out = generate("segmind:" + MODEL);
            assertThat(log.lines()).hasSize(1);
        }
        assertThat(out.getException()).isNull();
        // the media (no key) went to the foreign host, which passed it on; the reads went to the API host
        assertThat(foreign.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.path()).startsWith("/media/"));
        assertNoKeyArrivedAbroad();
    }
}
