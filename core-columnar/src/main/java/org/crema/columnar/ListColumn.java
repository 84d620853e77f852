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
