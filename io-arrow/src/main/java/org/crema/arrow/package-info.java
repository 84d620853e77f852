/**
 * Writes crema columns for Python tools: Arrow IPC files ({@link org.crema.arrow.ArrowIpcTableWriter},
 * read by {@code pd.read_feather}, {@code pl.read_ipc}, {@code pa.ipc.open_file}) and Parquet files
 * ({@link org.crema.arrow.ParquetTableWriter}, read by {@code pq.read_table}, {@code pl.read_parquet},
 * DuckDB). Both take named columns one batch (chunk of events) at a time and write atomically.
 *
 * <pre>{@code
 * TableMetadata meta = TableMetadata.of("DYJetsToLL_M-50", "DY", "2018", true, 6077.22, "2mu");
 * try (ColumnTableWriter out = ColumnTableWriter.arrowIpc(Path.of("dy_2mu.arrow"), meta)) {
 *     for (Chunk chunk : chunks) {                       // one record batch per chunk
 *         SequencedMap<String, Column> cols = new LinkedHashMap<>();
 *         cols.put("event", chunk.event());                // LongColumn (unsigned) → uint64
 *         cols.put("genWeight", chunk.genWeight());        // FloatColumn → float32
 *         cols.put("Muon_pt", chunk.muons().pt());         // ListColumn<FloatColumn> → list<float32>
 *         out.write(cols);
 *     }
 *     out.commit();                                      // rename onto dy_2mu.arrow; close() alone discards
 * }
 * }</pre>
 *
 * <p>Run time needs {@code --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED}
 * for Arrow's memory module (Parquet writing does not use Arrow and needs no flag).
 */
package org.crema.arrow;
