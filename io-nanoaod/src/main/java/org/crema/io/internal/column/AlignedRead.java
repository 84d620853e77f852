package org.crema.io.internal.column;

import java.util.ArrayList;
import java.util.List;
import org.crema.columnar.Column;
import org.crema.columnar.ElementType;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.internal.basket.BasketCache;
import org.crema.io.internal.basket.BasketData;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.basket.BasketTable;
import org.crema.io.internal.source.ByteSource;

/**
 * Reading entries {@code [from, to)} of one branch when every value's destination is known before
 * any basket is decompressed: flat leaves (entry × length) and jagged leaves whose counter column
 * has been read already (its offsets). Each basket task then decompresses into a per-thread scratch
 * array and converts its slice straight into the shared output array, so no decompressed basket is
 * kept and the tasks write disjoint spans in parallel. Each basket's own entry-offset table is checked
 * against the counter. Baskets the range uses in part go through the file's {@link BasketCache}
 * instead, for the read of the neighbouring entries.
 */
public final class AlignedRead implements ColumnRead {
    private final ByteSource source;
    private final BasketCache cache;
    private final BasketTable table;
    private final ElementType type;
    private final int fixedLength;
    private final long from;
    private final long to;
    private final int[] offsets;
    private final ErrorContext context;
    private ValueSink sink;
    private List<BasketTask<Void>> tasks;

    /**
     * @param source the file (or a read plan over it)
     * @param cache the file's basket cache
     * @param table the branch's baskets
     * @param type element type
     * @param fixedLength values per entry of a non-jagged leaf
     * @param offsets for a jagged leaf: {@code to - from + 1} zero-based element offsets from its
     *     counter; null for a non-jagged leaf
     * @param from first entry, {@code 0 <= from <= to}
     * @param to end entry (exclusive), {@code <= table.entries()} (checked by the caller)
     * @param context error context naming file, tree and branch
     */
    public AlignedRead(ByteSource source, BasketCache cache, BasketTable table, ElementType type, int fixedLength, int[] offsets,
            long from, long to, ErrorContext context) {
        this.source = source;
        this.cache = cache;
        this.table = table;
        this.type = type;
        this.fixedLength = fixedLength;
        this.offsets = offsets;
        this.from = from;
        this.to = to;
        this.context = context;
    }

    /**
     * The basket tasks of this read, made once (with the output they write into) and not yet
     * submitted.
     *
     * @return one task per basket
     * @throws org.crema.io.RootFormatException if the range holds more values than one column can
     */
    @Override
    public List<BasketTask<Void>> tasks() {
        if (tasks == null) {
            int n = Math.toIntExact(to - from);
            long total = offsets != null ? offsets[n] : (long) n * fixedLength;
            if (total > Integer.MAX_VALUE - 16) {
                throw context.format("entries [" + from + ", " + to + ") hold " + total
                        + " values, more than one column can");
            }
            ValueSink out = ValueSink.of(type, (int) total);
            List<BasketTask<Void>> list = new ArrayList<>();
            int[] range = table.overlapping(from, to);
            for (int i = range[0]; i < range[1]; i++) {
                int index = i;
                list.add(BasketTask.of(() -> {
                    convert(index, out);
                    return null;
                }, table.seek(index)));
            }
            sink = out;
            tasks = list;
        }
        return tasks;
    }

    /**
     * Runs the basket tasks no executor thread has started, waits for the others, and wraps the
     * output.
     *
     * @return the column of entries {@code [from, to)}
     */
    @Override
    public Column finish() {
        for (BasketTask<Void> t : tasks()) {
            t.join(context, "unexpected failure while reading baskets");
        }
        int n = Math.toIntExact(to - from);
        PrimitiveColumn content = sink.finish();
        if (offsets != null) {
            return ListColumn.ofTrusted(offsets, content);
        }
        if (fixedLength != 1) {
            int[] regular = new int[n + 1];
            for (int e = 0; e <= n; e++) {
                regular[e] = e * fixedLength;
            }
            return ListColumn.ofTrusted(regular, content);
        }
        return content;
    }

    private void convert(int index, ValueSink sink) {
        BasketData b = cache.load(source, table, index, context, from, to, true);
        int size = type.byteSize();
        int a = (int) (Math.max(from, table.start(index)) - table.start(index));
        int e = (int) (Math.min(to, table.end(index)) - table.start(index));
        int outEntry = (int) (table.start(index) + a - from);
        int byteStart;
        int count;
        int dst;
        if (offsets != null) {
            if (!b.hasEntryOffsets()) {
                throw context.withBasket(table.slot(index), -1).unsupported("jagged leaf without an entry-offset table in its basket");
            }
            byteStart = b.entryOffset(a);
            int bytes = b.entryOffset(e) - byteStart;
            dst = offsets[outEntry];
            count = offsets[outEntry + (e - a)] - dst;
            if ((long) count * size != bytes) {
                throw context.withBasket(table.slot(index), -1).format("basket holds " + bytes + " bytes for entries ["
                        + (table.start(index) + a) + ", " + (table.start(index) + e) + ") but the counter gives " + count
                        + " values of " + size + " bytes");
            }
        } else {
            byteStart = a * fixedLength * size;
            count = (e - a) * fixedLength;
            dst = outEntry * fixedLength;
            if ((long) e * fixedLength * size > b.border()) {
                throw context.withBasket(table.slot(index), -1).format("basket holds " + b.border() + " data bytes but " + e
                        + " entries of " + fixedLength + " x " + size + " bytes need " + ((long) e * fixedLength * size));
            }
        }
        sink.put(b.data(), byteStart, count, dst);
    }
}
