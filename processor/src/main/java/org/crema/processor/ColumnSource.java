package org.crema.processor;

import java.util.OptionalDouble;
import java.util.Set;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;

/**
 * Where an {@link Events} view gets its columns: the branches of one entry range of one tree (the
 * ROOT reader), or in-memory columns (tests, skims). {@link Events} caches what it reads, so a source
 * may read on every call.
 *
 * <p>Not thread-safe unless stated by the implementation; one chunk is processed by one thread.
 */
public interface ColumnSource extends AutoCloseable {

    /** @return the number of events (entries) in the range */
    int length();

    /** @return names of every column that {@link #column} can return */
    Set<String> columnNames();

    /**
     * Reads one column for the whole range. NanoAOD jagged branches ({@code Muon_pt}) are
     * {@code ListColumn}s, counters ({@code nMuon}) and flat branches are primitive columns.
     *
     * @param name a name from {@link #columnNames()}
     * @return a column of {@link #length()} entries
     */
    Column column(String name);

    /**
     * A collection built natively by the source (e.g. by a NanoAOD reader that knows counters and
     * cross-references). When this returns {@code null}, {@link Events#collection} groups the
     * {@code name_*} branches itself.
     *
     * @param name collection name, e.g. {@code Muon}
     * @param fields fields to include; empty means every field
     * @return the collection or {@code null}
     */
    default ListColumn<RecordColumn> collection(String name, java.util.List<String> fields) {
        return null;
    }

    /**
     * @return Σ genEventSumw over the whole file's {@code Runs} tree, when the file has one (MC
     *     normalisation); empty otherwise
     */
    default OptionalDouble fileSumGenWeights() {
        return OptionalDouble.empty();
    }

    /** @return compressed bytes read from storage so far (for metrics), 0 if unknown */
    default long bytesRead() {
        return 0;
    }

    /** Releases files or buffers held by the source; the default does nothing. */
    @Override
    default void close() {
    }
}
