package org.crema.io;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Close names for a misspelt name — a branch, a tree, a YAML key, a processor class — by edit
 * distance (case-insensitive), so every "did you mean" in crema ranks candidates the same way.
 */
public final class NameSuggestions {
    private NameSuggestions() {
    }

    /**
     * @param wanted the name asked for
     * @param names the names that exist
     * @param max most suggestions to return
     * @return up to {@code max} names within a small edit distance, closest first
     */
    public static List<String> closest(String wanted, Collection<String> names, int max) {
        String w = wanted.toLowerCase(java.util.Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        return names.stream()
                .map(n -> new Object[] {n, distance(w, n.toLowerCase(java.util.Locale.ROOT))})
                .filter(p -> (int) p[1] <= limit || ((String) p[0]).toLowerCase(java.util.Locale.ROOT).contains(w))
                .sorted(Comparator.comparingInt(p -> (int) p[1]))
                .limit(max)
                .map(p -> (String) p[0])
                .toList();
    }

    /**
     * @param a one string
     * @param b another
     * @return the Levenshtein distance: the fewest single-character insertions, deletions and
     *     substitutions that turn {@code a} into {@code b}
     */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
