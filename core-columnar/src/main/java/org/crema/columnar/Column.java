package org.crema.columnar;

/**
 * An immutable column of {@link #length()} entries. Flat columns ({@link FloatColumn}, {@link
 * IntColumn}, …) hold primitive values in a heap array plus a base offset; {@link ListColumn} adds
 * per-entry lists (offsets + content); {@link RecordColumn} groups named columns of equal length.
 *
 * <p>Columns are immutable and safe to share between threads. Methods named {@code region} return
 * views that share storage; {@code compact}, {@code copyOf} and {@code take} copy.
 */
public sealed interface Column
        permits PrimitiveColumn, ListColumn, RecordColumn {

    /** @return the number of entries */
    int length();

    /**
     * Bytes held alive by this column, counting whole backing arrays even when this is a view of a
     * part of them; executors use it to bound memory.
     *
     * @return retained heap bytes (approximate: array headers are ignored)
     */
    long retainedSizeInBytes();

    /**
     * A view of entries {@code [from, from + length)} sharing this column's storage.
     *
     * @param from first entry, {@code 0 <= from <= length()}
     * @param length number of entries, {@code from + length <= length()}
     * @return a view; no data is copied
     */
    Column region(int from, int length);
}
