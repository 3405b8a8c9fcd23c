package dev.camelsegmind.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cold starts of the simulator, each in a fresh JVM with default flags ({@link StartupProbeMain}). The wall time is
 * taken here, from just before the process is launched to the moment the child got its first answer, so it includes
 * what the child cannot see: starting the process and the JVM before its clock begins.
 */
final class StartupProbe {

    private StartupProbe() {
    }

    static ObjectNode measure(int runs) throws Exception {
        ArrayNode each = Result.JSON.createArrayNode();
        List<Long> launchToAnswer = new ArrayList<>();
        List<Long> start = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long launchedAt = System.currentTimeMillis();
            Process p = new ProcessBuilder(Jvm.java(), "-cp", Jvm.classpath(), StartupProbeMain.class.getName())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            JsonNode run = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("STARTUP ")) {
                        run = Result.JSON.readTree(line.substring("STARTUP ".length()));
                    }
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (run == null || run.path("status").asInt() != 200) {
                throw new IllegalStateException("start-up probe " + i + " gave no first answer: " + run);
            }
            long wall = run.path("answeredAtEpochMs").asLong() - launchedAt;
            ((ObjectNode) run).put("launchToFirstAnswerMs", wall).remove("answeredAtEpochMs");
            each.add(run);
            launchToAnswer.add(wall);
            start.add(Math.round(run.path("startMs").asDouble()));
        }
        ObjectNode out = Result.JSON.createObjectNode();
        out.put("runs", runs).put("jvmFlags", "none (defaults)");
        out.put("launchToFirstAnswerMsMedian", Stats.percentile(launchToAnswer, 0.5))
                .put("launchToFirstAnswerMsMax", Stats.percentile(launchToAnswer, 1.0))
                .put("startMsMedian", Stats.percentile(start, 0.5)).put("startMsMax", Stats.percentile(start, 1.0));
        out.set("each", each);
        return out;
    }
}
