package org.crema.arrow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.crema.arrow.internal.AtomicFile;
import org.crema.arrow.internal.TableShape;
import org.crema.arrow.internal.TableShape.ColumnShape;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.ElementType;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.ShortColumn;

/**
 * Writes an Arrow IPC file in the random-access file format ({@code ARROW1} magic, schema, record
 * batches, footer): what pyarrow calls Feather v2 and reads with {@code pd.read_feather}, {@code
 * pl.read_ipc} or {@code pa.ipc.open_file}. Each {@link #write} is one record batch.
 *
 * <p>Types: flat columns become non-nullable primitive arrays of the same width and signedness
 * ({@code UINT8} → {@code uint8}, {@code BOOL} → {@code bool}); a {@code ListColumn} becomes a
 * non-nullable {@code list<item: T>} whose offsets are the column's offsets rebased to 0, so the
 * list lengths are exactly crema's. The {@link TableMetadata} is the schema's key-value metadata.
 *
 * <p>Arrow's buffers live off-heap in an allocator owned by this writer and freed by {@link
 * #close()}; each batch is copied into them once and released after it is written, so memory held
 * is about one batch.
 */
public final class ArrowIpcTableWriter implements ColumnTableWriter {
    private final AtomicFile file;
    private final TableMetadata metadata;
    private final BufferAllocator allocator;
    private TableShape shape;
    private VectorSchemaRoot root;
    private ArrowFileWriter writer;
    private int batches;
    private long rows;
    private boolean failed;
    private boolean done;

    private ArrowIpcTableWriter(AtomicFile file, TableMetadata metadata) {
        this.file = file;
        this.metadata = metadata;
        this.allocator = new RootAllocator();
    }

    /**
     * Starts a file; see {@link ColumnTableWriter#arrowIpc}.
     *
     * @param target the file to create or replace on commit
     * @param metadata provenance written as schema metadata
     * @return a new writer
     */
    public static ArrowIpcTableWriter create(Path target, TableMetadata metadata) {
        java.util.Objects.requireNonNull(metadata, "metadata");
        return new ArrowIpcTableWriter(AtomicFile.create(target), metadata);
    }

