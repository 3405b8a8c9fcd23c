package dev.camelsegmind.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What docs/getting-started.md tells a reader to write and to type. A file is a code block whose caption is its path
 * in backquotes ({@code `hello-segmind/pom.xml`:}); the first folder of the path is the project. A shell block's
 * commands belong to the project of the last {@code cd} before them.
 */
final class GettingStartedPage {

    private static final Pattern FILE_CAPTION = Pattern.compile("^`([A-Za-z0-9._-]+)/([^`]+)`:$");
    private static final Pattern CD = Pattern.compile("^cd ([A-Za-z0-9._-]+)$");
    private static final Pattern EXPORT = Pattern.compile("^export (\\w+)=(\\S+)$");
    private static final Pattern ECHO = Pattern.compile("^echo \"([^\"]+)\" > (inbox/[A-Za-z0-9._-]+)$");

    /** A project of the page: its files (path inside the project to text) and the commands shown for it. */
    record Project(String name, Map<String, String> files, List<String> commands) {

        /** The one command of the project that starts with {@code prefix}. */
        String command(String prefix) {
            List<String> found = commands.stream().filter(c -> c.startsWith(prefix)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("project " + name + " shows " + found.size() + " commands starting"
                        + " with '" + prefix + "': " + commands);
            }
            return found.get(0);
        }

        /** The prompt the reader drops into the inbox: its text and the file it goes to. */
        String[] prompt() {
            Matcher m = ECHO.matcher(command("echo "));
            if (!m.matches()) {
                throw new IllegalStateException("project " + name + ": not an echo into inbox/: " + command("echo "));
            }
            return new String[] { m.group(1), m.group(2) };
        }

        void writeTo(Path dir) throws IOException {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue() + "\n", StandardCharsets.UTF_8);
            }
        }
    }

    private final Map<String, Project> projects;
    private final List<String> globalCommands;
    private final List<Map<String, String>> exportBlocks;

    private GettingStartedPage(Map<String, Project> projects, List<String> globalCommands,
                               List<Map<String, String>> exportBlocks) {
        this.projects = projects;
        this.globalCommands = globalCommands;
        this.exportBlocks = exportBlocks;
    }

    static GettingStartedPage read(Path page) {
        Map<String, Project> projects = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        List<Map<String, String>> exports = new ArrayList<>();
        String current = null;
        for (MarkdownPage.Block block : MarkdownPage.read(page).blocks()) {
            Matcher file = FILE_CAPTION.matcher(block.caption());
            if (file.matches()) {
                projects.computeIfAbsent(file.group(1), n -> new Project(n, new LinkedHashMap<>(), new ArrayList<>()))
                        .files().put(file.group(2), block.text());
                continue;
            }
            if (!block.language().equals("shell")) {
                continue;
            }
            Map<String, String> exported = new LinkedHashMap<>();
            for (String raw : block.lines()) {
                String line = withoutComment(raw);
                if (line.isEmpty()) {
                    continue;
                }
                Matcher cd = CD.matcher(line);
                Matcher export = EXPORT.matcher(line);
                if (cd.matches()) {
                    current = cd.group(1);
                } else if (export.matches()) {
                    exported.put(export.group(1), export.group(2));
                } else if (current != null && projects.containsKey(current)) {
                    projects.get(current).commands().add(line);
                } else {
                    global.add(line);
                }
            }
            if (!exported.isEmpty()) {
                exports.add(exported);
            }
        }
        return new GettingStartedPage(projects, global, exports);
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf(" #");
        return (hash < 0 ? line : line.substring(0, hash)).trim();
    }

    Map<String, Project> projects() {
        return projects;
    }

    Project project(String name) {
        Project p = projects.get(name);
        if (p == null) {
            throw new IllegalStateException("docs/getting-started.md shows no project " + name + "; it shows "
                    + projects.keySet());
        }
        return p;
    }

    /** The command, shown before any project, that starts the simulator's jar. */
    String simulatorCommand() {
        return globalCommands.stream().filter(c -> c.startsWith("java -jar segmind-simulator/")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no java -jar command for the simulator's jar"));
    }

    /** The variables exported for the simulator: the block that names a loopback base URL. */
    Map<String, String> simulatorEnvironment() {
        return exportBlocks.stream()
                .filter(e -> e.getOrDefault("SEGMIND_BASE_URL", "").startsWith("http://127.0.0.1:"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no export of SEGMIND_BASE_URL for the simulator"));
    }
}
