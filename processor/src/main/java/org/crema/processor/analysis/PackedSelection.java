package org.crema.processor.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crema.columnar.BoolColumn;

/**
 * Named event masks (cuts) for one chunk, stored as bits: each cut is a {@code long[]} of
 * {@code ceil(size / 64)} words, so combining cuts handles 64 events per operation and any number of
 * cuts may be added (coffea's {@code PackedSelection} stops at 64). The order of {@link #add} is kept
 * and is the order of {@link #cumulative} cutflows.
 *
 * <pre>{@code
 * PackedSelection sel = new PackedSelection(events.size());
 * sel.add("twoMuons", twoMuonMask);
 * sel.add("oppositeSign", osMask);
 * BoolColumn passing = sel.all();                  // every cut
 * BoolColumn noCharge = sel.nMinusOne().get("oppositeSign");
 * }</pre>
 *
 * Not thread-safe; one chunk is processed by one thread.
 */
public final class PackedSelection {
    private final int size;
    private final int words;
    private final LinkedHashMap<String, long[]> cuts = new LinkedHashMap<>();

    /** @param size number of events every mask must have */
    public PackedSelection(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        this.size = size;
        this.words = (size + 63) >>> 6;
    }

    /** @return number of events */
    public int size() {
        return size;
    }

    /** @return cut names in the order they were added */
    public List<String> names() {
        return List.copyOf(cuts.keySet());
    }

    /** @return true if a cut of that name was added */
    public boolean contains(String name) {
        return cuts.containsKey(name);
    }

    /**
     * @param name new cut name
     * @param mask one flag per event
     * @return this
     * @throws IllegalArgumentException if the name exists or the length differs
     */
    public PackedSelection add(String name, BoolColumn mask) {
        Objects.requireNonNull(name, "name");
        if (mask.length() != size) {
            throw new IllegalArgumentException("mask '" + name + "' must have " + size + " entries, got "
                    + mask.length());
        }
        if (cuts.containsKey(name)) {
            throw new IllegalArgumentException("cut '" + name + "' was already added; cuts are " + cuts.keySet());
        }
        long[] bits = new long[words];
        boolean[] a = mask.array();
        int off = mask.offset();
        for (int i = 0; i < size; i++) {
            if (a[off + i]) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        cuts.put(name, bits);
        return this;
    }

    /**
     * @param name new cut name
     * @param mask one flag per event (not retained)
     * @return this
     */
    public PackedSelection add(String name, boolean[] mask) {
        return add(name, BoolColumn.wrap(mask, 0, mask.length));
    }

    /**
     * @param names cuts to AND; none means every cut added so far
     * @return events passing all of them
     */
    public BoolColumn all(String... names) {
        return toColumn(allBits(names.length == 0 ? cuts.keySet().toArray(String[]::new) : names));
    }

    /**
     * @param names cuts to AND; an empty list means no cut (every event passes)
     * @return events passing all of them
     */
    public BoolColumn allOf(List<String> names) {
        return toColumn(allBits(names.toArray(String[]::new)));
    }

    /**
     * @param requirements cut name → required value ({@code true}: must pass, {@code false}: must fail)
     * @return events meeting every requirement
     */
    public BoolColumn require(Map<String, Boolean> requirements) {
        long[] out = ones();
        requirements.forEach((name, want) -> {
            long[] b = bits(name);
            for (int w = 0; w < words; w++) {
                out[w] &= want ? b[w] : ~b[w];
            }
        });
        clearTail(out);
        return toColumn(out);
    }

    /**
     * @param names cuts to OR
     * @return events passing at least one of them
     */
    public BoolColumn any(String... names) {
        long[] out = new long[words];
        for (String n : names) {
            long[] b = bits(n);
            for (int w = 0; w < words; w++) {
                out[w] |= b[w];
            }
        }
        return toColumn(out);
    }

    /**
     * N−1 masks: for each cut, the events passing every other cut of the list.
     *
     * @param names the cuts (none means every cut added so far)
     * @return cut name → mask without that cut, in list order
     */
    public Map<String, BoolColumn> nMinusOne(String... names) {
        String[] list = names.length == 0 ? cuts.keySet().toArray(String[]::new) : names;
        Map<String, BoolColumn> out = new LinkedHashMap<>();
        for (int skip = 0; skip < list.length; skip++) {
            String[] others = new String[list.length - 1];
            for (int i = 0, k = 0; i < list.length; i++) {
                if (i != skip) {
                    others[k++] = list[i];
                }
            }
            out.put(list[skip], toColumn(allBits(others)));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Cumulative masks: after the first cut, after the first two, … (a cutflow).
     *
     * @param names the cuts in cutflow order (none means every cut in the order added)
     * @return one mask per step
     */
    public List<BoolColumn> cumulative(String... names) {
        String[] list = names.length == 0 ? cuts.keySet().toArray(String[]::new) : names;
        List<BoolColumn> out = new ArrayList<>();
        long[] acc = ones();
        for (String n : list) {
            long[] b = bits(n);
            for (int w = 0; w < words; w++) {
                acc[w] &= b[w];
            }
            out.add(toColumn(acc));
        }
        return out;
    }

    /**
     * @param names cuts to AND
     * @return the number of events passing all of them
     */
    public int count(String... names) {
        long[] b = allBits(names.length == 0 ? cuts.keySet().toArray(String[]::new) : names);
        int c = 0;
        for (long w : b) {
            c += Long.bitCount(w);
        }
        return c;
    }

    private long[] allBits(String[] names) {
        long[] out = ones();
        for (String n : names) {
            long[] b = bits(n);
            for (int w = 0; w < words; w++) {
                out[w] &= b[w];
            }
        }
        return out;
    }

    private long[] bits(String name) {
        long[] b = cuts.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no cut '" + name + "'; cuts are " + cuts.keySet());
        }
        return b;
    }

    private long[] ones() {
        long[] out = new long[words];
        Arrays.fill(out, -1L);
        clearTail(out);
        return out;
    }

    // Bits past the last event must stay 0 so counts and complements are right.
    private void clearTail(long[] bits) {
        int rem = size & 63;
        if (rem != 0) {
            bits[words - 1] &= (1L << rem) - 1;
        }
    }

    private BoolColumn toColumn(long[] bits) {
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            out[i] = (bits[i >>> 6] & (1L << i)) != 0;
        }
        return BoolColumn.of(out);
    }
}
