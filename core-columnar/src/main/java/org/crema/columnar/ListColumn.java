package org.crema.columnar;

import java.util.Objects;

/**
 * An immutable column whose entries are variable-length lists: entry {@code i} is {@code
 * content[offsets[i], offsets[i+1])}. awkward: {@code ListOffsetArray}; Arrow: {@code List}.
 * Content may itself be a {@code ListColumn} (lists of lists) or a {@link RecordColumn} (a
 * collection such as {@code Jet}).
 *
 * <p>Offsets are {@code int[length + 1]} (possibly a span of a larger array) and need not start at
 * 0: a view of events 100..199 keeps pointing into the full content. Use {@link #flatContent()} for
 * exactly the elements of this column's entries.
 *
 * @param <C> the content column type
 */
public final class ListColumn<C extends Column> implements Column {
    private final int[] offsets;
    private final int offsetsFrom;
    private final int length;
    private final C content;

    private ListColumn(int[] offsets, int offsetsFrom, int length, C content) {
        this.offsets = offsets;
        this.offsetsFrom = offsetsFrom;
        this.length = length;
        this.content = content;
    }

    /**
     * A list column that takes ownership of {@code offsets} after checking it: {@code offsets[0] >=
     * 0}, monotone non-decreasing, and {@code offsets[last] <= content.length()}.
     *
     * @param offsets list boundaries, {@code length + 1} entries
     * @param content the elements of all lists
     * @param <C> content type
     * @return a column of {@code offsets.length - 1} lists
     * @throws IllegalArgumentException naming the first offset that breaks the rules
     */
    public static <C extends Column> ListColumn<C> of(int[] offsets, C content) {
        Objects.requireNonNull(content, "content");
        checkOffsets(offsets, 0, offsets.length, content.length());
        return new ListColumn<>(offsets, 0, offsets.length - 1, content);
    }

    /**
     * Like {@link #of} but without validation, for kernels and readers that construct offsets they
     * have already proven valid. Passing bad offsets gives undefined (but memory-safe) results.
     *
     * @param offsets list boundaries, {@code length + 1} entries
     * @param content the elements of all lists
     * @param <C> content type
     * @return a column of {@code offsets.length - 1} lists
     */
    public static <C extends Column> ListColumn<C> ofTrusted(int[] offsets, C content) {
        return new ListColumn<>(offsets, 0, offsets.length - 1, content);
    }

    /** Unchecked view over {@code offsets[offsetsFrom, offsetsFrom + length]}, for kernels in this package. */
    static <C extends Column> ListColumn<C> ofTrusted(int[] offsets, int offsetsFrom, int length, C content) {
        return new ListColumn<>(offsets, offsetsFrom, length, content);
    }

