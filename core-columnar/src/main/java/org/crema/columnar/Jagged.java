package org.crema.columnar;

/** Layout helpers shared by the kernel facades: spans of list content and layout checks. */
final class Jagged {
    private Jagged() {}

    /** @return index in the content of the first element of {@code list}'s entries */
    static int base(ListColumn<?> list) {
        return list.offsets()[list.offsetsFrom()];
    }

    /** @return the float elements of the list's entries as a content region (no copy) */
    static FloatColumn floats(ListColumn<FloatColumn> list) {
        return list.content().region(base(list), list.totalCount());
    }

    /** @return the double elements of the list's entries as a content region (no copy) */
    static DoubleColumn doubles(ListColumn<DoubleColumn> list) {
        return list.content().region(base(list), list.totalCount());
    }

    /** @return the int elements of the list's entries as a content region (no copy) */
    static IntColumn ints(ListColumn<IntColumn> list) {
        return list.content().region(base(list), list.totalCount());
    }

    /** @return the boolean elements of the list's entries as a content region (no copy) */
    static BoolColumn bools(ListColumn<BoolColumn> list) {
        return list.content().region(base(list), list.totalCount());
    }

    /** @return the elements of the list's entries as a content region (no copy) */
    @SuppressWarnings("unchecked")
    static <C extends Column> C flat(ListColumn<C> list) {
        // region() of every concrete column returns its own class
        return (C) list.content().region(base(list), list.totalCount());
    }

    /**
     * Lists shaped like {@code like} over a content holding exactly {@code like}'s elements from
     * index 0; shares {@code like}'s offsets when they already start at 0.
     */
    static <D extends Column> ListColumn<D> sameLists(ListColumn<?> like, D content) {
        if (base(like) == 0) {
            return ListColumn.ofTrusted(like.offsets(), like.offsetsFrom(), like.length(), content);
        }
        return ListColumn.ofTrusted(like.zeroBasedOffsets(), 0, like.length(), content);
    }

    /**
     * Checks that two list columns have the same number of entries and equal list lengths in every
     * entry (cheap when they share offsets).
     */
    static void checkSameLists(String what, ListColumn<?> a, ListColumn<?> b) {
        if (a.length() != b.length()) {
            throw new IllegalArgumentException(what + ": operands must have the same number of entries, got "
                    + a.length() + " and " + b.length());
        }
        if (a.offsets() == b.offsets() && a.offsetsFrom() == b.offsetsFrom()) {
            return;
        }
        int[] ao = a.offsets();
        int[] bo = b.offsets();
        int af = a.offsetsFrom();
        int bf = b.offsetsFrom();
        for (int i = 0; i < a.length(); i++) {
            int ca = ao[af + i + 1] - ao[af + i];
            int cb = bo[bf + i + 1] - bo[bf + i];
            if (ca != cb) {
                throw new IllegalArgumentException(what + ": operands must have equal list lengths in every entry, "
                        + "entry " + i + " has " + ca + " and " + cb + " elements");
            }
        }
    }

    static void checkSameLength(String what, int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException(what + ": operands must have the same length, got " + a + " and " + b);
        }
    }

    /** Repeats value {@code i} of a per-event array once per element of list {@code i}. */
    static int[] broadcastIndex(ListColumn<?> like) {
        int[] idx = new int[like.totalCount()];
        int[] off = like.offsets();
        int from = like.offsetsFrom();
        int base = off[from];
        for (int e = 0; e < like.length(); e++) {
            for (int j = off[from + e]; j < off[from + e + 1]; j++) {
                idx[j - base] = e;
            }
        }
        return idx;
    }
}
