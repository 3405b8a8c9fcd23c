package dev.camelsegmind.examples.queuepipeline;

import java.nio.file.Path;

/**
 * What must be known before Camel starts: where the embedded broker keeps its store, or which broker to use instead.
 * Everything else is in application.properties.
 *
 * @param dataDir         the embedded broker's KahaDB store and scheduler, and the record of collected jobs
 * @param brokerUrl       an ActiveMQ broker to use, or null to start the embedded one
 * @param brokerConnector a transport the embedded broker also listens on (tcp://127.0.0.1:61616), or null for none
 */
public record PipelineSettings(Path dataDir, String brokerUrl, String brokerConnector) {

    /** From -Dpipeline.data-dir / PIPELINE_DATA_DIR, -Dpipeline.broker-url / PIPELINE_BROKER_URL and so on. */
    public static PipelineSettings fromEnvironment() {
        Path home = Path.of(setting("pipeline.home", "PIPELINE_HOME", "."));
        String dataDir = setting("pipeline.data-dir", "PIPELINE_DATA_DIR", null);
        return new PipelineSettings(dataDir != null ? Path.of(dataDir) : home.resolve("target/pipeline-data"),
                setting("pipeline.broker-url", "PIPELINE_BROKER_URL", null),
                setting("pipeline.broker-connector", "PIPELINE_BROKER_CONNECTOR", null));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
