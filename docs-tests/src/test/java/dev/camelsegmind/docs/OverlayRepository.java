package dev.camelsegmind.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local Maven repository for the offline builds of the getting-started projects: the user's own repository, linked
 * folder by folder, with this build's artifacts ({@code dev/camelsegmind}) in place of whatever an earlier
 * {@code mvn install} left there. The projects so build against exactly the jars this build made, without anything
 * being installed, and without touching the artifacts another checkout on the same machine installed.
 */
final class OverlayRepository {

    private static final String GROUP = "dev/camelsegmind";

    private OverlayRepository() {
    }

    /**
     * @param dir where to create it
     * @param userRepository the local repository third-party artifacts come from
     * @param artifacts this build's artifacts as files named {@code artifactId-version[-classifier].jar}, with a
     *        {@code .pom} beside each
     * @param parentPom the parent pom those artifacts inherit from, which no one depends on and so is not among them
     */
    static Path create(Path dir, Path userRepository, Path artifacts, Path parentPom, String version)
            throws IOException {
        Files.createDirectories(dir);
        linkAllBut(userRepository, dir, "dev");
        Path dev = Files.createDirectories(dir.resolve("dev"));
        linkAllBut(userRepository.resolve("dev"), dev, "camelsegmind");

        Pattern name = Pattern.compile("(.+?)-" + Pattern.quote(version) + "(-[A-Za-z0-9]+)?\\.(jar|pom)");
        int copied = 0;
        try (Stream<Path> files = Files.list(artifacts)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    place(dir, m.group(1), version, f);
                    copied++;
                }
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("no artifacts of this build in " + artifacts
                    + ": the pre-integration-test phase copies them there");
        }
        place(dir, "camel-segmind-parent", version, parentPom, "camel-segmind-parent-" + version + ".pom");
        placeModulePoms(dir, parentPom.toAbsolutePath().getParent(), version);
        return dir;
    }

    /**
     * The copied poms come from the local repository, so they are whatever an earlier {@code mvn install} left there:
     * a dependency added since (the HTTP client, say) would be missing from the projects' class path. Each module's
     * own pom.xml in this checkout replaces the copy.
     */
    private static void placeModulePoms(Path repository, Path projectRoot, String version) throws IOException {
        Pattern artifactId = Pattern.compile("<artifactId>([^<]+)</artifactId>");
        try (Stream<Path> poms = Files.walk(projectRoot, 3)) {
            for (Path pom : (Iterable<Path>) poms.filter(p -> p.getFileName().toString().equals("pom.xml"))::iterator) {
                String text = Files.readString(pom).replaceFirst("(?s)<parent>.*?</parent>", "");
                Matcher m = artifactId.matcher(text);
                if (!m.find()) {
                    continue;
                }
                Path placed = repository.resolve(GROUP).resolve(m.group(1)).resolve(version);
                if (Files.isDirectory(placed)) {
                    Files.copy(pom, placed.resolve(m.group(1) + "-" + version + ".pom"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void place(Path repository, String artifactId, String version, Path file) throws IOException {
        place(repository, artifactId, version, file, file.getFileName().toString());
    }

    private static void place(Path repository, String artifactId, String version, Path file, String fileName)
            throws IOException {
        Path folder = Files.createDirectories(repository.resolve(GROUP).resolve(artifactId).resolve(version));
        Files.copy(file, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> entries = Files.list(from)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                if (!e.getFileName().toString().equals(except)) {
                    Files.createSymbolicLink(to.resolve(e.getFileName().toString()), e.toAbsolutePath());
                }
            }
        }
    }
}
