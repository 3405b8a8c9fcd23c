package dev.camelsegmind.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** How to start another JVM like this one. */
final class Jvm {

    private static String classpath;

    private Jvm() {
    }

    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    static synchronized String classpath() {
        return classpath != null ? classpath : System.getProperty("java.class.path");
    }

    /**
     * Copies this JVM's class path aside and uses the copy for every child JVM from now on: a build running beside the
     * benchmark (another module's {@code mvn install}) rewrites target/classes and would pull classes from under a
     * running simulator.
     */
    static synchronized void snapshotClasspath(Path dir) {
        try {
            List<String> copied = new ArrayList<>();
            int i = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path source = Paths.get(entry);
                if (!Files.exists(source)) {
                    continue;
                }
                Path target = dir.resolve((i++) + "-" + source.getFileName());
                copy(source, target);
                copied.add(target.toString());
            }
            classpath = String.join(File.pathSeparator, copied);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the class path to " + dir, e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
