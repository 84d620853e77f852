package org.crema.arrow;

import java.nio.file.Path;
import java.util.SequencedMap;
import org.crema.columnar.Column;

/**
 * Writes named crema columns, one batch (chunk of events) at a time, into one table file for
 * Python tools. The first batch fixes the schema: column names, their order and their types; every
 * later batch must have the same. Supported columns are flat primitive columns ({@code FloatColumn},
 * {@code IntColumn}, {@code BoolColumn}, …, unsigned types kept unsigned) and {@code ListColumn}s of
 * them (jagged columns such as {@code Muon_pt}); a {@code RecordColumn} is written as its fields,
 * each under its own name, by the caller.
 *
 * <p>Writes are atomic: bytes go to a hidden temporary file beside the target, which {@link
 * #commit()} renames onto the target. {@link #close()} without a commit, or any failure, deletes the
 * temporary file, so the target is either the complete new table or untouched.
 *
 * <p>Instances are not thread-safe: one writer is fed by one thread (an executor collects the
 * chunks' columns and writes them in order). Columns are read, never kept: a batch may be
 * discarded once {@link #write} returns.
 */
public sealed interface ColumnTableWriter extends AutoCloseable permits ArrowIpcTableWriter, ParquetTableWriter {

    /**
     * Starts an Arrow IPC file (the random-access file format, {@code .arrow} / Feather v2).
     *
     * @param target the file to create or replace on {@link #commit()}
     * @param metadata provenance written as schema metadata
     * @return a new writer; nothing is visible at {@code target} until commit
     */
    static ArrowIpcTableWriter arrowIpc(Path target, TableMetadata metadata) {
        return ArrowIpcTableWriter.create(target, metadata);
    }

    /**
     * Starts an uncompressed Parquet file; see {@link ParquetTableWriter#create(Path, TableMetadata,
     * ParquetTableWriter.Codec)} for compression.
     *
     * @param target the file to create or replace on {@link #commit()}
     * @param metadata provenance written as footer key-value metadata
     * @return a new writer; nothing is visible at {@code target} until commit
     */
    static ParquetTableWriter parquet(Path target, TableMetadata metadata) {
        return ParquetTableWriter.create(target, metadata, ParquetTableWriter.Codec.UNCOMPRESSED);
    }

    /**
     * Appends one batch: an Arrow record batch or a Parquet row group. All columns must have the same
     * length (the batch's number of rows, which may be 0); views ({@code region}) are written as the
     * entries they show, offsets rebased to 0.
     *
     * @param columns column name → column, in schema order
     * @throws ColumnOutputException if the batch does not match the schema or writing fails; the
     *     writer is then unusable and only {@link #close()} is allowed
     */
    void write(SequencedMap<String, ? extends Column> columns);

    /**
     * Finishes the file and renames it onto the target. At least one batch must have been written,
     * since the first batch gives the schema (write an empty batch for an empty selection).
     *
     * @throws ColumnOutputException if no batch was written or finishing fails; the target is then
     *     untouched
     */
    void commit();

    /** @return rows written so far over all batches */
    long rowCount();

    /** @return the file this writer replaces on commit */
    Path target();

    /** Releases resources; deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    void close();
}
