package org.crema.columnar;

/**
 * Combinatorics within and between per-event collections, as tuples of local indices ({@link
 * Combinations}). Tuples within a collection are the k-subsets in lexicographic order, {@code (0,1),
 * (0,2), (1,2)} (awkward: {@code ak.argcombinations}); cartesian pairs run over the first
 * collection's index first, {@code (0,0), (0,1), (1,0), (1,1)} (awkward: {@code ak.argcartesian}).
 *
 * <p>Typical use, the AGC ttbar trijet: {@code triplets(jets.pt()).sum(jets)} sums the three
 * four-vectors of every tuple straight from the index arrays ({@link Combinations#sum}); take the
 * {@link Reductions#argmax} of the trijet pt and {@link Selection#pick} its mass, or {@link
 * Combinations#pick} the jets of the best tuple.
 */
public final class Combinatorics {
    /** Tuples per event beyond this are refused: an event with 100 jets has 161 700 triplets. */
    private static final long MAX_TOTAL = Integer.MAX_VALUE - 8;

    private Combinatorics() {}

    /**
     * All k-element subsets of each event's list, as local indices in increasing order.
     *
     * @param lists per-event objects (only the list lengths are used)
     * @param k subset size, {@code 1 <= k <= 16}
     * @return the tuples; events with fewer than {@code k} objects have none
     * @throws IllegalArgumentException if {@code k} is out of range or the tuples would not fit in
     *     an array
     */
    public static Combinations combinations(ListColumn<?> lists, int k) {
        if (k < 1 || k > 16) {
            throw new IllegalArgumentException("k must be in [1, 16], got " + k);
        }
        int n = lists.length();
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        int[] offsets = new int[n + 1];
        long total = 0;
        for (int e = 0; e < n; e++) {
            long c = binomial(off[from + e + 1] - off[from + e], k);
            if (c > MAX_TOTAL - total) {
                throw new IllegalArgumentException("too many combinations: more than " + MAX_TOTAL
                        + " " + k + "-tuples up to entry " + e);
            }
            total += c;
            offsets[e + 1] = (int) total;
        }
        int[][] slots = new int[k][(int) total];
        int[] current = new int[k];
        int t = 0;
        for (int e = 0; e < n; e++) {
            int count = off[from + e + 1] - off[from + e];
            if (count < k) {
                continue;
            }
            for (int i = 0; i < k; i++) {
                current[i] = i;
            }
            while (true) {
                for (int i = 0; i < k; i++) {
                    slots[i][t] = current[i];
                }
                t++;
                // advance to the next subset in lexicographic order
                int i = k - 1;
                while (i >= 0 && current[i] == count - k + i) {
                    i--;
                }
                if (i < 0) {
                    break;
                }
                current[i]++;
                for (int j = i + 1; j < k; j++) {
                    current[j] = current[j - 1] + 1;
                }
            }
        }
        return new Combinations(offsets, slots);
    }

    /**
     * @param lists per-event objects (only the list lengths are used)
     * @return all pairs {@code (i, j)}, {@code i < j}, per event; see {@link #combinations}
     */
    public static Combinations pairs(ListColumn<?> lists) {
        return combinations(lists, 2);
    }

    /**
     * @param lists per-event objects (only the list lengths are used)
     * @return all triplets {@code (i, j, l)}, {@code i < j < l}, per event; see {@link #combinations}
     */
    public static Combinations triplets(ListColumn<?> lists) {
        return combinations(lists, 3);
    }

    /**
     * All pairs of one object from {@code a} and one from {@code b}, per event (slot 0 indexes
     * {@code a}, slot 1 indexes {@code b}).
     *
     * @param a per-event objects
     * @param b per-event objects, same number of entries
     * @return the pairs, {@code count_a * count_b} per event
     */
    public static Combinations cartesian(ListColumn<?> a, ListColumn<?> b) {
        if (a.length() != b.length()) {
            throw new IllegalArgumentException("cartesian: collections must have the same number of entries, got "
                    + a.length() + " and " + b.length());
        }
        int n = a.length();
        int[] offsets = new int[n + 1];
        long total = 0;
        for (int e = 0; e < n; e++) {
            total += (long) count(a, e) * count(b, e);
            if (total > MAX_TOTAL) {
                throw new IllegalArgumentException("too many pairs: more than " + MAX_TOTAL + " up to entry " + e);
            }
            offsets[e + 1] = (int) total;
        }
        int[] first = new int[(int) total];
        int[] second = new int[(int) total];
        int t = 0;
        for (int e = 0; e < n; e++) {
            int na = count(a, e);
            int nb = count(b, e);
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    first[t] = i;
                    second[t] = j;
                    t++;
                }
            }
        }
        return new Combinations(offsets, new int[][] {first, second});
    }

    private static int count(ListColumn<?> l, int e) {
        return l.offsets()[l.offsetsFrom() + e + 1] - l.offsets()[l.offsetsFrom() + e];
    }

    /** Binomial coefficient, saturating at Long.MAX_VALUE. */
    static long binomial(int n, int k) {
        if (k > n) {
            return 0;
        }
        long r = 1;
        for (int i = 1; i <= k; i++) {
            // exact at every step: r * (n - k + i) is divisible by i
            if (r > Long.MAX_VALUE / (n - k + i)) {
                return Long.MAX_VALUE;
            }
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
