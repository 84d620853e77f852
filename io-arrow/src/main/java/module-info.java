/**
 * crema io-arrow: writes crema columns as Arrow IPC files (Feather v2) and Parquet files, the way
 * columns leave crema for pandas, polars, pyarrow and DuckDB.
 *
 * <p>Arrow's memory module reads a private field of {@code java.nio.Buffer}: run with {@code
 * --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED}.
 */
module org.crema.arrow {
    requires transitive org.crema.columnar;
    requires org.apache.arrow.vector;
    requires org.apache.arrow.memory.core;

    exports org.crema.arrow;
}
