package org.crema.columnar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.crema.columnar.internal.KernelProvider;
import org.crema.columnar.internal.Kernels;

/**
 * Selection: filtering objects and events, gathering by index, and per-event positional access.
 *
 * <p>Missing values: a per-event pick with local index −1 (as returned by {@link
 * Reductions#argmax} for an empty list, or by {@link FourVectors#nearest} when nothing matches)
 * gives the caller's default value; build the matching validity mask with {@code Masks.ge(index,
 * 0)}. Every method returns new columns (copies), except {@link #flatten}, which is a view.
 */
public final class Selection {
    private static final Kernels K = KernelProvider.KERNELS;

    private Selection() {}

    /**
     * Gathers entries of any column by index (a copy): entry {@code i} of the result is entry {@code
     * rows[i]} of {@code column}. Works for flat, list (copying each selected list) and record
     * columns (gathering every field), recursively.
     *
     * @param column the column
     * @param rows entry indices, each in {@code [0, column.length())}
     * @param <C> column type
     * @return a column of {@code rows.length} entries of the same type
     */
    @SuppressWarnings("unchecked")
    public static <C extends Column> C takeRows(C column, int[] rows) {
        Objects.requireNonNull(rows, "rows");
        return (C) switch ((Column) column) {
            case FloatColumn c -> c.take(rows);
            case DoubleColumn c -> c.take(rows);
            case IntColumn c -> c.take(rows);
            case BoolColumn c -> c.take(rows);
            case LongColumn c -> c.take(rows);
            case ShortColumn c -> c.take(rows);
            case ByteColumn c -> c.take(rows);
            case ListColumn<?> l -> takeLists(l, rows);
            case RecordColumn r -> {
                Map<String, Column> out = new LinkedHashMap<>();
                r.fields().forEach((name, f) -> out.put(name, takeRows(f, rows)));
                yield RecordColumn.of(out, rows.length);
            }
        };
    }

    private static <C extends Column> ListColumn<C> takeLists(ListColumn<C> l, int[] rows) {
        int[] off = l.offsets();
        int from = l.offsetsFrom();
        int[] newOffsets = new int[rows.length + 1];
        // The selected lists as runs of contiguous content: selections keep most events in order
        // (skims, preselections), so whole runs are copied at once instead of gathered by index.
        int[] runStart = new int[rows.length];
        int[] runLength = new int[rows.length];
        int runs = 0;
        for (int i = 0; i < rows.length; i++) {
            int r = Objects.checkIndex(rows[i], l.length());
            int start = off[from + r];
            int count = off[from + r + 1] - start;
            newOffsets[i + 1] = newOffsets[i] + count;
            if (count == 0) {
                continue;
            }
            if (runs > 0 && runStart[runs - 1] + runLength[runs - 1] == start) {
                runLength[runs - 1] += count;
            } else {
                runStart[runs] = start;
                runLength[runs++] = count;
            }
        }
        return ListColumn.ofTrusted(newOffsets, takeRuns(l.content(), runStart, runLength, runs, newOffsets[rows.length]));
    }

    /** The content entries of the given runs, in order: array copies for flat columns. */
    @SuppressWarnings("unchecked")
    private static <C extends Column> C takeRuns(C content, int[] runStart, int[] runLength, int runs, int total) {
        return (C) switch ((Column) content) {
            case FloatColumn c -> {
                float[] out = new float[total];
                copyRuns(c.array(), c.offset(), c.length(), runStart, runLength, runs, out);
                yield FloatColumn.of(out);
            }
            case DoubleColumn c -> {
                double[] out = new double[total];
                copyRuns(c.array(), c.offset(), c.length(), runStart, runLength, runs, out);
                yield DoubleColumn.of(out);
            }
            case IntColumn c -> {
                int[] out = new int[total];
                copyRuns(c.array(), c.offset(), c.length(), runStart, runLength, runs, out);
                yield c.isUnsigned() ? IntColumn.ofUnsigned(out) : IntColumn.of(out);
            }
            case LongColumn c -> {
                long[] out = new long[total];
                copyRuns(c.array(), c.offset(), c.length(), runStart, runLength, runs, out);
                yield c.isUnsigned() ? LongColumn.ofUnsigned(out) : LongColumn.of(out);
            }
            case ShortColumn c -> {
                short[] out = new short[total];
                copyRuns(c.array(), c.offset(), c.length(), runStart, runLength, runs, out);
                yield c.isUnsigned() ? ShortColumn.ofUnsigned(out) : ShortColumn.of(out);
            }
            case ByteColumn c -> {
                byte[] out = new byte[total];
                copyRuns(c.array(), c.offset(), c.length(), runStart, runLength, runs, out);
                yield c.isUnsigned() ? ByteColumn.ofUnsigned(out) : ByteColumn.of(out);
            }
            case BoolColumn c -> {
                boolean[] out = new boolean[total];
                copyRuns(c.array(), c.offset(), c.length(), runStart, runLength, runs, out);
                yield BoolColumn.of(out);
            }
            default -> {
                int[] elements = new int[total];
                int k = 0;
                for (int r = 0; r < runs; r++) {
                    for (int j = 0; j < runLength[r]; j++) {
                        elements[k++] = runStart[r] + j;
                    }
                }
                yield takeRows(content, elements);
            }
        };
    }

