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
 * Reading entries {@code [from, to)} of one branch: find the baskets that overlap the range, load
 * them (possibly in parallel on an executor), then slice and bulk-convert them into one column.
 * Baskets straddling either end of the range are sliced, not copied whole, and kept in the file's
 * {@link BasketCache} for the read of the neighbouring entries.
 *
 * <p>Every basket is decompressed into an array of its own and kept until the branch is complete,
 * so this is the read of last resort: for a jagged branch without its counter on a remote file,
 * where {@link JaggedRead}'s key-header reads would each be a round trip.
 */
public final class BranchRead implements ColumnRead {
    private final ByteSource source;
    private final BasketCache cache;
    private final BasketTable table;
    private final int entryOffsetLen;
    private final ElementType type;
    private final int fixedLength;
    private final boolean jagged;
    private final long from;
    private final long to;
    private final ErrorContext context;
    private final int firstBasket;
    private final int lastBasket;
    private List<BasketTask<BasketData>> pending;

    /**
     * @param source the file (or a read plan over it)
     * @param cache the file's basket cache
     * @param table the branch's baskets
     * @param entryOffsetLen the branch's fEntryOffsetLen, for messages
     * @param type element type of its leaf
     * @param fixedLength values per entry for a non-jagged leaf (1 for scalars)
     * @param jagged true if the leaf has a counter
     * @param from first entry, {@code 0 <= from <= to}
     * @param to end entry (exclusive), {@code <= table.entries()} (checked by the caller)
     * @param context error context naming file, tree and branch
     */
    public BranchRead(ByteSource source, BasketCache cache, BasketTable table, int entryOffsetLen, ElementType type, int fixedLength,
            boolean jagged, long from, long to, ErrorContext context) {
        this.source = source;
        this.cache = cache;
        this.table = table;
        this.entryOffsetLen = entryOffsetLen;
        this.type = type;
        this.fixedLength = fixedLength;
        this.jagged = jagged;
        this.from = from;
        this.to = to;
        this.context = context;
        int[] range = table.overlapping(from, to);
        this.firstBasket = range[0];
        this.lastBasket = range[1];
    }

    /**
     * The basket loads of this read, made once and not yet submitted (a caller reading several
     * branches submits all of them in file order).
     *
     * @return one task per basket
     */
    @Override
    public List<BasketTask<BasketData>> tasks() {
        if (pending == null) {
            pending = new ArrayList<>(lastBasket - firstBasket);
            for (int i = firstBasket; i < lastBasket; i++) {
                int index = i;
                pending.add(BasketTask.of(() -> cache.load(source, table, index, context, from, to, false),
                        table.seek(index)));
            }
        }
        return pending;
    }

    /**
     * @return the decoded baskets, running those no executor thread has started and waiting for the
     *     others (read and decompression errors are rethrown as is)
     */
    public List<BasketData> baskets() {
        List<BasketData> out = new ArrayList<>(tasks().size());
        for (BasketTask<BasketData> t : tasks()) {
            out.add(t.join(context, "unexpected failure while reading baskets"));
        }
        return out;
    }

    /** @return the column of entries {@code [from, to)} */
    @Override
    public Column finish() {
        List<BasketData> baskets = baskets();
        int size = type.byteSize();
        int n = Math.toIntExact(to - from);
        int[] offsets = jagged || fixedLength != 1 ? new int[n + 1] : null;
        long total = 0;
        int entry = 0;
        // Pass 1: element counts (and list offsets) per entry.
        for (int k = 0; k < baskets.size(); k++) {
            BasketData b = baskets.get(k);
            int basketIndex = firstBasket + k;
            int a = (int) (Math.max(from, table.start(basketIndex)) - table.start(basketIndex));
            int e = (int) (Math.min(to, table.end(basketIndex)) - table.start(basketIndex));
            if (jagged) {
                requireOffsets(b, basketIndex);
                int next = b.entries() == 0 ? 0 : b.entryOffset(a);
                for (int i = a; i < e; i++) {
                    int start = next;
                    next = b.entryOffset(i + 1);
                    int bytes = next - start;
                    if (bytes % size != 0) {
                        throw context.withBasket(table.slot(basketIndex), -1).format("entry " + (table.start(basketIndex) + i)
                                + " spans " + bytes + " bytes, not a multiple of the " + size + "-byte element size");
                    }
                    total += bytes / size;
                    offsets[++entry] = (int) Math.min(total, Integer.MAX_VALUE);
                }
            } else {
                long need = (long) e * fixedLength * size;
                if (need > b.border()) {
                    throw context.withBasket(table.slot(basketIndex), -1).format("basket holds " + b.border()
                            + " data bytes but " + e + " entries of " + fixedLength + " x " + size + " bytes need "
                            + need);
                }
                for (int i = a; i < e; i++) {
                    total += fixedLength;
                    if (offsets != null) {
                        offsets[++entry] = (int) Math.min(total, Integer.MAX_VALUE);
                    }
                }
                if (offsets == null) {
                    entry += e - a;
                }
            }
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw context.format("entries [" + from + ", " + to + ") hold " + total
                    + " values, more than one column can; read a smaller range");
        }
        // Pass 2: bulk conversion of each basket's slice.
        ValueSink sink = ValueSink.of(type, (int) total);
        int at = 0;
        for (int k = 0; k < baskets.size(); k++) {
            BasketData b = baskets.get(k);
            int basketIndex = firstBasket + k;
            int a = (int) (Math.max(from, table.start(basketIndex)) - table.start(basketIndex));
            int e = (int) (Math.min(to, table.end(basketIndex)) - table.start(basketIndex));
            int byteStart;
            int byteEnd;
            if (jagged && b.entries() == 0) {
                byteStart = 0;
                byteEnd = 0;
            } else if (jagged) {
                byteStart = b.entryOffset(a);
                byteEnd = b.entryOffset(e);
            } else {
                byteStart = a * fixedLength * size;
                byteEnd = e * fixedLength * size;
            }
            int count = (byteEnd - byteStart) / size;
            sink.put(b.data(), byteStart, count, at);
            at += count;
        }
        PrimitiveColumn content = sink.finish();
        return offsets == null ? content : ListColumn.ofTrusted(offsets, content);
    }

    private void requireOffsets(BasketData b, int basketIndex) {
        if (!b.hasEntryOffsets() && b.entries() > 0) {
            throw context.withBasket(table.slot(basketIndex), -1).unsupported(
                    "jagged leaf without an entry-offset table in its basket (fEntryOffsetLen="
                            + entryOffsetLen + ")");
        }
    }
}
