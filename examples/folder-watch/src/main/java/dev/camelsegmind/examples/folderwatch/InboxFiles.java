package dev.camelsegmind.examples.folderwatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** File-name rules shared by the routes: base names, extensions, and the prompt that goes with a picture. */
final class InboxFiles {

    static final String PROMPT_EXTENSION = ".txt";

    private InboxFiles() {
    }

    /** {@code sunset} for {@code sunset.txt}. */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** {@code txt} for {@code sunset.txt}; empty when there is none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1 ? fileName.substring(dot + 1) : "";
    }

    /** The same-named {@code .txt} next to a picture: {@code lake.txt} for {@code lake.png}. */
    static Optional<Path> promptFor(Path image) {
        Path prompt = image.resolveSibling(baseName(image.getFileName().toString()) + PROMPT_EXTENSION);
        return Files.isRegularFile(prompt) ? Optional.of(prompt) : Optional.empty();
    }

    /** Whether a {@code .txt} belongs to a picture beside it, and so is that picture's prompt, not a job. */
    static boolean isPromptOfImage(Path text) {
        String base = baseName(text.getFileName().toString());
        try (var siblings = Files.list(text.getParent())) {
            return siblings.map(p -> p.getFileName().toString())
                    .anyMatch(name -> InputKind.of(name) == InputKind.IMAGE && baseName(name).equals(base));
        } catch (IOException e) {
            return false;
        }
    }

    /** Moves a file into a folder, replacing an older file of the same name there (a re-run of the same input). */
    static Path moveInto(Path file, Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
