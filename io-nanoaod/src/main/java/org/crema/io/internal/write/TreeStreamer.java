package org.crema.io.internal.write;

import java.util.List;

/**
 * Streams a TTree of flat leaf-list branches at the current class versions (TTree 20, TBranch 13,
 * TLeaf 2, TLeafX 1), as the ROOT I/O specification's "Writing trees" describes them. Counter
 * branches must precede the branches they count: a leaf's {@code fLeafCount} is a reference to a
 * leaf already streamed in the same record.
 */
public final class TreeStreamer {
    private static final int IO_FEATURES_CHECKSUM = 0x1aa12f10;

    /**
     * One branch with its single leaf, as it stands after the last basket was written.
     *
     * @param name branch and leaf name
     * @param title branch title
     * @param leafTitle leaf title, with {@code [counter]} for jagged leaves
     * @param leafClass e.g. TLeafF
     * @param valueSize bytes per value
     * @param unsigned leaf fIsUnsigned
     * @param isCounter leaf fIsRange: some other leaf counts with this one
     * @param counter index of the counter branch in the list, or -1
     * @param maximum the largest value for a counter leaf (ROOT sizes its read buffer from it), else 0
     * @param compress branch compression setting
     * @param entryOffsetLen non-zero iff the baskets carry entry offsets
     * @param entries entry count
     * @param totBytes Σ keylen + objlen over baskets
     * @param zipBytes Σ nbytes over baskets
     * @param basketBytes per basket fNbytes
     * @param basketEntry per basket first entry, plus the total as terminator
     * @param basketSeek per basket record offset
     */
    public record Branch(String name, String title, String leafTitle, String leafClass, int valueSize,
            boolean unsigned, boolean isCounter, int counter, long maximum, int compress, int entryOffsetLen,
            long entries, long totBytes, long zipBytes, int[] basketBytes, long[] basketEntry, long[] basketSeek) {
    }

    private TreeStreamer() {
    }

    /**
     * @param b buffer whose origin is the tree key's length
     * @param name tree name
     * @param title tree title
     * @param entries entry count
     * @param clusterRangeEnd last entry of each closed cluster range
     * @param clusterSize cluster size within each closed range
     * @param autoFlush cluster size of the final, open-ended range
     * @param branches the branches, counters before the branches they count
     */
    public static void write(WriteBuffer b, String name, String title, long entries, long[] clusterRangeEnd,
            long[] clusterSize, long autoFlush, List<Branch> branches) {
        long totBytes = 0;
        long zipBytes = 0;
        for (Branch br : branches) {
            totBytes += br.totBytes();
            zipBytes += br.zipBytes();
        }
        int tree = b.beginObject(20);
        b.tNamed(name, title, 0x8);
        attributes(b);
        b.i64(entries).i64(totBytes).i64(zipBytes);
        b.i64(0); // fSavedBytes
        // fFlushedBytes: non-zero tells readers that cluster boundaries were recorded.
        b.i64(clusterRangeEnd.length > 0 || autoFlush > 0 ? zipBytes : 0);
        b.f64(1.0); // fWeight
        b.i32(0).i32(25).i32(0); // fTimerInterval, fScanField, fUpdate
        b.i32(1000); // fDefaultEntryOffsetLen
        b.i32(clusterRangeEnd.length);
        b.i64(1_000_000_000_000L).i64(1_000_000_000_000L); // fMaxEntries, fMaxEntryLoop
        b.i64(0); // fMaxVirtualSize: must not be negative
        b.i64(-300_000_000L); // fAutoSave
        b.i64(autoFlush);
        b.i64(1_000_000L); // fEstimate
        longs(b, clusterRangeEnd);
        longs(b, clusterSize);
        ioFeatures(b);
        Object[] leafIds = new Object[branches.size()];
        for (int i = 0; i < leafIds.length; i++) {
            leafIds[i] = new Object();
        }
        int arr = b.beginObject(3);
        b.tObject(0x4000); // kIsOwner, as ROOT leaves on fBranches
        b.string("");
        b.i32(branches.size()).i32(0);
        for (int i = 0; i < branches.size(); i++) {
            branch(b, branches.get(i), leafIds, i);
        }
        b.endObject(arr);
        int leaves = b.beginObject(3);
        b.tObject(0);
        b.string("");
        b.i32(branches.size()).i32(0);
        for (Object id : leafIds) {
            b.reference(id);
        }
        b.endObject(leaves);
        b.nullPointer(); // fAliases
        b.i32(0); // fIndexValues
        b.i32(0); // fIndex
        b.nullPointer(); // fTreeIndex
        b.nullPointer(); // fFriends
        b.nullPointer(); // fUserInfo
        b.nullPointer(); // fBranchRef
        b.endObject(tree);
    }