    private static void copyRuns(Object array, int offset, int length, int[] runStart, int[] runLength, int runs,
            Object out) {
        int at = 0;
        for (int r = 0; r < runs; r++) {
            Objects.checkFromIndexSize(runStart[r], runLength[r], length);
            System.arraycopy(array, offset + runStart[r], out, at, runLength[r]);
            at += runLength[r];
        }
    }

    /**
     * Keeps the events whose mask entry is true: any column type, including a whole collection
     * ({@code ListColumn<RecordColumn>}).
     *
     * @param column one entry per event
     * @param eventMask one value per entry of {@code column}
     * @param <C> column type
     * @return the selected entries in order (a copy)
     */
    public static <C extends Column> C filterEvents(C column, BoolColumn eventMask) {
        if (column.length() != eventMask.length()) {
            throw new IllegalArgumentException("filterEvents: mask must have one value per entry, got "
                    + eventMask.length() + " mask values for " + column.length() + " entries");
        }
        return takeRows(column, trueIndices(eventMask));
    }

    /**
     * @param mask a flat mask
     * @return the indices of its true entries, ascending
     */
    public static int[] trueIndices(BoolColumn mask) {
        int[] idx = new int[K.countTrue(mask.array(), mask.offset(), mask.length())];
        K.trueIndices(mask.array(), mask.offset(), mask.length(), idx);
        return idx;
    }

    /**
     * Keeps the objects whose mask element is true, event by event (compaction; awkward: {@code
     * jets[mask]}). Works for any content, including records (a whole collection).
     *
     * @param lists per-event objects
     * @param mask object-level mask with equal list lengths in every entry
     * @param <C> content type
     * @return lists of the selected objects (a copy)
     */
    @SuppressWarnings("unchecked")
    public static <C extends Column> ListColumn<C> filter(ListColumn<C> lists, ListColumn<BoolColumn> mask) {
        Jagged.checkSameLists("filter", lists, mask);
        IntColumn kept = Reductions.count(mask);
        int[] newOffsets = new int[lists.length() + 1];
        for (int e = 0; e < lists.length(); e++) {
            newOffsets[e + 1] = newOffsets[e] + kept.array()[e];
        }
        BoolColumn m = Jagged.bools(mask);
        int total = newOffsets[lists.length()];
        C content;
        if (lists.content() instanceof FloatColumn) {
            FloatColumn f = Jagged.floats((ListColumn<FloatColumn>) lists);
            float[] out = new float[total];
            K.compress(f.array(), f.offset(), m.array(), m.offset(), m.length(), out);
            content = (C) FloatColumn.of(out);
        } else {
            int[] idx = new int[total];
            K.trueIndices(m.array(), m.offset(), m.length(), idx);
            int base = Jagged.base(lists);
            for (int i = 0; i < total; i++) {
                idx[i] += base;
            }
            content = takeRows(lists.content(), idx);
        }
        return ListColumn.ofTrusted(newOffsets, content);
    }

