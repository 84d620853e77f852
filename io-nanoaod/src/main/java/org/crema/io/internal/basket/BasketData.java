package org.crema.io.internal.basket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One basket's uncompressed data region and entry boundaries.
 *
 * <p>A keyed basket's entry offsets are read where ROOT stores them, in the big-endian table after
 * the data region of the decompressed bytes (already checked by {@link BasketLoader}): copying
 * them into an {@code int[]} per basket would allocate four bytes per entry of every jagged branch,
 * a third of what a full read allocates besides its columns. A basket embedded in the tree record
 * brings its offsets as an array.
 */
public final class BasketData {
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private final int border;
    private final int entries;
    private final int[] offsetArray;
    private final int offsetTable;
    private final int offsetBase;
    private final int payloadBytes;

    private BasketData(byte[] data, int border, int entries, int[] offsetArray, int offsetTable, int offsetBase,
            int payloadBytes) {
        this.data = data;
        this.border = border;
        this.entries = entries;
        this.offsetArray = offsetArray;
        this.offsetTable = offsetTable;
        this.offsetBase = offsetBase;
        this.payloadBytes = payloadBytes;
    }

    /**
     * A basket whose entry offsets are an array, or that has none.
     *
     * @param data bytes; the data region is {@code [0, border)}
     * @param border end of the data region
     * @param entries number of entries in the basket
     * @param entryOffsets {@code entries + 1} checked byte offsets of entry starts within the data
     *     region (last = border), or null when every entry has the same size
     * @param payloadBytes uncompressed size of the whole basket payload
     * @return the basket
     */
    static BasketData withOffsets(byte[] data, int border, int entries, int[] entryOffsets, int payloadBytes) {
        return new BasketData(data, border, entries, entryOffsets, -1, 0, payloadBytes);
    }

    /**
     * A keyed basket whose entry offsets stay in its bytes.
     *
     * @param data bytes; the data region is {@code [0, border)}
     * @param border end of the data region
     * @param entries number of entries in the basket
     * @param offsetTable position in {@code data} of the first of {@code entries} checked big-endian
     *     offsets, each {@code base} more than the entry's start in the data region
     * @param base what ROOT added to each offset (the key length)
     * @param payloadBytes uncompressed size of the whole basket payload
     * @return the basket
     */
    static BasketData withOffsetTable(byte[] data, int border, int entries, int offsetTable, int base,
            int payloadBytes) {
        return new BasketData(data, border, entries, null, offsetTable, base, payloadBytes);
    }

    /** @return the bytes; the data region is {@code [0, border())}. Read-only. */
    public byte[] data() {
        return data;
    }

    /** @return end of the data region */
    public int border() {
        return border;
    }

    /** @return number of entries in the basket */
    public int entries() {
        return entries;
    }

    /** @return uncompressed size of the whole basket payload (data plus entry-offset table) */
    public int payloadBytes() {
        return payloadBytes;
    }

    /** @return true if the basket has per-entry offsets (entries of varying size) */
    public boolean hasEntryOffsets() {
        return offsetArray != null || offsetTable >= 0;
    }

    /**
     * @param entry {@code 0 <= entry <= entries()}, checked by the caller
     * @return byte offset of the entry's start within the data region; {@code border()} for
     *     {@code entries()}; only when {@link #hasEntryOffsets()}
     */
    public int entryOffset(int entry) {
        if (offsetArray != null) {
            return offsetArray[entry];
        }
        return entry == entries ? border : (int) I32.get(data, offsetTable + 4 * entry) - offsetBase;
    }
}
