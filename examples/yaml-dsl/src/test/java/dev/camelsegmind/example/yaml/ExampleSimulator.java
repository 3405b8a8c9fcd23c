package dev.camelsegmind.example.yaml;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import dev.camelsegmind.simulator.SegmindSimulator;

import javax.imageio.ImageIO;

/**
 * The simulator the example talks to in tests. It listens where {@code SEGMIND_BASE_URL} points and accepts the key in
 * {@code SEGMIND_API_KEY}: the pom sets both for the test JVM, so application.properties resolves its
 * {@code {{env:...}}} placeholders for real, exactly as on a user's machine.
 */
final class ExampleSimulator {

    private static SegmindSimulator shared;

    private ExampleSimulator() {
    }

    /** One simulator per test JVM (the port is fixed by the build), reset for each test. */
    static synchronized SegmindSimulator get() {
        if (shared == null) {
            String baseUrl = System.getenv("SEGMIND_BASE_URL");
            String key = System.getenv("SEGMIND_API_KEY");
            if (baseUrl == null || key == null) {
                throw new IllegalStateException("Run these tests with Maven (mvn -pl examples/yaml-dsl test): its"
                        + " pom sets SEGMIND_BASE_URL and SEGMIND_API_KEY for the simulator");
            }
            // 0.001: a 33 s image renders in 33 ms, a 138 s video in 138 ms
            shared = SegmindSimulator.builder().port(URI.create(baseUrl).getPort()).timeFactor(0.001).apiKey(key)
                    .build().start();
        }
        shared.reset();
        return shared;
    }

    /** A small real PNG, as a user would drop into the inbox. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x * 255 / width, y * 255 / height, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
