package dev.camelsegmind.component;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The application the crash tests kill: a folder of prompt files in, one video per file out, with the pending-job
 * store in a directory (a FilePendingJobStore). Run in its own JVM by {@link FaultInjectionSuiteTest} and
 * {@code docs.ReliabilityRestartTest}; the API key comes from the environment (SEGMIND_API_KEY) so it never shows
 * on a command line. docs/reliability.md prints its route.
 * <p>
 * Arguments: base URL, input folder, output folder, pending-job directory.
 */
public final class CrashTestApp {

    private CrashTestApp() {
    }

    public static void main(String[] args) throws Exception {
        // the crash tests count this JVM's "Resuming pending Segmind job" lines (see log4j2-test.properties)
        System.setProperty("segmind.test.log.level", "info");
        String baseUrl = args[0];
        Path in = Paths.get(args[1]);
        Path out = Paths.get(args[2]);
        String pendingDirectory = args[3];

        DefaultCamelContext context = new DefaultCamelContext();
        SegmindComponent segmind = new SegmindComponent();
        SegmindConfiguration c = segmind.getConfiguration();
        c.setBaseUrl(baseUrl);
        c.setApiKey(System.getenv("SEGMIND_API_KEY"));
        c.setPollInterval(50);
        c.setMaxPollInterval(200);
        c.setRetryDelay(20);
        c.setMaxRetryDelay(200);
        c.setTimeout(60_000);
        // tag::pending-job-directory[]
        segmind.setPendingJobDirectory(pendingDirectory); // camel.component.segmind.pending-job-directory
        // end::pending-job-directory[]
        context.addComponent("segmind", segmind);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::resume-by-file-name[]
                // a delivered file moves to .camel/ (the file consumer's default) and a failed one to .failed/, so
                // a restarted JVM reads only the files not yet delivered; the job key is the file name, so it
                // resumes the jobs the JVM before paid for instead of submitting them again
                from("file:" + in + "?moveFailed=.failed&initialDelay=0&delay=100")
                        .routeId("clips")
                        .convertBodyTo(String.class)
                        .setHeader("clip", simple("${file:onlyname.noext}"))
                        .to("segmind:wan2.7-i2v?jobKey=RAW(${header.CamelFileName})")
                        .to("file:" + out + "?fileName=${header.clip}.mp4&tempPrefix=.part-");
                // end::resume-by-file-name[]
            }
        });
        context.start();
        System.out.println("crash-test-app started");
        new CountDownLatch(1).await();
    }
}
