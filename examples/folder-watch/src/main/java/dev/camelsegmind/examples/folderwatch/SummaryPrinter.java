package dev.camelsegmind.examples.folderwatch;

import org.apache.camel.support.service.ServiceSupport;

/** Prints the run's table when Camel stops: after the routes have finished their work, before the JVM exits. */
final class SummaryPrinter extends ServiceSupport {

    private final RunSummary summary;

    SummaryPrinter(RunSummary summary) {
        this.summary = summary;
    }

    @Override
    protected void doStop() {
        System.out.println();
        System.out.println(summary.render());
    }
}
