package org.crema.arrow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.zip.GZIPOutputStream;
import org.crema.arrow.internal.AtomicFile;
import org.crema.arrow.internal.TableShape;
import org.crema.arrow.internal.TableShape.ColumnShape;
import org.crema.arrow.internal.ThriftCompact;
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
 * Writes a Parquet file from the format specification alone (no parquet-java, hence no Hadoop):
 * each {@link #write} is one row group holding one PLAIN-encoded data page (v1) per column,
 * uncompressed or GZIP. That is the subset every Parquet reader supports, and it is all crema's
 * columns need: no dictionaries (physics values rarely repeat), no statistics or page indexes.
 *
 * <p>Types: {@code FLOAT32} → {@code FLOAT}, {@code FLOAT64} → {@code DOUBLE}, {@code BOOL} → {@code
 * BOOLEAN}, {@code INT32}/{@code INT64} as themselves, narrower and unsigned integers as {@code
 * INT32}/{@code INT64} annotated {@code INT_8}, {@code UINT_8}, … so pyarrow reads back the same
 * Arrow type. Flat columns are {@code required}; a {@code ListColumn} is the standard three-level
 * list ({@code required group name (LIST) { repeated group list { required T element; } }}), with
 * repetition and definition levels of bit width 1. The {@link TableMetadata} is the footer's
 * key-value metadata.
 *
 * <p>A batch of 0 rows adds no row group (some readers reject empty pages); the schema is still
 * written, so an empty selection gives a valid empty table.
 */
public final class ParquetTableWriter implements ColumnTableWriter {

    /** Page compression. */
    public enum Codec {
        /** No compression: fastest to write and to read. */
        UNCOMPRESSED(0),
        /** GZIP (RFC 1952) from the JDK: about 2x smaller for NanoAOD floats, slower to write. */
        GZIP(2);

        final int thriftValue;

        Codec(int thriftValue) {
            this.thriftValue = thriftValue;
        }
    }

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    // parquet.thrift enum values.
    private static final int BOOLEAN = 0, INT32 = 1, INT64 = 2, FLOAT = 4, DOUBLE = 5;
    private static final int REQUIRED = 0, REPEATED = 2;
    private static final int CT_LIST = 3, CT_UINT_8 = 11, CT_UINT_16 = 12, CT_UINT_32 = 13, CT_UINT_64 = 14,
            CT_INT_8 = 15, CT_INT_16 = 16;
    private static final int PLAIN = 0, RLE = 3, DATA_PAGE = 0;

    private record Chunk(long offset, long uncompressed, long compressed, long values) {
    }

    private record RowGroup(List<Chunk> chunks, long rows) {
    }

    private final AtomicFile file;
    private final TableMetadata metadata;
    private final Codec codec;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private TableShape shape;
    private long position;
    private int batches;
    private long rows;
    private boolean failed;
    private boolean done;

    private ParquetTableWriter(AtomicFile file, TableMetadata metadata, Codec codec) {
        this.file = file;
        this.metadata = metadata;
        this.codec = codec;
    }

    /**
     * Starts a file.
     *
     * @param target the file to create or replace on commit
     * @param metadata provenance written as footer key-value metadata
     * @param codec page compression
     * @return a new writer; nothing is visible at {@code target} until commit
     */
    public static ParquetTableWriter create(Path target, TableMetadata metadata, Codec codec) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(codec, "codec");
        AtomicFile f = AtomicFile.create(target);
        ParquetTableWriter w = new ParquetTableWriter(f, metadata, codec);
        try {
            w.put(MAGIC);
        } catch (IOException e) {
            f.close();
            throw new ColumnOutputException(target + ": writing the header failed: " + e.getMessage(), e);
        }
        return w;
    }

    @Override
    public void write(SequencedMap<String, ? extends Column> columns) {
        ensureOpen();
        try {
            int n;
            if (shape == null) {
                shape = TableShape.of(file.target().toString(), 0, columns);
                n = columns.firstEntry().getValue().length();
            } else {
                n = shape.check(file.target().toString(), batches, columns);
            }
            if (n > 0) {
                List<Chunk> chunks = new ArrayList<>(columns.size());
                for (Column c : columns.values()) {
                    chunks.add(writeChunk(c));
                }
                rowGroups.add(new RowGroup(chunks, n));
            }
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

    private Chunk writeChunk(Column c) throws IOException {
        byte[] body;
        int numValues;
        if (c instanceof ListColumn<?> l) {
            int n = l.length();
            int[] offsets = l.offsets();
            int from = l.offsetsFrom();
            // One level pair per element, plus one for each empty list (definition level 0).
            int levels = 0;
            for (int i = 0; i < n; i++) {
                levels += Math.max(1, offsets[from + i + 1] - offsets[from + i]);
            }
            byte[] rep = new byte[(levels + 7) / 8];
            byte[] def = new byte[(levels + 7) / 8];
            int k = 0;
            for (int i = 0; i < n; i++) {
                int count = offsets[from + i + 1] - offsets[from + i];
                if (count == 0) {
                    k++; // repetition 0, definition 0: an empty list
                    continue;
                }
                for (int j = 0; j < count; j++, k++) {
                    def[k >>> 3] |= (byte) (1 << (k & 7));
                    if (j > 0) {
                        rep[k >>> 3] |= (byte) (1 << (k & 7));
                    }
                }
            }
            byte[] values = plain((PrimitiveColumn) l.content(), offsets[from], l.totalCount());
            ByteArrayOutputStream b = new ByteArrayOutputStream(values.length + 2 * rep.length + 32);
            levels(b, rep, levels);
            levels(b, def, levels);
            b.writeBytes(values);
            body = b.toByteArray();
            numValues = levels;
        } else {
            body = plain((PrimitiveColumn) c, 0, c.length());
            numValues = c.length();
        }
        byte[] page = compress(body);
        byte[] header = new ThriftCompact()
                .i32(1, DATA_PAGE)
                .i32(2, body.length)
                .i32(3, page.length)
                .structField(5)
                .i32(1, numValues)
                .i32(2, PLAIN)
                .i32(3, RLE)
                .i32(4, RLE)
                .endStruct()
                .endStruct()
                .toByteArray();
        long offset = position;
        put(header);
        put(page);
        return new Chunk(offset, header.length + (long) body.length, header.length + (long) page.length, numValues);
    }

    /**
     * Levels in the RLE / bit-packing hybrid with bit width 1, as one bit-packed run, prefixed by its
     * byte length as data pages v1 require.
     */
    private static void levels(ByteArrayOutputStream b, byte[] bits, int count) {
        int groups = (count + 7) / 8;
        ByteArrayOutputStream run = new ByteArrayOutputStream(groups + 5);
        long header = ((long) groups << 1) | 1;
        while ((header & ~0x7FL) != 0) {
            run.write((int) ((header & 0x7F) | 0x80));
            header >>>= 7;
        }
        run.write((int) header);
        run.write(bits, 0, groups);
        int len = run.size();
        b.write(len);
        b.write(len >>> 8);
        b.write(len >>> 16);
        b.write(len >>> 24);
        b.writeBytes(run.toByteArray());
    }

    /** PLAIN encoding of {@code count} values from {@code from}: little-endian, booleans bit-packed. */
    private static byte[] plain(PrimitiveColumn c, int from, int count) {
        return switch (c) {
            case FloatColumn x -> {
                ByteBuffer bb = le(4L * count);
                bb.asFloatBuffer().put(x.array(), x.offset() + from, count);
                yield bb.array();
            }
            case DoubleColumn x -> {
                ByteBuffer bb = le(8L * count);
                bb.asDoubleBuffer().put(x.array(), x.offset() + from, count);
                yield bb.array();
            }
            case IntColumn x -> {
                ByteBuffer bb = le(4L * count);
                bb.asIntBuffer().put(x.array(), x.offset() + from, count);
                yield bb.array();
            }
            case LongColumn x -> {
                ByteBuffer bb = le(8L * count);
                bb.asLongBuffer().put(x.array(), x.offset() + from, count);
                yield bb.array();
            }
            case ShortColumn x -> {
                // Parquet has no 16-bit physical type: widen to INT32, honouring signedness.
                ByteBuffer bb = le(4L * count);
                short[] a = x.array();
                int o = x.offset() + from;
                boolean unsigned = x.elementType().isUnsigned();
                for (int i = 0; i < count; i++) {
                    bb.putInt(unsigned ? Short.toUnsignedInt(a[o + i]) : a[o + i]);
                }
                yield bb.array();
            }
            case ByteColumn x -> {
                ByteBuffer bb = le(4L * count);
                byte[] a = x.array();
                int o = x.offset() + from;
                boolean unsigned = x.elementType().isUnsigned();
                for (int i = 0; i < count; i++) {
                    bb.putInt(unsigned ? Byte.toUnsignedInt(a[o + i]) : a[o + i]);
                }
                yield bb.array();
            }
            case BoolColumn x -> {
                byte[] out = new byte[(count + 7) / 8];
                boolean[] a = x.array();
                int o = x.offset() + from;
                for (int i = 0; i < count; i++) {
                    if (a[o + i]) {
                        out[i >>> 3] |= (byte) (1 << (i & 7));
                    }
                }
                yield out;
            }
        };
    }

    private static ByteBuffer le(long size) {
        if (size > Integer.MAX_VALUE - 64) {
            throw new ColumnOutputException("a Parquet page of " + size + " bytes exceeds 2 GiB; write smaller batches");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private byte[] compress(byte[] body) throws IOException {
        if (codec == Codec.UNCOMPRESSED) {
            return body;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(body.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(b, 1 << 16)) {
            gz.write(body);
        }
        return b.toByteArray();
    }

    private void put(byte[] bytes) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        while (bb.hasRemaining()) {
            position += file.channel().write(bb);
        }
    }

    private byte[] footer() {
        ThriftCompact t = new ThriftCompact();
        t.i32(1, 1);
        int elements = 1;
        for (ColumnShape c : shape.columns()) {
            elements += c.list() ? 3 : 1;
        }
        t.listField(2, 12, elements);
        t.beginStruct().i32(3, REQUIRED).string(4, "schema").i32(5, shape.columns().size()).endStruct();
        for (ColumnShape c : shape.columns()) {
            if (c.list()) {
                t.beginStruct().i32(3, REQUIRED).string(4, c.name()).i32(5, 1).i32(6, CT_LIST).endStruct();
                t.beginStruct().i32(3, REPEATED).string(4, "list").i32(5, 1).endStruct();
                leaf(t, "element", c.type());
            } else {
                leaf(t, c.name(), c.type());
            }
        }
        t.i64(3, rows);
        t.listField(4, 12, rowGroups.size());
        for (int g = 0; g < rowGroups.size(); g++) {
            RowGroup rg = rowGroups.get(g);
            long uncompressed = 0;
            long compressed = 0;
            t.beginStruct();
            t.listField(1, 12, rg.chunks().size());
            for (int i = 0; i < rg.chunks().size(); i++) {
                Chunk ch = rg.chunks().get(i);
                ColumnShape c = shape.columns().get(i);
                uncompressed += ch.uncompressed();
                compressed += ch.compressed();
                t.beginStruct().i64(2, ch.offset()).structField(3);
                t.i32(1, physicalType(c.type()));
                if (c.list()) {
                    t.listField(2, 5, 2).i32Value(PLAIN).i32Value(RLE);
                    t.listField(3, 8, 3).stringValue(c.name()).stringValue("list").stringValue("element");
                } else {
                    t.listField(2, 5, 1).i32Value(PLAIN);
                    t.listField(3, 8, 1).stringValue(c.name());
                }
                t.i32(4, codec.thriftValue).i64(5, ch.values()).i64(6, ch.uncompressed()).i64(7, ch.compressed())
                        .i64(9, ch.offset());
                t.endStruct().endStruct();
            }
            t.i64(2, uncompressed).i64(3, rg.rows()).i64(5, rg.chunks().getFirst().offset()).i64(6, compressed);
            if (g <= Short.MAX_VALUE) {
                t.i16(7, (short) g); // ordinal is an i16 in parquet.thrift; it is optional, so omit it past that
            }
            t.endStruct();
        }
        Map<String, String> kv = metadata.toKeyValues();
        t.listField(5, 12, kv.size());
        kv.forEach((k, v) -> t.beginStruct().string(1, k).string(2, v).endStruct());
        t.string(6, "crema io-arrow version " + TableMetadata.CREMA_VERSION);
        t.endStruct();
        return t.toByteArray();
    }

    private static void leaf(ThriftCompact t, String name, ElementType type) {
        t.beginStruct().i32(1, physicalType(type)).i32(3, REQUIRED).string(4, name);
        int converted = switch (type) {
            case INT8 -> CT_INT_8;
            case UINT8 -> CT_UINT_8;
            case INT16 -> CT_INT_16;
            case UINT16 -> CT_UINT_16;
            case UINT32 -> CT_UINT_32;
            case UINT64 -> CT_UINT_64;
            default -> -1;
        };
        if (converted >= 0) {
            t.i32(6, converted);
        }
        t.endStruct();
    }

    private static int physicalType(ElementType type) {
        return switch (type) {
            case BOOL -> BOOLEAN;
            case INT8, UINT8, INT16, UINT16, INT32, UINT32 -> INT32;
            case INT64, UINT64 -> INT64;
            case FLOAT32 -> FLOAT;
            case FLOAT64 -> DOUBLE;
        };
    }

    @Override
    public void commit() {
        ensureOpen();
        if (shape == null) {
            failed = true;
            close();
            throw new ColumnOutputException(file.target() + ": no batch written; the schema comes from the first batch, so write an empty batch for an empty table");
        }
        try {
            byte[] footer = footer();
            put(footer);
            ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, footer.length);
            put(len.array());
            put(MAGIC);
            file.commit();
        } catch (IOException e) {
            failed = true;
            throw new ColumnOutputException(file.target() + ": writing the footer failed: " + e.getMessage(), e);
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
        file.close();
    }
}
