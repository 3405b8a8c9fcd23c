package dev.camelsegmind.component.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the code blocks of a Markdown page equal to the tested files they come from. A block is bound to its source by
 * the comment line above it:
 * <pre>
 * &lt;!-- from: camel-segmind-component/src/test/java/.../UserGuideRecipesTest.java#image-from-text --&gt;
 * </pre>
 * The part after {@code #} names a region marked {@code tag::NAME[]} ... {@code end::NAME[]} in the source (in a
 * comment of the source's language); without it the whole file is meant. {@code ${project.version}} in a source is
 * shown as the version being built, so a reader copies a coordinate that resolves.
 */
final class DocSnippets {

    private static final Pattern MARKER = Pattern.compile("^<!-- from: (\\S+?)(?:#([\\w.-]+))? -->$");
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

    private final Path root;
    private final String version;

    DocSnippets(Path root, String version) {
        this.root = root;
        this.version = version;
    }

    /** A fenced code block of the page: its language, its lines (0-based, content only) and its source, if any. */
    record Block(String language, int firstLine, int endLine, String source, String tag) {
    }

    static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        String source = null;
        String tag = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).trim());
            if (marker.matches()) {
                source = marker.group(1);
                tag = marker.group(2);
                continue;
            }
            Matcher fence = FENCE.matcher(lines.get(i));
            if (fence.matches()) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("```")) {
                    end++;
                }
                if (end == lines.size()) {
                    throw new IllegalStateException("code block opened on line " + (i + 1) + " is never closed");
                }
                blocks.add(new Block(fence.group(1), i + 1, end, source, tag));
                i = end;
            }
            if (!lines.get(i).isBlank()) {
                // a marker binds only the block right below it
                source = null;
                tag = null;
            }
        }
        return blocks;
    }

    /** The page with every bound block replaced by its source's current text. */
    String synchronise(String page) {
        List<String> lines = new ArrayList<>(List.of(page.split("\n", -1)));
        List<Block> blocks = blocks(lines);
        // from the bottom up, so the line numbers of the blocks above stay valid
        for (int b = blocks.size() - 1; b >= 0; b--) {
            Block block = blocks.get(b);
            if (block.source() == null) {
                continue;
            }
            List<String> snippet = List.of(snippet(block.source(), block.tag()).split("\n", -1));
            List<String> tail = new ArrayList<>(lines.subList(block.endLine(), lines.size()));
            lines.subList(block.firstLine(), lines.size()).clear();
            lines.addAll(snippet);
            lines.addAll(tail);
        }
        return String.join("\n", lines);
    }

    /** The text of a whole file, or of one tagged region with its common indentation removed. */
    String snippet(String source, String tag) {
        Path file = root.resolve(source);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("snippet source " + source + " does not exist");
        }
        List<String> all = List.of(DocFiles.read(file).split("\n", -1));
        List<String> picked = new ArrayList<>();
        boolean inside = tag == null;
        boolean found = tag == null;
        for (String line : all) {
            if (tag != null && line.contains("tag::" + tag + "[]")) {
                inside = true;
                found = true;
                continue;
            }
            if (tag != null && line.contains("end::" + tag + "[]")) {
                inside = false;
                continue;
            }
            if (inside && !line.contains("tag::") && !line.contains("end::")) {
                picked.add(line);
            }
        }
        if (!found) {
            throw new IllegalStateException("no region tag::" + tag + "[] in " + source);
        }
        while (!picked.isEmpty() && picked.get(picked.size() - 1).isBlank()) {
            picked.remove(picked.size() - 1);
        }
        int indent = picked.stream().filter(l -> !l.isBlank()).mapToInt(DocSnippets::indentOf).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : picked) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        String text = String.join("\n", out);
        return version == null ? text : text.replace("${project.version}", version);
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