    private static void attributes(WriteBuffer b) {
        int line = b.beginObject(2);
        b.i16(602).i16(1).i16(1);
        b.endObject(line);
        int fill = b.beginObject(2);
        b.i16(0).i16(1001);
        b.endObject(fill);
        int marker = b.beginObject(3);
        b.i16(1).i16(1).f32(1.0f);
        b.endObject(marker);
    }

    private static void longs(WriteBuffer b, long[] v) {
        // A counted pointer: a presence flag, then exactly the counter's number of values.
        if (v.length == 0) {
            b.i8(0);
            return;
        }
        b.i8(1);
        for (long x : v) {
            b.i64(x);
        }
    }

    private static void ioFeatures(WriteBuffer b) {
        // ROOT::TIOFeatures has no ClassDef: version word 0, then its checksum, then fIOBits.
        int p = b.beginObject(0);
        b.i32(IO_FEATURES_CHECKSUM);
        b.i8(0);
        b.endObject(p);
    }

    private static void branch(WriteBuffer b, Branch br, Object[] leafIds, int index) {
        int slot = b.beginPointer(null, "TBranch");
        int p = b.beginObject(13);
        b.tNamed(br.name(), br.title(), 0);
        int fill = b.beginObject(2);
        b.i16(0).i16(1001);
        b.endObject(fill);
        int nBaskets = br.basketBytes().length;
        int maxBaskets = Math.max(nBaskets + 1, 10);
        b.i32(br.compress()).i32(32000).i32(br.entryOffsetLen()).i32(nBaskets);
        b.i64(br.entries()); // fEntryNumber = fFirstEntry + fEntries
        ioFeatures(b);
        b.i32(0); // fOffset
        b.i32(maxBaskets);
        b.i32(0); // fSplitLevel
        b.i64(br.entries()).i64(0).i64(br.totBytes()).i64(br.zipBytes());
        emptyArray(b, 0); // fBranches
        int leaves = b.beginObject(3);
        b.tObject(0);
        b.string("");
        b.i32(1).i32(0);
        leaf(b, br, leafIds, index);
        b.endObject(leaves);
        // fBaskets: fWriteBasket + 1 null slots (every basket is on disk, none embedded).
        int baskets = b.beginObject(3);
        b.tObject(0);
        b.string("");
        b.i32(nBaskets + 1).i32(0);
        for (int i = 0; i <= nBaskets; i++) {
            b.nullPointer();
        }
        b.endObject(baskets);
        b.i8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i32(i < nBaskets ? br.basketBytes()[i] : 0);
        }
        b.i8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i64(i <= nBaskets ? br.basketEntry()[i] : 0);
        }
        b.i8(1);
        for (int i = 0; i < maxBaskets; i++) {
            b.i64(i < nBaskets ? br.basketSeek()[i] : 0);
        }
        b.string(""); // fFileName: baskets are in this file
        b.endObject(p);
        b.endObject(slot);
    }

    private static void emptyArray(WriteBuffer b, int bits) {
        int p = b.beginObject(3);
        b.tObject(bits);
        b.string("");
        b.i32(0).i32(0);
        b.endObject(p);
    }

    private static void leaf(WriteBuffer b, Branch br, Object[] leafIds, int index) {
        int slot = b.beginPointer(leafIds[index], br.leafClass());
        int p = b.beginObject(1);
        int base = b.beginObject(2);
        b.tNamed(br.name(), br.leafTitle(), 0);
        b.i32(1); // fLen: 1 for scalars and for counted arrays alike
        b.i32(br.valueSize());
        b.i32(0); // fOffset
        b.bool(br.isCounter());
        b.bool(br.unsigned());
        if (br.counter() >= 0) {
            b.reference(leafIds[br.counter()]);
        } else {
            b.nullPointer();
        }
        b.endObject(base);
        long max = br.maximum();
        switch (br.leafClass()) {
            case "TLeafO", "TLeafB" -> b.i8(0).i8((int) max);
            case "TLeafS" -> b.i16(0).i16((int) max);
            case "TLeafI" -> b.i32(0).i32((int) max);
            case "TLeafL" -> b.i64(0).i64(max);
            case "TLeafF" -> b.f32(0).f32(max);
            case "TLeafD" -> b.f64(0).f64(max);
            default -> throw new IllegalArgumentException("unsupported leaf class " + br.leafClass());
        }
        b.endObject(p);
        b.endObject(slot);
    }
}
