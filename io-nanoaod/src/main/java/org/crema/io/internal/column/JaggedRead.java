package org.crema.io.internal.column;

import java.util.ArrayList;
import java.util.List;
import org.crema.columnar.Column;
import org.crema.columnar.ElementType;
import org.crema.columnar.ListColumn;
import org.crema.io.internal.basket.BasketCache;
import org.crema.io.internal.basket.BasketData;
import org.crema.io.internal.basket.BasketLoader;
import org.crema.io.internal.basket.BasketTable;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.source.ByteSource;

/**
 * Reading entries {@code [from, to)} of a jagged branch without its counter, on a file whose small
 * reads are cheap. A basket read whole holds {@code fLast - fKeylen} data bytes, which its key header
 * gives without decompressing it; only the baskets the range uses in part (at most the first and the
 * last, loaded first through the file's {@link BasketCache}) must be decompressed to know their share.
 * With every basket's first value known, each basket task decompresses into the thread's scratch
 * array and writes its entries' list offsets and its values straight into the shared output, in
 * parallel, as {@link AlignedRead} does with a counter's offsets. No decompressed basket read whole
 * is kept, where {@link BranchRead} keeps them all until the branch is complete.
 */
final class JaggedRead implements ColumnRead {
    private final ByteSource source;
    private final BasketCache cache;
    private final BasketTable table;
    private final int entryOffsetLen;
    private final ElementType type;
    private final long from;
    private final long to;
    private final ErrorContext context;
    private int firstBasket;
    private long[] firstValue; // per basket of the range, and the total at the end
    private BasketData[] partial; // the baskets the range uses in part, loaded while planning
    private int[] offsets;
    private ValueSink sink;
    private List<BasketTask<Void>> tasks;

    /**
     * @param source the file (not remote: the plan reads each basket's key header on its own)
     * @param cache the file's basket cache
     * @param table the branch's baskets
     * @param entryOffsetLen the branch's fEntryOffsetLen, for messages
     * @param type element type of its leaf
     * @param from first entry, {@code 0 <= from <= to}
     * @param to end entry (exclusive), {@code <= table.entries()} (checked by the caller)
     * @param context error context naming file, tree and branch
     */
    JaggedRead(ByteSource source, BasketCache cache, BasketTable table, int entryOffsetLen, ElementType type,
            long from, long to, ErrorContext context) {
        this.source = source;
        this.cache = cache;
        this.table = table;
        this.entryOffsetLen = entryOffsetLen;
        this.type = type;
        this.from = from;
        this.to = to;
        this.context = context;
    }

    /**
     * The basket tasks, made once with the output they write into. Making them reads the key header
     * of each basket used whole and loads the baskets used in part.
     *
     * @return one task per basket
     * @throws org.crema.io.RootFormatException if the range holds more values than one column can
     */
    @Override
    public List<BasketTask<Void>> tasks() {
        if (tasks == null) {
            plan();
        }
        return tasks;
    }

    private void plan() {
        int[] range = table.overlapping(from, to);
        int count = range[1] - range[0];
        int size = type.byteSize();
        firstBasket = range[0];
        firstValue = new long[count + 1];
        partial = new BasketData[count];
        long total = 0;
        for (int k = 0; k < count; k++) {
            int index = firstBasket + k;
            firstValue[k] = total;
            int bytes;
            if (table.start(index) < from || table.end(index) > to) {
                BasketData b = cache.load(source, table, index, context, from, to, false);
                partial[k] = b;
                bytes = b.entries() == 0 ? 0
                        : requireOffsets(b, index).entryOffset(entryTo(index)) - b.entryOffset(entryFrom(index));
            } else {
                bytes = BasketLoader.dataBytes(source, table, index, context);
            }
            // A size that is not a multiple of the element size is reported, entry by entry, by the
            // basket's task; rounding down here keeps the spans of the other baskets apart meanwhile.
            total += bytes / size;
        }
        firstValue[count] = total;
        if (total > Integer.MAX_VALUE - 16) {
            throw context.format("entries [" + from + ", " + to + ") hold " + total
                    + " values, more than one column can; read a smaller range");
        }
        offsets = new int[Math.toIntExact(to - from) + 1];
        sink = ValueSink.of(type, (int) total);
        List<BasketTask<Void>> list = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int basket = k;
            list.add(BasketTask.of(() -> {
                convert(basket);
                return null;
            }, table.seek(firstBasket + k)));
        }
        tasks = list;
    }

    @Override
    public Column finish() {
        for (BasketTask<Void> t : tasks()) {
            t.join(context, "unexpected failure while reading baskets");
        }
        return ListColumn.ofTrusted(offsets, sink.finish());
    }

    /** Writes basket {@code k}'s list offsets and values into their places in the output. */
    private void convert(int k) {
        int index = firstBasket + k;
        BasketData b = partial[k] != null ? partial[k] : cache.load(source, table, index, context, from, to, true);
        int a = entryFrom(index);
        int e = entryTo(index);
        if (b.entries() == 0 || a == e) {
            return;
        }
        int size = type.byteSize();
        int outEntry = (int) (table.start(index) + a - from);
        int byteStart = requireOffsets(b, index).entryOffset(a);
        long value = firstValue[k];
        int previous = byteStart;
        for (int i = a; i < e; i++) {
            int next = b.entryOffset(i + 1);
            int bytes = next - previous;
            if (bytes % size != 0) {
                throw context.withBasket(table.slot(index), -1).format("entry " + (table.start(index) + i)
                        + " spans " + bytes + " bytes, not a multiple of the " + size + "-byte element size");
            }
            value += bytes / size;
            offsets[outEntry + (i - a) + 1] = (int) value;
            previous = next;
        }
        if (value != firstValue[k + 1]) {
            throw context.withBasket(table.slot(index), -1).format("the entry offsets of entries ["
                    + (table.start(index) + a) + ", " + (table.start(index) + e) + ") cover "
                    + (long) (previous - byteStart) + " bytes but the basket's key header gives "
                    + (firstValue[k + 1] - firstValue[k]) * size + " data bytes (fLast)");
        }
        sink.put(b.data(), byteStart, (int) (value - firstValue[k]), (int) firstValue[k]);
    }

    private BasketData requireOffsets(BasketData b, int index) {
        if (!b.hasEntryOffsets()) {
            throw context.withBasket(table.slot(index), -1).unsupported(
                    "jagged leaf without an entry-offset table in its basket (fEntryOffsetLen=" + entryOffsetLen + ")");
        }
        return b;
    }

    private int entryFrom(int index) {
        return (int) (Math.max(from, table.start(index)) - table.start(index));
    }

    private int entryTo(int index) {
        return (int) (Math.min(to, table.end(index)) - table.start(index));
    }
}