    private static int[] globalIndices(String what, ListColumn<?> lists, ListColumn<IntColumn> localIndex, boolean allowMissing) {
        if (lists.length() != localIndex.length()) {
            throw new IllegalArgumentException(what + ": index must have one list per entry, got "
                    + localIndex.length() + " index lists for " + lists.length() + " entries");
        }
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        IntColumn idx = localIndex.content();
        int[] io = localIndex.offsets();
        int ifrom = localIndex.offsetsFrom();
        int[] out = new int[localIndex.totalCount()];
        int k = 0;
        for (int e = 0; e < lists.length(); e++) {
            int s = off[from + e];
            int n = off[from + e + 1] - s;
            for (int j = io[ifrom + e]; j < io[ifrom + e + 1]; j++) {
                int local = idx.array()[idx.offset() + j];
                if (local == -1 && allowMissing) {
                    out[k++] = -1;
                } else if (local < 0 || local >= n) {
                    throw new IllegalArgumentException(what + ": local index must be in [0, " + n + ") for entry " + e
                            + (allowMissing ? " (or -1 for missing)" : "") + ", got " + local);
                } else {
                    out[k++] = s + local;
                }
            }
        }
        return out;
    }

    /**
     * Gathers objects by per-event local index (awkward: {@code jets[idx]} with a jagged {@code
     * idx}): element {@code j} of event {@code e} of the result is object {@code localIndex[e][j]}
     * of event {@code e}. Used for sorting and for reading a combination's members.
     *
     * @param lists per-event objects, any content
     * @param localIndex per-event local indices, each in {@code [0, count(e))}
     * @param <C> content type
     * @return lists shaped like {@code localIndex} (a copy)
     */
    public static <C extends Column> ListColumn<C> take(ListColumn<C> lists, ListColumn<IntColumn> localIndex) {
        int[] global = globalIndices("take", lists, localIndex, false);
        return Jagged.sameLists(localIndex, takeRows(lists.content(), global));
    }

    /**
     * Like {@link #take(ListColumn, ListColumn)} for floats, where a local index of −1 (e.g. "no
     * match") gives {@code missing}.
     *
     * @param lists per-event float lists
     * @param localIndex per-event local indices, each −1 or in {@code [0, count(e))}
     * @param missing the value for index −1
     * @return lists shaped like {@code localIndex}
     */
    public static ListColumn<FloatColumn> take(ListColumn<FloatColumn> lists, ListColumn<IntColumn> localIndex, float missing) {
        int[] global = globalIndices("take", lists, localIndex, true);
        float[] v = lists.content().array();
        int o = lists.content().offset();
        float[] out = new float[global.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = global[i] < 0 ? missing : v[o + global[i]];
        }
        return Jagged.sameLists(localIndex, FloatColumn.of(out));
    }

    private static int pickIndex(String what, ListColumn<?> lists, IntColumn perEvent, int e) {
        int local = perEvent.array()[perEvent.offset() + e];
        int n = lists.offsets()[lists.offsetsFrom() + e + 1] - lists.offsets()[lists.offsetsFrom() + e];
        if (local == -1) {
            return -1;
        }
        if (local < 0 || local >= n) {
            throw new IllegalArgumentException(what + ": local index must be -1 or in [0, " + n + ") for entry " + e + ", got " + local);
        }
        return lists.offsets()[lists.offsetsFrom() + e] + local;
    }

    private static void checkPick(ListColumn<?> lists, IntColumn perEvent) {
        if (lists.length() != perEvent.length()) {
            throw new IllegalArgumentException("pick: index must have one value per entry, got "
                    + perEvent.length() + " indices for " + lists.length() + " entries");
        }
    }

    /**
     * One object per event by local index (e.g. from {@link Reductions#argmax}).
     *
     * @param lists per-event float lists
     * @param perEvent one local index per event, −1 for missing
     * @param missing value for index −1
     * @return one value per event
     */
    public static FloatColumn pick(ListColumn<FloatColumn> lists, IntColumn perEvent, float missing) {
        checkPick(lists, perEvent);
        float[] out = new float[lists.length()];
        float[] v = lists.content().array();
        int o = lists.content().offset();
        for (int e = 0; e < out.length; e++) {
            int g = pickIndex("pick", lists, perEvent, e);
            out[e] = g < 0 ? missing : v[o + g];
        }
        return FloatColumn.of(out);
    }

    /**
     * One int per event by local index; see {@link #pick(ListColumn, IntColumn, float)}.
     *
     * @param lists per-event lists
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @param missing value for a missing element
     * @return the result
     */
    public static IntColumn pick(ListColumn<IntColumn> lists, IntColumn perEvent, int missing) {
        checkPick(lists, perEvent);
        int[] out = new int[lists.length()];
        int[] v = lists.content().array();
        int o = lists.content().offset();
        for (int e = 0; e < out.length; e++) {
            int g = pickIndex("pick", lists, perEvent, e);
            out[e] = g < 0 ? missing : v[o + g];
        }
        return IntColumn.of(out);
    }