    /**
     * Builds offsets from per-entry counts (a copy): the usual shape of NanoAOD's {@code nJet}
     * counter plus a flat {@code Jet_pt}.
     *
     * @param counts number of elements in each entry, each {@code >= 0}
     * @param content the elements, {@code sum(counts)} of them
     * @param <C> content type
     * @return a column of {@code counts.length} lists
     */
    public static <C extends Column> ListColumn<C> fromCounts(int[] counts, C content) {
        int[] offsets = new int[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("counts must be >= 0: counts[" + i + "]=" + counts[i]);
            }
            offsets[i + 1] = Math.addExact(offsets[i], counts[i]);
        }
        if (offsets[counts.length] != content.length()) {
            throw new IllegalArgumentException("sum of counts must equal content length: sum="
                    + offsets[counts.length] + ", content length=" + content.length());
        }
        return new ListColumn<>(offsets, 0, counts.length, content);
    }

    static void checkOffsets(int[] offsets, int from, int count, int contentLength) {
        if (count < 1) {
            throw new IllegalArgumentException("offsets must have at least one entry (length + 1), got " + count);
        }
        if (offsets[from] < 0) {
            throw new IllegalArgumentException("offsets must start >= 0: offsets[0]=" + offsets[from]);
        }
        for (int i = from + 1; i < from + count; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("offsets not monotone: offsets[" + (i - 1 - from) + "]="
                        + offsets[i - 1] + " > offsets[" + (i - from) + "]=" + offsets[i]);
            }
        }
        if (offsets[from + count - 1] > contentLength) {
            throw new IllegalArgumentException("last offset exceeds content length: offsets[" + (count - 1) + "]="
                    + offsets[from + count - 1] + " > content length " + contentLength);
        }
    }

    @Override
    public int length() {
        return length;
    }

    /** @return the content column shared by all lists (may hold elements outside this view) */
    public C content() {
        return content;
    }

    /** @return the backing offsets array, shared and read-only; entry {@code i} starts at {@code offsets()[offsetsFrom() + i]} */
    public int[] offsets() {
        return offsets;
    }

    /** @return the index in {@link #offsets()} of entry 0's start */
    public int offsetsFrom() {
        return offsetsFrom;
    }

    /**
     * @param index entry index
     * @return index in {@link #content()} of the entry's first element
     */
    public int start(int index) {
        Objects.checkIndex(index, length);
        return offsets[offsetsFrom + index];
    }

    /**
     * @param index entry index
     * @return index in {@link #content()} one past the entry's last element
     */
    public int end(int index) {
        Objects.checkIndex(index, length);
        return offsets[offsetsFrom + index + 1];
    }

    /**
     * @param index entry index
     * @return number of elements in the entry
     */
    public int count(int index) {
        return end(index) - start(index);
    }

    /** @return the number of elements in each entry (a new column) */
    public IntColumn counts() {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = offsets[offsetsFrom + i + 1] - offsets[offsetsFrom + i];
        }
        return IntColumn.of(out);
    }

    /** @return total number of elements over all entries of this view */
    public int totalCount() {
        return offsets[offsetsFrom + length] - offsets[offsetsFrom];
    }

    /**
     * The list at {@code index} as a view of the content.
     *
     * @param index entry index
     * @return a content region (no copy)
     */
    public Column get(int index) {
        int s = start(index);
        return content.region(s, end(index) - s);
    }

    /** @return the elements of this view's entries, in order, as a region of the content (no copy) */
    public Column flatContent() {
        int s = offsets[offsetsFrom];
        return content.region(s, offsets[offsetsFrom + length] - s);
    }

    /**
     * @return offsets rebased to start at 0 for this view ({@code length + 1} entries, a copy),
     *     matching {@link #flatContent()}
     */
    public int[] zeroBasedOffsets() {
        int[] out = new int[length + 1];
        int base = offsets[offsetsFrom];
        for (int i = 0; i <= length; i++) {
            out[i] = offsets[offsetsFrom + i] - base;
        }
        return out;
    }

    /**
     * The same lists over another content of the same length (e.g. {@code Jet_eta} beside {@code
     * Jet_pt}); offsets are shared, nothing is copied.
     *
     * @param newContent content with {@code content().length()} elements
     * @param <D> the new content type
     * @return a list column sharing these offsets
     */
    public <D extends Column> ListColumn<D> withContent(D newContent) {
        if (newContent.length() != content.length()) {
            throw new IllegalArgumentException("new content must have the same length as the old: "
                    + newContent.length() + " != " + content.length());
        }
        return new ListColumn<>(offsets, offsetsFrom, length, newContent);
    }

    @Override
    public ListColumn<C> region(int from, int length) {
        Objects.checkFromIndexSize(from, length, this.length);
        return new ListColumn<>(offsets, offsetsFrom + from, length, content);
    }

    @Override
    public long retainedSizeInBytes() {
        return (long) offsets.length * Integer.BYTES + content.retainedSizeInBytes();
    }

    // ---------------------------------------------------------------- fluent vocabulary
    // Each method dispatches on the content's element type at run time (see Fluent) and calls the
    // typed kernels of Masks, Arith, Selection and Reductions; results are new columns.

    /** @param b threshold (rounded to float32 against float values) @return {@code this > b} per element */
    public ListColumn<BoolColumn> gt(double b) {
        return compareTo(Comparison.GT, b);
    }

    /** @param b threshold @return {@code this >= b} per element */
    public ListColumn<BoolColumn> ge(double b) {
        return compareTo(Comparison.GE, b);
    }

    /** @param b threshold @return {@code this < b} per element */
    public ListColumn<BoolColumn> lt(double b) {
        return compareTo(Comparison.LT, b);
    }

    /** @param b threshold @return {@code this <= b} per element */
    public ListColumn<BoolColumn> le(double b) {
        return compareTo(Comparison.LE, b);
    }

    /** @param b value @return {@code this == b} per element */
    public ListColumn<BoolColumn> eq(double b) {
        return compareTo(Comparison.EQ, b);
    }

    /** @param b value @return {@code this != b} per element */
    public ListColumn<BoolColumn> ne(double b) {
        return compareTo(Comparison.NE, b);
    }

    private ListColumn<BoolColumn> compareTo(Comparison op, double b) {
        return Jagged.sameLists(this, Fluent.compare(Fluent.primitive(op.symbol(), this), op, b));
    }

    /**
     * Bit test on integer lists of any width (NanoAOD's {@code jetId} is {@code Int_t} in Run 2 and
     * {@code UChar_t} in Run 3): true where every bit of {@code bits} is set.
     *
     * @param bits the bits that must all be set, e.g. {@code 0b110}
     * @return a mask with these lists
     * @throws IllegalArgumentException for non-integer lists or bits wider than the type
     */
    public ListColumn<BoolColumn> hasBits(long bits) {
        return Jagged.sameLists(this, Fluent.hasBits(Fluent.primitive("hasBits", this), bits));
    }

    /** @param other a mask with the same lists @return element-wise AND (this must be a mask) */
    public ListColumn<BoolColumn> and(ListColumn<BoolColumn> other) {
        return Masks.and(Fluent.bools("and", this), other);
    }

    /** @param perEvent one flag per entry, broadcast to its elements @return element-wise AND */
    public ListColumn<BoolColumn> and(BoolColumn perEvent) {
        return Masks.and(Fluent.bools("and", this), perEvent);
    }

    /** @param other a mask with the same lists @return element-wise OR (this must be a mask) */
    public ListColumn<BoolColumn> or(ListColumn<BoolColumn> other) {
        return Masks.or(Fluent.bools("or", this), other);
    }

    /** @return element-wise NOT (this must be a mask) */
    public ListColumn<BoolColumn> not() {
        return Masks.not(Fluent.bools("not", this));
    }

    /** @return |x| per element (float, double or signed int), same type */
    @SuppressWarnings("unchecked")
    public ListColumn<C> abs() {
        return (ListColumn<C>) Jagged.sameLists(this, Fluent.abs(Fluent.primitive("abs", this)));
    }

    /** @param b scalar (float32 against float values) @return {@code this + b}, same type */
    public ListColumn<C> add(double b) {
        return scalar("add", b);
    }

    /** @param b scalar @return {@code this - b}, same type */
    public ListColumn<C> sub(double b) {
        return scalar("sub", b);
    }

    /** @param b scalar (float32 against float values, as {@code jets.pt * 1.03} in NumPy) @return {@code this * b} */
    public ListColumn<C> mul(double b) {
        return scalar("mul", b);
    }

    /** @param b scalar @return {@code this / b}, same type (not for int) */
    public ListColumn<C> div(double b) {
        return scalar("div", b);
    }

    @SuppressWarnings("unchecked")
    private ListColumn<C> scalar(String op, double b) {
        return (ListColumn<C>) Jagged.sameLists(this, Fluent.arith(op, Fluent.primitive(op, this), b));
    }

    /** @return the values widened to double, same lists (a copy unless already double) */
    public ListColumn<DoubleColumn> toDouble() {
        return Jagged.sameLists(this, Fluent.toDouble(Fluent.primitive("toDouble", this)));
    }

    /** @return the values as float, same lists (a copy unless already float) */
    public ListColumn<FloatColumn> toFloat() {
        return Jagged.sameLists(this, Fluent.toFloat(Fluent.primitive("toFloat", this)));
    }

    /** @return integer values of any width as 32-bit ints (unsigned bytes keep their value) */
    public ListColumn<IntColumn> toInt() {
        return Jagged.sameLists(this, Fluent.toInt(Fluent.primitive("toInt", this)));
    }

    /**
     * @param mask one flag per element, same lists
     * @return the elements whose flag is set (a copy; awkward {@code x[mask]})
     */
    public ListColumn<C> filter(ListColumn<BoolColumn> mask) {
        return Selection.filter(this, mask);
    }

    /**
     * @param localIndex per-entry positions, e.g. from {@code argsort}
     * @return the elements at those positions (a copy; awkward {@code x[idx]})
     */
    public ListColumn<C> take(ListColumn<IntColumn> localIndex) {
        return Selection.take(this, localIndex);
    }

    /**
     * @param k how many, {@code >= 0}
     * @return the first {@code k} elements of each list, fewer where a list is shorter (a copy;
     *     awkward {@code x[:, :k]})
     */
    public ListColumn<C> first(int k) {
        return Fluent.first(this, k);
    }

    /**
     * The {@code k}-th element of each list as a flat column of the content's type; NaN for float and
     * double lists shorter than {@code k + 1} (awkward {@code ak.pad_none(x, k+1)[:, k]}). Integer
     * lists need {@link #at(int, double)}.
     *
     * @param k position, 0 = first
     * @return one value per entry
     */
    public C at(int k) {
        if (!(content instanceof FloatColumn || content instanceof DoubleColumn)) {
            throw new IllegalArgumentException("at(" + k + "): lists of " + Fluent.describe(this)
                    + " have no NaN for missing elements; use at(k, missing)");
        }
        return Fluent.at(this, k, Double.NaN);
    }

    /**
     * @param k position, 0 = first
     * @param missing the value where a list is shorter than {@code k + 1} (converted to the type)
     * @return one value per entry, of the content's type
     */
    public C at(int k, double missing) {
        return Fluent.at(this, k, missing);
    }

    /**
     * One element per entry at a per-entry position (awkward {@code x[ak.argmax(y, axis=1,
     * keepdims=True)]}), NaN where the position is −1; float or double lists.
     *
     * @param perEntry one position per entry, −1 for none
     * @return one value per entry
     */
    @SuppressWarnings("unchecked")
    public C at(IntColumn perEntry) {
        return (C) switch (content) {
            case FloatColumn f -> Selection.pick((ListColumn<FloatColumn>) this, perEntry, Float.NaN);
            case DoubleColumn d -> Selection.pick((ListColumn<DoubleColumn>) this, perEntry, Double.NaN);
            default -> throw new IllegalArgumentException("at(positions): needs float or double lists (NaN marks "
                    + "a missing element), got " + Fluent.describe(this));
        };
    }

    /** @return per entry, the number of true elements (this must be a mask; awkward {@code ak.sum(mask, axis=1)}) */
    public IntColumn count() {
        return Reductions.count(Fluent.bools("count", this));
    }

    /** @return per entry, whether any element is true (this must be a mask) */
    public BoolColumn any() {
        return Reductions.any(Fluent.bools("any", this));
    }

    /** @return per entry, whether every element is true (this must be a mask) */
    public BoolColumn all() {
        return Reductions.all(Fluent.bools("all", this));
    }

    /**
     * @return per entry, the sum of the elements (float, double or int, same type; 0 for empty
     *     lists); a mask gives the number of true elements
     */
    @SuppressWarnings("unchecked")
    public C sum() {
        if (content instanceof BoolColumn) {
            return (C) count();
        }
        Fluent.primitive("sum", this);
        return (C) Reductions.sum((ListColumn<PrimitiveColumn>) this);
    }

    /** @return per entry, the largest element (NaN for empty float or double lists, 0 for empty int lists) */
    public C max() {
        return Fluent.extremum(this, true);
    }

    /** @return per entry, the smallest element (NaN for empty float or double lists, 0 for empty int lists) */
    public C min() {
        return Fluent.extremum(this, false);
    }

    /** @return per entry, the position of the largest element, −1 for empty lists (first wins ties) */
    public IntColumn argmax() {
        return Fluent.argExtremum(this, true);
    }

    /** @return per entry, the position of the smallest element, −1 for empty lists (first wins ties) */
    public IntColumn argmin() {
        return Fluent.argExtremum(this, false);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ListColumn<?> other) || other.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (count(i) != other.count(i)) {
                return false;
            }
        }
        return flatContent().equals(other.flatContent());
    }

    @Override
    public int hashCode() {
        return 31 * counts().hashCode() + flatContent().hashCode();
    }

    @Override
    public String toString() {
        return ColumnFormat.format(this);
    }
}
