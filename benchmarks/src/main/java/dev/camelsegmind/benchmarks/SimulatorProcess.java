package dev.camelsegmind.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link BenchSimulatorMain} as a child process and stops it by closing its standard input. */
final class SimulatorProcess implements AutoCloseable {

    static final List<String> JVM_FLAGS = List.of("-Xmx3g", "-XX:+UseParallelGC");

    private final Process process;
    private final String baseUrl;
    private final String apiKey;

    private SimulatorProcess(Process process, String baseUrl, String apiKey) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    static SimulatorProcess start(double timeFactor, List<String> models) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Jvm.java()));
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(List.of("-cp", Jvm.classpath(), BenchSimulatorMain.class.getName(), Double.toString(timeFactor)));
        cmd.addAll(models);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ");
                return new SimulatorProcess(p, parts[1], parts[2]);
            }
        }
        p.destroyForcibly();
        throw new IOException("the simulator process ended before it was ready");
    }

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    /** For reading the simulator's own CPU time and heap from outside. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
