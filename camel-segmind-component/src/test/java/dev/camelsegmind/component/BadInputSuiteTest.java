package dev.camelsegmind.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.camelsegmind.component.error.SegmindProtocolException;
import dev.camelsegmind.component.error.SegmindValidationException;
import dev.camelsegmind.component.model.ModelCatalog;
import dev.camelsegmind.component.model.ModelSpec;
import dev.camelsegmind.component.model.ParameterSpec;
import dev.camelsegmind.component.model.SegmindMedia;
import dev.camelsegmind.simulator.Fault;
import dev.camelsegmind.simulator.JobState;
import dev.camelsegmind.simulator.Route;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Input that must never cost money or touch the disk outside the download folder: every seed model's enum and range
 * edges, missing and mistyped parameters, bodies that are too big or not media, hostile model slugs and header
 * values, and answers from the server that name local files or other schemes. Each case gets a clear, typed error;
 * those caught before the call make no HTTP request at all (the simulator's journal stays empty). A table of the
 * cases is printed at the end.
 */
class BadInputSuiteTest extends SegmindTestSupport {

    private static final SummaryTable TABLE = new SummaryTable("Bad-input suite",
            "case", "outcome", "HTTP requests");

    @TempDir
    Path downloads;

    @AfterAll
    static void printTable() {
        TABLE.print("bad-input.txt");
    }

    // --- refused before any call ------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> seedModelParametersOutsideTheirPageAreRefusedBeforeTheCall() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ModelSpec model : ModelCatalog.all()) {
            for (ParameterSpec p : model.parameters()) {
                if (!p.allowed().isEmpty()) {
                    tests.add(refused(model, p, "not in " + p.allowed(), "bogus-value"));
                }
                if (p.min() != null) {
                    tests.add(refused(model, p, "below range", p.min() - 1));
                    tests.add(refused(model, p, "above range", p.max() + 1));
                }
                tests.add(refused(model, p, "wrong type", wrongType(p)));
                if (p.required()) {
                    String name = model.slug() + " missing required " + p.name();
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Map<String, Object> payload = new LinkedHashMap<>(model.example());
                        payload.remove(p.name());
                        expectRefused(name, model.slug(), payload, SegmindValidationException.class, p.option());
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> seedModelEdgeValuesAreAccepted() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ModelSpec model : ModelCatalog.all()) {
            for (ParameterSpec p : model.parameters()) {
                List<Object> edges = new ArrayList<>(p.allowed());
                if (p.min() != null) {
                    edges.add(p.min());
                    edges.add(p.max());
                }
                for (Object edge : edges) {
                    String name = model.slug() + " " + p.name() + "=" + edge + " (edge)";
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Map<String, Object> payload = new LinkedHashMap<>(model.example());
                        payload.put(p.name(), p.type() == dev.camelsegmind.component.model.ParameterType.INTEGER
                                && edge instanceof String s ? Integer.valueOf(s) : edge);
                        sim.journal().clear();
                        Exchange out = template.request("segmind:" + model.slug() + "?operation=submit",
                                e -> e.getMessage().setBody(payload));
                        long calls = sim.journal().size();
                        TABLE.add(name, out.getException() == null ? "accepted (submitted)"
                                : describe(out.getException()), calls);
                        assertThat(out.getException()).as("the simulator accepts what the page allows").isNull();
                        assertThat(calls).isEqualTo(1);
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> hostileModelSlugsAndHeaderValuesAreRefusedBeforeTheCall() {
        Map<String, Consumer<Message>> cases = new LinkedHashMap<>();
        for (String slug : List.of("wan2.7-i2v/../../v1/get-user-credits", "..", "wan2.7-i2v%2F..%2Fx", "wan 2.7",
                "wan2.7-i2v\r\nX-Injected: 1", "/etc/passwd", "")) {
            cases.put("model header " + printable(slug), m -> {
                m.setHeader(SegmindConstants.MODEL, slug);
                m.setBody("a prompt");
            });
        }
        cases.put("request id header with CR/LF (operation=status)", m -> {
            m.setHeader(SegmindConstants.OPERATION, "status");
            m.setHeader(SegmindConstants.REQUEST_ID, "abc\r\nX-Injected: 1");
        });
        cases.put("request id header with ../ (operation=await)", m -> {
            m.setHeader(SegmindConstants.OPERATION, "await");
            m.setHeader(SegmindConstants.REQUEST_ID, "../../v1/get-user-credits");
        });
        cases.put("prompt of 10 MB", m -> m.setBody("x".repeat(10 * 1024 * 1024)));
        cases.put("number as body", m -> m.setBody(42));
        cases.put("binary body that is neither media nor text", m -> m.setBody(new byte[] { 0, 1, 2, (byte) 0xff,
                (byte) 0xfe, 3, 4, 5, 0, 0, 7 }));
        cases.put("body that looks like JSON but is not", m -> m.setBody("{\"prompt\": \"unterminated"));
        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach((name, message) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            sim.journal().clear();
            Exchange out = template.request("segmind:wan2.7-image-pro", e -> message.accept(e.getMessage()));
            record(name, out);
            assertThat(out.getException()).isInstanceOf(SegmindValidationException.class);
            assertThat(sim.journal().size()).isZero();
        })));
        return tests.stream();
    }

    @Test
    void oversizedMediaBodyIsRefusedBeforeTheCall() throws Exception {
        byte[] png = Files.readAllBytes(pngFile());
        Exchange out = template.request("segmind:wan2.7-i2v?maxInputSize=" + (png.length - 1),
                e -> e.getMessage().setBody(png));
        record("media body over maxInputSize", out);
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("maxInputSize");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void anApiKeyWithALineBreakIsRefusedWithoutShowingIt() {
        SegmindComponent badKey = new SegmindComponent();
        configure(badKey.getConfiguration());
        badKey.getConfiguration().setApiKey(KEY + "\r\nX-Evil: 1");
        context.addComponent("segmindBadKey", badKey);
        Exchange out = template.request("segmindBadKey:wan2.7-image-pro", e -> e.getMessage().setBody("a prompt"));
        record("apiKey option with CR/LF", out);
        assertThat(out.getException()).isInstanceOf(SegmindValidationException.class)
                .hasMessageContaining("apiKey").hasMessageNotContaining("0123456789abcdef");
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aJobKeyHeaderWithLineBreaksIsHarmless() {
        Exchange out = template.request("segmind:wan2.7-image-pro", e -> {
            e.getMessage().setBody("a prompt");
            e.getMessage().setHeader(SegmindConstants.JOB_KEY, "order=1\r\nsegmind-x={}");
        });
        TABLE.add("job key header with CR/LF and '='", out.getException() == null ? "accepted: the key is stored as a"
                + " digest" : describe(out.getException()), sim.journal().size());
        assertThat(out.getException()).isNull();
    }

    // --- refused answers from the server ----------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> outputUrlsThatAreNotHttpAreNeverFetched() {
        return Stream.of("file:///etc/passwd", "ftp://example.com/video.mp4", "/media/elsewhere.mp4",
                "jar:file:/tmp/x.jar!/a.png").map(url -> DynamicTest.dynamicTest("output URL " + url, () -> {
                    sim.reset();
                    sim.faults().add(Fault.on(Route.RESULT).status(200).body("{\"status\":\"COMPLETED\","
                            + "\"error\":null,\"metrics\":{},\"output\":\"" + url + "\"}"));
                    Exchange out = template.request("segmind:wan2.7-image-pro",
                            e -> e.getMessage().setBody("output at " + url));
                    TABLE.add("result output URL " + url, describe(out.getException()),
                            sim.journal().size() + " (no media request)");
                    assertThat(out.getException()).isInstanceOf(SegmindProtocolException.class)
                            .hasMessageContaining("only absolute http and https URLs");
                    assertThat(sim.journal().count(Route.MEDIA)).isZero();
                }));
    }

    @Test
    void aServerFileNameWithDotDotCannotLeaveTheDownloadDirectory() throws Exception {
        sim.model("wan2.7-i2v").outputShape(dev.camelsegmind.simulator.OutputShape.VIDEO_FIELD);
        Exchange submitted = template.request("segmind:wan2.7-i2v?operation=submit", e -> e.getMessage().setBody("x"));
        String id = submitted.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        await().until(() -> sim.job(id).map(j -> j.state() == JobState.COMPLETED).orElse(false));
        String media = sim.baseUrl() + "/media/" + id + "-0.mp4";
        sim.faults().add(Fault.on(Route.RESULT).status(200).body("{\"status\":\"COMPLETED\",\"error\":null,"
                + "\"metrics\":{},\"output\":\"" + media + "\",\"video\":{\"url\":\"" + media + "\","
                + "\"content_type\":\"video/mp4\",\"file_name\":\"../../escaped.mp4\"}}"));
        Path dir = Files.createDirectories(downloads.resolve("a").resolve("b"));
        Exchange out = template.request("segmind:wan2.7-i2v?operation=await&inMemoryThreshold=0&deleteDownloads=false"
                                        + "&downloadDirectory=" + dir, e -> e.getMessage().setHeader(SegmindConstants.REQUEST_ID, id));
        assertThat(out.getException()).isNull();
        SegmindMedia video = out.getMessage().getBody(SegmindMedia.class);
        TABLE.add("video file_name ../../escaped.mp4", "delivered as " + video.getFileName() + " inside the download"
                + " directory", sim.journal().count(Route.RESULT) + sim.journal().count(Route.STATUS)
                + sim.journal().count(Route.MEDIA));
        assertThat(video.getDownloadedFile().getParent()).isEqualTo(dir);
        assertThat(video.getFileName()).isEqualTo(id + ".mp4");
        assertThat(filesUnder(downloads)).containsExactly(video.getDownloadedFile());
    }

    @Test
    void aRequestIdWithDotDotCannotNameAFileOutsideTheDownloadDirectory() throws Exception {
        Exchange submitted = template.request("segmind:wan2.7-image-pro?operation=submit",
                e -> e.getMessage().setBody("x"));
        String id = submitted.getMessage().getHeader(SegmindConstants.REQUEST_ID, String.class);
        String status = submitted.getMessage().getHeader(SegmindConstants.STATUS_URL, String.class);
        String result = submitted.getMessage().getHeader(SegmindConstants.RESPONSE_URL, String.class);
        sim.faults().add(Fault.on(Route.SUBMIT).status(200).body("{\"request_id\":\"../../../escaped\","
                + "\"status\":\"QUEUED\",\"status_url\":\"" + status + "\",\"response_url\":\"" + result + "\"}"));
        Path dir = Files.createDirectories(downloads.resolve("a").resolve("b"));
        Exchange out = template.request("segmind:wan2.7-image-pro?inMemoryThreshold=0&deleteDownloads=false"
                                        + "&downloadDirectory=" + dir, e -> e.getMessage().setBody("y"));
        assertThat(out.getException()).isNull();
        SegmindMedia image = out.getMessage().getBody(SegmindMedia.class);
        TABLE.add("request_id ../../../escaped from the server", "delivered as " + image.getFileName()
                + " inside the download directory", sim.journal().size());
        assertThat(image.getDownloadedFile().getParent()).isEqualTo(dir);
        assertThat(filesUnder(downloads)).containsExactly(image.getDownloadedFile());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private DynamicTest refused(ModelSpec model, ParameterSpec p, String what, Object value) {
        String name = model.slug() + " " + p.name() + " " + what + " (" + printable(String.valueOf(value)) + ")";
        return DynamicTest.dynamicTest(name, () -> {
            Map<String, Object> payload = new LinkedHashMap<>(model.example());
            payload.put(p.name(), value);
            expectRefused(name, model.slug(), payload, SegmindValidationException.class, p.option());
        });
    }

    private void expectRefused(String name, String model, Map<String, Object> payload,
                               Class<? extends Exception> type, String mentions) {
        sim.journal().clear();
        Exchange out = template.request("segmind:" + model, e -> e.getMessage().setBody(payload));
        record(name, out);
        assertThat(out.getException()).isInstanceOf(type).hasMessageContaining(mentions);
        assertThat(sim.journal().size()).as("no HTTP request").isZero();
    }

    private static Object wrongType(ParameterSpec p) {
        switch (p.type()) {
            case STRING:
                return 42;
            case INTEGER:
                return "five";
            case BOOLEAN:
                return "maybe";
            default:
                return "relative/path.png";
        }
    }

    private void record(String name, Exchange out) {
        TABLE.add(name, describe(out.getException()), sim.journal().size());
    }

    private static String describe(Exception e) {
        if (e == null) {
            return "no error";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName() + ": " + (message.length() > 110 ? message.substring(0, 110) + "..."
                : message);
    }

    private static String printable(String s) {
        String shown = s.replace("\r", "\\r").replace("\n", "\\n");
        return shown.length() > 50 ? shown.substring(0, 50) + "..." : shown;
    }

    private Path pngFile() throws Exception {
        Exchange out = template.request("segmind:wan2.7-image-pro?operation=generate", e -> e.getMessage().setBody("png"));
        Path p = downloads.resolve("input.png");
        Files.write(p, out.getMessage().getBody(byte[].class));
        sim.journal().clear();
        return p;
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