    @Override
    public void write(SequencedMap<String, ? extends Column> columns) {
        ensureOpen();
        try {
            int n;
            if (shape == null) {
                shape = TableShape.of(file.target().toString(), 0, columns);
                n = columns.firstEntry().getValue().length();
                start();
            } else {
                n = shape.check(file.target().toString(), batches, columns);
            }
            int i = 0;
            for (Column c : columns.values()) {
                FieldVector v = root.getVector(i);
                v.clear();
                fill(v, c, shape.columns().get(i));
                i++;
            }
            root.setRowCount(n);
            writer.writeBatch();
            batches++;
            rows += n;
        } catch (IOException e) {
            failed = true;
            throw new ColumnOutputException(file.target() + ": writing batch " + batches + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    private void start() throws IOException {
        List<Field> fields = new ArrayList<>();
        for (ColumnShape c : shape.columns()) {
            fields.add(field(c));
        }
        root = VectorSchemaRoot.create(new Schema(fields, metadata.toKeyValues()), allocator);
        writer = new ArrowFileWriter(root, null, file.channel());
        writer.start();
    }

    private static Field field(ColumnShape c) {
        FieldType element = FieldType.notNullable(arrowType(c.type()));
        if (!c.list()) {
            return new Field(c.name(), element, null);
        }
        // "item" is the child name pyarrow and polars write; readers accept any name.
        return new Field(c.name(), FieldType.notNullable(ArrowType.List.INSTANCE), List.of(new Field("item", element, null)));
    }

    private static ArrowType arrowType(ElementType t) {
        return switch (t) {
            case BOOL -> ArrowType.Bool.INSTANCE;
            case INT8 -> new ArrowType.Int(8, true);
            case UINT8 -> new ArrowType.Int(8, false);
            case INT16 -> new ArrowType.Int(16, true);
            case UINT16 -> new ArrowType.Int(16, false);
            case INT32 -> new ArrowType.Int(32, true);
            case UINT32 -> new ArrowType.Int(32, false);
            case INT64 -> new ArrowType.Int(64, true);
            case UINT64 -> new ArrowType.Int(64, false);
            case FLOAT32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        };
    }

    private static void fill(FieldVector v, Column c, ColumnShape shape) {
        if (!shape.list()) {
            fillPrimitive(v, (PrimitiveColumn) c, 0, c.length());
            return;
        }
        ListColumn<?> l = (ListColumn<?>) c;
        ListVector lv = (ListVector) v;
        int n = l.length();
        lv.setInitialCapacity(n);
        lv.allocateNew();
        while (lv.getValueCapacity() < n) {
            lv.reAlloc();
        }
        int[] offsets = l.offsets();
        int from = l.offsetsFrom();
        int base = offsets[from];
        ArrowBuf ob = lv.getOffsetBuffer();
        for (int i = 0; i <= n; i++) {
            ob.setInt(4L * i, offsets[from + i] - base);
        }
        setAllValid(lv.getValidityBuffer(), n);
        fillPrimitive(lv.getDataVector(), (PrimitiveColumn) l.content(), base, l.totalCount());
        // Offsets were written directly: tell the vector they are all set, or setValueCount would
        // "fill holes" by overwriting them with the last set offset.
        lv.setLastSet(n - 1);
        lv.setValueCount(n);
    }

    /** Copies {@code count} values of {@code c} starting at {@code from} into {@code v}, all valid. */
    private static void fillPrimitive(FieldVector v, PrimitiveColumn c, int from, int count) {
        BaseFixedWidthVector fv = (BaseFixedWidthVector) v;
        fv.clear();
        fv.allocateNew(count);
        ArrowBuf data = fv.getDataBuffer();
        switch (c) {
            case FloatColumn f -> {
                float[] a = f.array();
                int o = f.offset() + from;
                for (int i = 0; i < count; i++) {
                    data.setFloat(4L * i, a[o + i]);
                }
            }
            case DoubleColumn d -> {
                double[] a = d.array();
                int o = d.offset() + from;
                for (int i = 0; i < count; i++) {
                    data.setDouble(8L * i, a[o + i]);
                }
            }
            case IntColumn x -> {
                int[] a = x.array();
                int o = x.offset() + from;
                for (int i = 0; i < count; i++) {
                    data.setInt(4L * i, a[o + i]);
                }
            }
            case LongColumn x -> {
                long[] a = x.array();
                int o = x.offset() + from;
                for (int i = 0; i < count; i++) {
                    data.setLong(8L * i, a[o + i]);
                }
            }
            case ShortColumn x -> {
                short[] a = x.array();
                int o = x.offset() + from;
                for (int i = 0; i < count; i++) {
                    data.setShort(2L * i, a[o + i]);
                }
            }
            case ByteColumn x -> data.setBytes(0, x.array(), x.offset() + from, count);
            case BoolColumn b -> {
                // Arrow booleans are a bitmap, least significant bit first.
                boolean[] a = b.array();
                int o = b.offset() + from;
                data.setZero(0, (count + 7) / 8);
                for (int i = 0; i < count; i++) {
                    if (a[o + i]) {
                        data.setByte(i >>> 3, data.getByte(i >>> 3) | (1 << (i & 7)));
                    }
                }
            }
        }
        setAllValid(fv.getValidityBuffer(), count);
        fv.setValueCount(count);
    }

    /** Sets the first {@code n} validity bits and clears the rest of the last byte. */
    private static void setAllValid(ArrowBuf validity, int n) {
        int full = n >>> 3;
        validity.setOne(0, full);
        if ((n & 7) != 0) {
            validity.setByte(full, (1 << (n & 7)) - 1);
        }
    }

    @Override
    public void commit() {
        ensureOpen();
        if (writer == null) {
            throw new ColumnOutputException(file.target() + ": no batch written; the schema comes from the first batch, so write an empty batch for an empty table");
        }
        try {
            writer.end();
            file.commit();
            done = true;
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e instanceof ColumnOutputException ce ? ce
                    : new ColumnOutputException(file.target() + ": finishing the file failed: " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    private void ensureOpen() {
        if (done) {
            throw new IllegalStateException(file.target() + ": writer already committed or closed");
        }
        if (failed) {
            throw new IllegalStateException(file.target() + ": an earlier write failed; close the writer");
        }
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public Path target() {
        return file.target();
    }

    @Override
    public void close() {
        done = true;
        if (root != null) {
            root.close();
            root = null;
        }
        file.close();
        allocator.close();
    }
}
