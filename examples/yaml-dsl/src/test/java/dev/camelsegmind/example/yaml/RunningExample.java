package dev.camelsegmind.example.yaml;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The example started the way {@code mvn exec:java} starts it: Camel's own {@link Main}, reading application.properties
 * from the classpath and the YAML route through {@code camel.main.routes-include-pattern}. Tests only move the folders
 * into a temporary directory (and may speed up polling); everything else comes from the files as shipped.
 */
final class RunningExample implements AutoCloseable {

    private final Main main;

    private RunningExample(Main main) {
        this.main = main;
    }

    static RunningExample start(Path folders, Map<String, String> overrides) throws Exception {
        // tag::start-main[]
        Main main = new Main();
        main.addOverrideProperty("segmind.inbox", folders.resolve("inbox").toString());
        main.addOverrideProperty("segmind.outbox", folders.resolve("outbox").toString());
        main.addOverrideProperty("segmind.errors", folders.resolve("errors").toString());
        main.addOverrideProperty("segmind.work", folders.resolve("work").toString());
        overrides.forEach(main::addOverrideProperty);
        // start, unlike run, returns once the routes are up
        main.start();
        // end::start-main[]
        return new RunningExample(main);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
