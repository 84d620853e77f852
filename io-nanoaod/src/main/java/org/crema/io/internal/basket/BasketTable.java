package org.crema.io.internal.basket;

import java.util.ArrayList;
import java.util.List;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.tree.BranchModel;
import org.crema.io.internal.tree.EmbeddedBasket;

/**
 * Where each basket of a branch is and which entries it holds: the one place that turns a branch's
 * basket tables into basket ranges, and that answers "which baskets overlap entries [from, to)".
 *
 * <p>ROOT numbers baskets by slot: slot {@code i} starts at {@code fBasketEntry[i]} and is either
 * stored in its own key ({@code fBasketSeek[i]}, {@code fBasketBytes[i]}) or, when it had not been
 * written to a key yet, serialised inside the tree record at position {@code i} of {@code fBaskets}.
 * Slots {@code 0 .. fWriteBasket-1} were written; slot {@code fWriteBasket} is the basket that was in
 * memory (embedded, or empty). So every layout reads the same way: keyed only, an embedded basket
 * after keyed ones, an embedded basket alone (a tree that was never flushed: {@code fWriteBasket} 0,
 * {@code fBasketSeek[0]} 0), or any mix. Empty slots are left out.
 *
 * <p>Built once per branch when the tree is opened; the construction checks that the baskets cover
 * entries {@code [0, fEntries)} of the branch without gaps or overlaps. Immutable and thread-safe.
 */
public final class BasketTable {
    private final long[] starts;
    private final int[] slots;
    private final EmbeddedBasket[] embedded;
    private final long[] seeks;
    private final int[] bytes;

    private BasketTable(long[] starts, int[] slots, EmbeddedBasket[] embedded, long[] seeks, int[] bytes) {
        this.starts = starts;
        this.slots = slots;
        this.embedded = embedded;
        this.seeks = seeks;
        this.bytes = bytes;
    }

    /**
     * @param branch the branch as streamed
     * @param context error context naming file, tree and branch
     * @return the branch's baskets in entry order
     * @throws org.crema.io.RootFormatException if a slot with entries has neither a key nor an
     *     embedded basket, or the baskets do not cover {@code [0, fEntries)} exactly
     */
    public static BasketTable of(BranchModel branch, ErrorContext context) {
        int written = branch.writeBasket();
        long[] entry = branch.basketEntry();
        long[] seek = branch.basketSeek();
        int[] size = branch.basketBytes();
        EmbeddedBasket[] bySlot = new EmbeddedBasket[Math.max(written + 1, lastSlot(branch) + 1)];
        for (EmbeddedBasket e : branch.embedded()) {
            bySlot[e.slot()] = e;
        }
        List<long[]> found = new ArrayList<>(); // {slot, start, end}
        for (int slot = 0; slot < bySlot.length; slot++) {
            long start = slot < entry.length ? entry[slot] : -1;
            EmbeddedBasket e = bySlot[slot];
            if (e != null) {
                if (start < 0) {
                    throw context.format("basket " + slot + " is embedded in the tree record but the branch's basket "
                            + "table has only " + entry.length + " slots");
                }
                found.add(new long[] {slot, start, start + e.entries()});
            } else if (slot < written) {
                long end = slot + 1 < entry.length ? entry[slot + 1] : -1;
                boolean keyed = slot < seek.length && seek[slot] > 0 && size[slot] > 0;
                if (keyed && end != start) {
                    found.add(new long[] {slot, start, end});
                } else if (end != start) {
                    throw context.format("basket " + slot + " of entries [" + start + ", " + end
                            + ") has no data: fBasketSeek=" + (slot < seek.length ? seek[slot] : 0) + ", fBasketBytes="
                            + (slot < size.length ? size[slot] : 0) + " and no basket in the tree record");
                }
            }
            // else: a basket without entries, the empty in-memory basket at slot fWriteBasket, or an unused slot
        }
        int n = found.size();
        long[] starts = new long[n + 1];
        int[] slots = new int[n];
        EmbeddedBasket[] emb = new EmbeddedBasket[n];
        long[] seeks = new long[n];
        int[] sizes = new int[n];
        long expectedStart = 0;
        for (int i = 0; i < n; i++) {
            long[] f = found.get(i);
            int slot = (int) f[0];
            if (f[1] != expectedStart || f[2] < f[1]) {
                throw context.format("basket table is not contiguous: basket " + slot + " holds entries [" + f[1]
                        + ", " + f[2] + ") but the previous baskets end at entry " + expectedStart);
            }
            starts[i] = f[1];
            slots[i] = slot;
            emb[i] = bySlot[slot];
            seeks[i] = emb[i] == null ? seek[slot] : -1;
            sizes[i] = emb[i] == null ? size[slot] : 0;
            expectedStart = f[2];
        }
        starts[n] = expectedStart;
        if (expectedStart != branch.entries()) {
            throw context.format("the branch's baskets hold " + expectedStart + " entries but its fEntries is "
                    + branch.entries());
        }
        return new BasketTable(starts, slots, emb, seeks, sizes);
    }

    private static int lastSlot(BranchModel branch) {
        int last = -1;
        for (EmbeddedBasket e : branch.embedded()) {
            last = Math.max(last, e.slot());
        }
        return last;
    }

    /** @return the number of baskets that hold entries */
    public int count() {
        return slots.length;
    }

    /** @return the number of entries the baskets hold */
    public long entries() {
        return starts[slots.length];
    }

    /** @param i basket @return its first entry */
    public long start(int i) {
        return starts[i];
    }

    /** @param i basket @return its end entry (exclusive) */
    public long end(int i) {
        return starts[i + 1];
    }

    /** @param i basket @return its number of entries */
    public int entries(int i) {
        return Math.toIntExact(starts[i + 1] - starts[i]);
    }

    /** @param i basket @return its slot in the branch's tables (the basket number in messages) */
    public int slot(int i) {
        return slots[i];
    }

    /** @param i basket @return the basket stored in the tree record, or null when it has its own key */
    public EmbeddedBasket embedded(int i) {
        return embedded[i];
    }

    /** @param i basket @return file offset of its key, -1 when embedded */
    public long seek(int i) {
        return seeks[i];
    }

    /** @param i basket @return size of its key record on disk, 0 when embedded */
    public int bytes(int i) {
        return bytes[i];
    }

    /** @return first entry of every basket and the end of the last, {@code count() + 1} values (a copy) */
    public long[] starts() {
        return starts.clone();
    }

    /**
     * The baskets that hold some of entries {@code [from, to)}: {@code first <= i < end}.
     *
     * @param from first entry
     * @param to end entry (exclusive), {@code >= from}
     * @return {@code {first, end}}; empty ({@code first == end}) when {@code from == to}
     */
    public int[] overlapping(long from, long to) {
        int first = firstOverlapping(from);
        return new int[] {first, from >= to ? first : Math.max(first, endOverlapping(to))};
    }

    private int firstOverlapping(long from) {
        int lo = 0;
        int hi = slots.length;
        // Binary search over ascending ends: a branch may have thousands of baskets.
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid + 1] <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int endOverlapping(long to) {
        int lo = 0;
        int hi = slots.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < to) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
