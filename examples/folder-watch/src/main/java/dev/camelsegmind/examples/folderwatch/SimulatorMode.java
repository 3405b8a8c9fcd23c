package dev.camelsegmind.examples.folderwatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.camelsegmind.simulator.Route;
import dev.camelsegmind.simulator.SegmindSimulator;

/**
 * The demo without a Segmind account: a simulator on 127.0.0.1 that answers like Segmind with placeholder media and
 * pretend credits, and the sample inputs copied into the inbox. Only this example chooses the simulator; the
 * component itself always calls the base URL it is given.
 */
final class SimulatorMode implements AutoCloseable {

    static final String BANNER = "simulator: placeholder media, no credits used";

    private final SegmindSimulator simulator;

    private SimulatorMode(SegmindSimulator simulator) {
        this.simulator = simulator;
    }

    static SimulatorMode start(double timeFactor) {
        return new SimulatorMode(SegmindSimulator.builder().timeFactor(timeFactor).build().start());
    }

    String baseUrl() {
        return simulator.baseUrl();
    }

    String apiKey() {
        return simulator.defaultApiKey();
    }

    /** The callbacks the simulator, as crun.ai, sent and the application answered 200. */
    long callbacksAnswered() {
        return simulator.journal().entries(Route.CRUN_CALLBACK).stream().filter(e -> e.httpStatus() == 200).count();
    }

    /**
     * Copies the samples into the inbox, pictures first: a prompt that arrived before its picture would be taken
     * for a job of its own.
     */
    static List<Path> copySamples(Path samples, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        List<Path> files;
        try (Stream<Path> listing = Files.list(samples)) {
            files = listing.filter(Files::isRegularFile).filter(p -> InputKind.of(p.getFileName().toString()) != null)
                    .sorted(Comparator.comparing((Path p) -> InputKind.of(p.getFileName().toString()) != InputKind.IMAGE)
                            .thenComparing(Path::getFileName))
                    .toList();
        }
        for (Path file : files) {
            Files.copy(file, inbox.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return files;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
