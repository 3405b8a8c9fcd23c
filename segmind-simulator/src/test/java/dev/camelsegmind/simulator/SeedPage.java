package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Parameters" section of a Segmind model page (a copy under {@code reference/}), read as the
 * page states it: each parameter's name, required flag, type, default, allowed values and range;
 * and the typical compute time ("~33.38s") where the page gives one.
 * The pages come in two layouts, one field to a line and one with the fields run together
 * ({@code segmind-wan2.7-r2v.txt}); both are read here, and anything the reader does not
 * recognise fails loudly rather than being skipped.
 */
final class SeedPage {

    /** One parameter as the page states it; {@code defaultValue} is null when the page gives none (or {@code null}). */
    record Parameter(String name, boolean required, String type, String description, JsonNode defaultValue,
            List<JsonNode> allowed, Long min, Long max) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPES = "string \\(uri\\)|string|integer|number|boolean";
    /** A parameter's first line in the one-field-a-line layout: {@code sizeoptional}. */
    private static final Pattern LINE_HEADER = Pattern.compile("([a-z][a-z0-9_]*)(required|optional)");
    /** A parameter's fields run together: {@code sizeoptionalstringOutput resolution. ...}. */
    private static final Pattern RUN_HEADER = Pattern.compile("([a-z][a-z0-9_]*)(required|optional)(" + TYPES + ")(.*)");
    /** A literal as the pages print defaults and allowed values: a JSON string, number, boolean or null. */
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|null|true|false");
    private static final Pattern RANGE_FIELD = Pattern.compile("Range: (-?\\d+) - (-?\\d+)");
    /** A range written into a description: "Range: 0-2147483647." or "Video length in seconds, 2-15.". */
    private static final Pattern RANGE_TEXT = Pattern.compile("(-?\\d+)\\s*-\\s*(\\d+)");
    private static final Pattern COMPUTE_TIME = Pattern.compile("~(\\d+(?:\\.\\d+)?)s");
    private static final String END = "Response Type";

    final String slug;
    final List<Parameter> parameters;
    /** The page's typical compute time, or null when it gives none. */
    final Duration computeTime;

    private SeedPage(String slug, List<Parameter> parameters, Duration computeTime) {
        this.slug = slug;
        this.parameters = List.copyOf(parameters);
        this.computeTime = computeTime;
    }

    /** Reads {@code reference/segmind-<slug>.txt} from the test class path. */
    static SeedPage read(String slug) {
        String resource = "/reference/segmind-" + slug + ".txt";
        try (InputStream in = SeedPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no page " + resource);
            }
            return parse(slug, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SeedPage parse(String slug, String page) {
        List<String> lines = section(page);
        boolean oneFieldALine = lines.stream().anyMatch(line -> LINE_HEADER.matcher(line).matches());
        return new SeedPage(slug, oneFieldALine ? lineLayout(lines) : runLayout(lines), computeTime(page));
    }

    private static Duration computeTime(String page) {
        for (String line : page.lines().toList()) {
            Matcher time = COMPUTE_TIME.matcher(line.trim());
            if (time.matches()) {
                return Duration.ofMillis(new BigDecimal(time.group(1)).movePointRight(3).longValueExact());
            }
        }
        return null;
    }

    Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The lines from "Parameters" to "Response Type", the end marker included so the last parameter ends. */
    private static List<String> section(String page) {
        List<String> all = page.lines().toList();
        int start = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).endsWith("Parameters") && start < 0) {
                start = i + 1;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("no Parameters section");
        }
        List<String> lines = new ArrayList<>();
        for (String line : all.subList(start, all.size())) {
            lines.add(line);
            if (line.contains(END)) {
                return lines;
            }
        }
        throw new IllegalStateException("the Parameters section never ends with " + END);
    }

