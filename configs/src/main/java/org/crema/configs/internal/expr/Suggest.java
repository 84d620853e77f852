package org.crema.configs.internal.expr;

import java.util.Collection;
import org.crema.io.NameSuggestions;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * @param word what was written
     * @param candidates what is allowed
     * @return {@code "; did you mean 'x'?"} for the closest candidate within a third of the word's
     *     length (at least 2 edits), else empty
     */
    public static String didYouMean(String word, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = NameSuggestions.distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return best != null && bestD <= limit ? "; did you mean '" + best + "'?" : "";
    }

}
