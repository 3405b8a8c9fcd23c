package dev.camelsegmind.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up warning about a small common pool says how to pass the flag for each way of running. */
class SegmindCommonPoolAdviceTest {

    private static final String FLAG = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2";

    @Test
    void namesTheCommandForEachWayOfRunning() {
        String advice = SegmindComponent.commonPoolAdvice(1);

        assertThat(advice).contains("(1 CPU)")
                .contains("java " + FLAG + " -jar app.jar")
                .contains("MAVEN_OPTS=\"" + FLAG + "\" mvn camel:run", "mvn exec:java")
                .contains("<jvmArguments>" + FLAG + "</jvmArguments>", "spring-boot-maven-plugin",
                        "-Dspring-boot.run.jvmArguments=\"" + FLAG + "\"")
                .contains("JAVA_TOOL_OPTIONS=\"" + FLAG + "\"")
                .contains("docs/performance.md");
    }
}