    /**
     * One double per event by local index; see {@link #pick(ListColumn, IntColumn, float)}.
     *
     * @param lists per-event lists
     * @param perEvent one value per entry, broadcast to that entry's objects
     * @param missing value for a missing element
     * @return the result
     */
    public static DoubleColumn pick(ListColumn<DoubleColumn> lists, IntColumn perEvent, double missing) {
        checkPick(lists, perEvent);
        double[] out = new double[lists.length()];
        double[] v = lists.content().array();
        int o = lists.content().offset();
        for (int e = 0; e < out.length; e++) {
            int g = pickIndex("pick", lists, perEvent, e);
            out[e] = g < 0 ? missing : v[o + g];
        }
        return DoubleColumn.of(out);
    }

    private static IntColumn kthIndex(ListColumn<?> lists, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0 (0 = leading), got " + k);
        }
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        int[] out = new int[lists.length()];
        for (int e = 0; e < out.length; e++) {
            out[e] = off[from + e + 1] - off[from + e] > k ? k : -1;
        }
        return IntColumn.of(out);
    }

    /**
     * The {@code k}-th element of each list (0 = leading), or {@code missing} when a list has at
     * most {@code k} elements. Lists are used in their stored order: NanoAOD stores objects by
     * descending pt; sort first with {@link Sorting} otherwise.
     *
     * @param lists per-event float lists
     * @param k position, {@code >= 0}
     * @param missing value for short lists
     * @return one value per event
     */
    public static FloatColumn kth(ListColumn<FloatColumn> lists, int k, float missing) {
        return pick(lists, kthIndex(lists, k), missing);
    }

    /**
     * The k-th int per event; see {@link #kth(ListColumn, int, float)}.
     *
     * @param lists per-event lists
     * @param k position, 0 = leading
     * @param missing value for a missing element
     * @return the result
     */
    public static IntColumn kth(ListColumn<IntColumn> lists, int k, int missing) {
        return pick(lists, kthIndex(lists, k), missing);
    }

    /**
     * The k-th double per event; see {@link #kth(ListColumn, int, float)}.
     *
     * @param lists per-event lists
     * @param k position, 0 = leading
     * @param missing value for a missing element
     * @return the result
     */
    public static DoubleColumn kth(ListColumn<DoubleColumn> lists, int k, double missing) {
        return pick(lists, kthIndex(lists, k), missing);
    }

    /**
     * @param lists per-event lists
     * @param missing value for a missing element
     * @return the first element of each list, or {@code missing}; see {@link #kth(ListColumn, int, float)}
     */
    public static FloatColumn leading(ListColumn<FloatColumn> lists, float missing) {
        return kth(lists, 0, missing);
    }

    /**
     * @param lists per-event lists
     * @param missing value for a missing element
     * @return the second element of each list, or {@code missing}; see {@link #kth(ListColumn, int, float)}
     */
    public static FloatColumn subleading(ListColumn<FloatColumn> lists, float missing) {
        return kth(lists, 1, missing);
    }

    /**
     * @param lists any lists
     * @return per event, the local indices {@code 0, 1, …, count-1} (awkward: {@code ak.local_index})
     */
    public static ListColumn<IntColumn> localIndex(ListColumn<?> lists) {
        int[] off = lists.offsets();
        int from = lists.offsetsFrom();
        int base = off[from];
        int[] out = new int[lists.totalCount()];
        for (int e = 0; e < lists.length(); e++) {
            for (int j = off[from + e]; j < off[from + e + 1]; j++) {
                out[j - base] = j - off[from + e];
            }
        }
        return Jagged.sameLists(lists, IntColumn.of(out));
    }

    /**
     * @param lists any lists
     * @return the number of elements per event (awkward: {@code ak.num})
     */
    public static IntColumn counts(ListColumn<?> lists) {
        return lists.counts();
    }

    /**
     * All elements of all lists in order (awkward: {@code ak.flatten}); a view of the content.
     *
     * @param lists any lists
     * @param <C> content type
     * @return the content region holding this column's elements (no copy)
     */
    public static <C extends Column> C flatten(ListColumn<C> lists) {
        return Jagged.flat(lists);
    }
}
