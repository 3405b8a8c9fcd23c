package dev.camelsegmind.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of a Markdown page, each with the line of prose just above it. */
final class MarkdownPage {

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

    /** A code block: its language, text, the first non-blank line above its fence, and its line number (1-based). */
    record Block(String language, String text, String caption, int line) {

        List<String> lines() {
            return List.of(text.split("\n", -1));
        }
    }

    private final Path file;
    private final List<Block> blocks;

    private MarkdownPage(Path file, List<Block> blocks) {
        this.file = file;
        this.blocks = blocks;
    }

    static MarkdownPage read(Path file) {
        List<String> lines = List.of(text(file).split("\n", -1));
        List<Block> blocks = new ArrayList<>();
        String caption = "";
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                if (!lines.get(i).isBlank()) {
                    caption = lines.get(i).trim();
                }
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalStateException(file + ": the code block opened on line " + (i + 1)
                        + " is never closed");
            }
            blocks.add(new Block(fence.group(1), String.join("\n", lines.subList(i + 1, end)), caption, i + 1));
            caption = "";
            i = end;
        }
        return new MarkdownPage(file, List.copyOf(blocks));
    }

    Path file() {
        return file;
    }

    List<Block> blocks() {
        return blocks;
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's root folder, found from the module the tests run in. */
    static Path projectRoot() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("docs"))
                    && text(d.resolve("pom.xml")).contains("<artifactId>camel-segmind-parent</artifactId>")) {
                return d;
            }
        }
        throw new IllegalStateException("Cannot find the project root above " + dir);
    }
}