    /**
     * One field a line: name and flag, type, blank, description, blank, then perhaps
     * {@code Default: x}, perhaps followed by {@code Range: a - b}, then perhaps
     * {@code Allowed values :} over a line of values printed without separators.
     */
    private static List<Parameter> lineLayout(List<String> lines) {
        List<Parameter> parameters = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && !lines.get(i).contains(END)) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
                continue;
            }
            Matcher header = LINE_HEADER.matcher(line);
            if (!header.matches()) {
                throw new IllegalStateException("expected a parameter, got: " + line);
            }
            String type = lines.get(++i).trim();
            if (!type.matches(TYPES)) {
                throw new IllegalStateException(header.group(1) + ": unknown type " + type);
            }
            i = skipBlank(lines, i + 1);
            String description = lines.get(i);
            i = skipBlank(lines, i + 1);
            JsonNode defaultValue = null;
            Long min = null;
            Long max = null;
            List<JsonNode> allowed = List.of();
            if (lines.get(i).startsWith("Default: ")) {
                String rest = lines.get(i).substring("Default: ".length());
                Matcher literal = LITERAL.matcher(rest);
                if (!literal.lookingAt()) {
                    throw new IllegalStateException(header.group(1) + ": unreadable default " + rest);
                }
                defaultValue = literalOrNull(literal.group());
                String after = rest.substring(literal.end());
                Matcher range = RANGE_FIELD.matcher(after);
                if (range.matches()) {
                    min = Long.parseLong(range.group(1));
                    max = Long.parseLong(range.group(2));
                } else if (!after.isEmpty()) {
                    throw new IllegalStateException(header.group(1) + ": unreadable after the default: " + after);
                }
                i++;
            }
            if (lines.get(i).startsWith("Allowed values")) {
                allowed = values(lines.get(i + 1), type, defaultValue, header.group(1));
                i += 2;
            }
            parameters.add(parameter(header.group(1), header.group(2), type, description, defaultValue, allowed,
                    min, max));
        }
        return parameters;
    }

    /**
     * Fields run together, a parameter to a line: {@code name}{@code required|optional}{@code type}
     * {@code description}, and at the start of the next line the default, then the allowed values,
     * printed as literals with nothing between them, before the next parameter's name.
     */
    private static List<Parameter> runLayout(List<String> lines) {
        List<Parameter> parameters = new ArrayList<>();
        Matcher pending = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            List<JsonNode> literals = new ArrayList<>();
            String rest = line;
            Matcher literal = LITERAL.matcher(rest);
            while (pending != null && literal.lookingAt()) {
                literals.add(readLiteral(literal.group()));
                rest = rest.substring(literal.end());
                literal = LITERAL.matcher(rest);
            }
            if (pending != null) {
                if (literals.isEmpty()) {
                    throw new IllegalStateException(pending.group(1) + ": no default before " + line);
                }
                JsonNode defaultValue = literals.get(0).isNull() ? null : literals.get(0);
                parameters.add(parameter(pending.group(1), pending.group(2), pending.group(3), pending.group(4).trim(),
                        defaultValue, literals.subList(1, literals.size()), null, null));
                pending = null;
            }
            if (rest.startsWith(END)) {
                return parameters;
            }
            Matcher header = RUN_HEADER.matcher(rest);
            if (!header.matches()) {
                throw new IllegalStateException("expected a parameter, got: " + rest);
            }
            pending = header;
        }
        throw new IllegalStateException("the run-together section never reached " + END);
    }

    /** The range comes from its own field, else from the description ("2-15"), and only for numbers. */
    private static Parameter parameter(String name, String flag, String type, String description, JsonNode defaultValue,
            List<JsonNode> allowed, Long min, Long max) {
        if (min == null && (type.equals("integer") || type.equals("number"))) {
            Matcher range = RANGE_TEXT.matcher(description);
            if (range.find()) {
                min = Long.parseLong(range.group(1));
                max = Long.parseLong(range.group(2));
            }
        }
        return new Parameter(name, flag.equals("required"), type, description, defaultValue, List.copyOf(allowed),
                min, max);
    }

    /**
     * The values line: quoted strings one after another ({@code "1K""2K""4K"}), or whole numbers run
     * together ({@code 7209601024}), which are read as the split into ascending numbers without
     * leading zeros that contains the default and has the most parts, and must be the only such split.
     */
    private static List<JsonNode> values(String line, String type, JsonNode defaultValue, String name) {
        if (!type.equals("integer")) {
            List<JsonNode> values = new ArrayList<>();
            Matcher literal = LITERAL.matcher(line);
            int at = 0;
            while (at < line.length() && literal.find(at) && literal.start() == at) {
                values.add(readLiteral(literal.group()));
                at = literal.end();
            }
            if (at != line.length()) {
                throw new IllegalStateException(name + ": unreadable allowed values " + line);
            }
            return values;
        }
        if (!line.matches("\\d+") || defaultValue == null) {
            throw new IllegalStateException(name + ": cannot split allowed numbers " + line + " without a default");
        }
        List<List<Long>> best = new ArrayList<>();
        int cuts = line.length() - 1;
        for (int mask = 0; mask < (1 << cuts); mask++) {
            List<Long> parts = split(line, mask);
            if (parts == null || !parts.contains(defaultValue.asLong())) {
                continue;
            }
            if (!best.isEmpty() && parts.size() > best.get(0).size()) {
                best.clear();
            }
            if (best.isEmpty() || parts.size() == best.get(0).size()) {
                best.add(parts);
            }
        }
        if (best.size() != 1) {
            throw new IllegalStateException(name + ": allowed numbers " + line + " read " + best.size() + " ways");
        }
        return best.get(0).stream().map(n -> (JsonNode) JSON.getNodeFactory().numberNode(n)).toList();
    }

    /** The digits cut where {@code mask} has bits; null unless ascending and free of leading zeros. */
    private static List<Long> split(String digits, int mask) {
        List<Long> parts = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= digits.length(); i++) {
            if (i == digits.length() || (mask & (1 << (i - 1))) != 0) {
                String part = digits.substring(from, i);
                if (part.length() > 1 && part.startsWith("0") || part.length() > 18) {
                    return null;
                }
                long value = Long.parseLong(part);
                if (!parts.isEmpty() && value <= parts.get(parts.size() - 1)) {
                    return null;
                }
                parts.add(value);
                from = i;
            }
        }
        return parts;
    }

    private static int skipBlank(List<String> lines, int i) {
        while (lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static JsonNode literalOrNull(String literal) {
        JsonNode node = readLiteral(literal);
        return node.isNull() ? null : node;
    }

    private static JsonNode readLiteral(String literal) {
        try {
            return JSON.readTree(literal);
        } catch (IOException e) {
            throw new IllegalStateException("not a literal: " + literal, e);
        }
    }
}
