package dev.camelsegmind.component.model;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a mistyped slug of a seed model from a model the catalog does not know. Segmind hosts hundreds of models,
 * many of them one version or one letter apart ({@code wan2.6-i2v}, {@code wan2.7-t2v}), so only slips that do not
 * make another plausible slug count as a near miss: the same slug but for case and separators
 * ({@code wan-2.7-i2v}, {@code WAN2.7-I2V}), or one letter missing, added or swapped with its neighbour
 * ({@code wan2.7-imgae-pro}) with the same digits. A different digit or a different letter is taken as another model.
 */
public final class ModelSuggestions {

    private ModelSuggestions() {
    }

    /** The seed model this slug is a slip of, or empty when it is a seed model or plausibly another model. */
    public static Optional<String> nearMiss(String slug) {
        if (slug == null || ModelCatalog.find(slug).isPresent()) {
            return Optional.empty();
        }
        String mine = folded(slug);
        for (ModelSpec model : ModelCatalog.all()) {
            String known = folded(model.slug());
            if (mine.equals(known) || digits(slug).equals(digits(model.slug())) && oneSlipApart(mine, known)) {
                return Optional.of(model.slug());
            }
        }
        return Optional.empty();
    }

    /** The seed models closest to a slug, nearest first: for the message of a model Segmind does not know. */
    public static List<String> closest(String slug, int count) {
        String mine = folded(slug == null ? "" : slug);
        return ModelCatalog.all().stream()
                .map(ModelSpec::slug)
                .sorted(Comparator.comparingInt((String known) -> distance(mine, folded(known)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(count)
                .toList();
    }

    /** Lower case without the separators people vary: '-', '_', '.' and blanks. */
    static String folded(String slug) {
        StringBuilder sb = new StringBuilder(slug.length());
        for (char c : slug.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '-' && c != '_' && c != '.' && !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String digits(String slug) {
        return slug.replaceAll("\\D", "");
    }

    /** One character inserted, deleted, or two neighbours swapped; a replaced character does not count. */
    static boolean oneSlipApart(String a, String b) {
        if (a.length() == b.length()) {
            int first = firstDifference(a, b);
            return first >= 0 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        int at = firstDifference(shorter, longer);
        int i = at < 0 ? shorter.length() : at;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }

    /** Edit distance (insert, delete, replace, swap of neighbours), for ranking only. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
