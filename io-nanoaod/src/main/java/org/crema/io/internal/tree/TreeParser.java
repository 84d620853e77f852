package org.crema.io.internal.tree;

import java.util.ArrayList;
import java.util.List;
import org.crema.io.internal.buffer.RootBuffer;
import org.crema.io.internal.streamer.ObjectStream;
import org.crema.io.internal.streamer.ObjectStream.Header;
import org.crema.io.internal.streamer.ObjectStream.ObjectReader;

/**
 * Streams a TTree record into a {@link TreeModel}: TTree versions 16–20, TBranch 10–13 (newer read
 * as 13), every TLeaf class through the common TLeaf base, and embedded TBaskets. Members after the
 * last one needed are skipped by byte count, so newer writers that append members still parse.
 */
public final class TreeParser {
    private final ObjectStream in;
    private final RootBuffer b;

    private TreeParser(RootBuffer buffer) {
        this.b = buffer;
        this.in = new ObjectStream(buffer);
    }

    /**
     * @param payload the decompressed payload of a TTree key
     * @return the tree's metadata
     */
    public static TreeModel parse(RootBuffer payload) {
        return new TreeParser(payload).tree();
    }

    private TreeModel tree() {
        Header h = in.header();
        int v = h.version();
        if (v < 16) {
            throw b.context().unsupported("TTree class version " + v + " (written before ROOT 5.26) is not supported");
        }
        String[] named = in.tnamed();
        in.skipObject("TAttLine");
        in.skipObject("TAttFill");
        in.skipObject("TAttMarker");
        long entries = b.i64();
        b.i64(); // fTotBytes
        b.i64(); // fZipBytes
        b.i64(); // fSavedBytes
        if (v >= 18) {
            b.i64(); // fFlushedBytes
        }
        b.f64(); // fWeight
        b.i32(); // fTimerInterval
        b.i32(); // fScanField
        b.i32(); // fUpdate
        if (v >= 17) {
            b.i32(); // fDefaultEntryOffsetLen
        }
        int nClusterRange = v >= 19 ? b.i32() : 0;
        b.i64(); // fMaxEntries
        b.i64(); // fMaxEntryLoop
        b.i64(); // fMaxVirtualSize
        b.i64(); // fAutoSave
        long autoFlush = v >= 18 ? b.i64() : 0;
        b.i64(); // fEstimate
        long[] rangeEnd = new long[0];
        long[] rangeSize = new long[0];
        if (v >= 19) {
            if (nClusterRange < 0) {
                throw b.error("negative fNClusterRange " + nClusterRange);
            }
            rangeEnd = optionalLongs(nClusterRange);
            rangeSize = optionalLongs(nClusterRange);
        }
        if (entries < 0) {
            throw b.error("negative entry count " + entries + " in tree " + named[0]);
        }
        if (v >= 20) {
            in.skipObject("TIOFeatures");
        }
        List<BranchModel> branches = denseArray(this::branchObject, BranchModel.class, "branch list");
        in.skipTo(h, "TTree");
        return new TreeModel(named[0], named[1], v, entries, autoFlush, rangeEnd, rangeSize, branches);
    }

    private long[] optionalLongs(int n) {
        int flag = b.i8();
        return flag == 0 ? new long[0] : b.i64Array(n);
    }

    private int[] optionalInts(int n) {
        int flag = b.i8();
        return flag == 0 ? new int[n] : b.i32Array(n);
    }

    private long[] optionalLongsPadded(int n) {
        int flag = b.i8();
        return flag == 0 ? new long[n] : b.i64Array(n);
    }

    /**
     * Reads a TObjArray. Every element is read (a null pointer stays a null element, so positions
     * keep their meaning), and the array must end exactly where its byte count says: a short or long
     * read means the bytes are damaged, and skipping to the end would silently drop elements.
     */
    private List<Object> objArray(ObjectReader reader, String what, Class<?> dense) {
        Header h = in.header();
        if (h.version() > 2) {
            in.tobject();
        }
        if (h.version() > 1) {
            b.string();
        }
        int n = b.i32();
        b.i32(); // fLowerBound: 0 for every array of a TTree
        if (n < 0 || n > b.remaining() / 4) {
            throw b.error(what + ": TObjArray claims " + n + " elements but only " + b.remaining() + " bytes remain");
        }
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = b.position();
            Object o = in.objectAny(reader);
            if (dense != null && !dense.isInstance(o)) {
                // Stop here: after a damaged element the following bytes cannot be trusted either.
                b.seek(at);
                throw b.error(what + ": element " + i + " of " + n + " is "
                        + (o == null ? "missing (a null pointer)" : "not a " + dense.getSimpleName())
                        + " (damaged record)");
            }
            out.add(o);
        }
        if (h.end() >= 0 && b.position() != h.end()) {
            throw b.error(what + ": its " + n + " elements end at byte " + b.position()
                    + " but the array's byte count says " + h.end() + " (damaged record)");
        }
        return out;
    }

    /** A branch's or tree's array of branches or leaves: every element must be present and of the class. */
    private <T> List<T> denseArray(ObjectReader reader, Class<T> type, String what) {
        List<T> out = new ArrayList<>();
        for (Object o : objArray(reader, what, type)) {
            out.add(type.cast(o));
        }
        return out;
    }

    private Object branchObject(String className, ObjectStream stream, int end) {
        if (className.equals("TBranch")) {
            return branch(className);
        }
        if (className.startsWith("TBranch")) {
            // TBranchElement, TBranchObject, …: a TBranch base followed by members we do not model.
            Header h = in.header();
            BranchModel base = branch(className);
            in.skipTo(h, className);
            return base;
        }
        return null;
    }

    private BranchModel branch(String className) {
        Header h = in.header();
        int v = h.version();
        if (v < 10) {
            throw b.context().unsupported("TBranch class version " + v + " (written before ROOT 5.x) is not supported");
        }
        String[] named = in.tnamed();
        in.skipObject("TAttFill");
        int compress = b.i32();
        b.i32(); // fBasketSize
        int entryOffsetLen = b.i32();
        int writeBasket = b.i32();
        b.i64(); // fEntryNumber
        if (v >= 13) {
            in.skipObject("TIOFeatures");
        }
        b.i32(); // fOffset
        int maxBaskets = b.i32();
        b.i32(); // fSplitLevel
        long entries = b.i64();
        if (v >= 11) {
            b.i64(); // fFirstEntry
        }
        long totBytes = b.i64();
        long zipBytes = b.i64();
        List<BranchModel> sub = denseArray(this::branchObject, BranchModel.class, "sub-branches of " + named[0]);
        List<LeafModel> leaves = denseArray(this::leafObject, LeafModel.class, "leaves of branch " + named[0]);
        // fBaskets holds a basket only where it was not written to its own key; its index is its slot.
        List<Object> slots = objArray(this::basketObject, "baskets of branch " + named[0], null);
        List<EmbeddedBasket> embedded = new ArrayList<>();
        for (int slot = 0; slot < slots.size(); slot++) {
            if (slots.get(slot) instanceof BasketContent c) {
                embedded.add(new EmbeddedBasket(slot, c.entries(), c.data(), c.entryOffsets()));
            }
        }
        if (maxBaskets < 0 || writeBasket < 0 || writeBasket > maxBaskets) {
            throw b.error("branch " + named[0] + ": fWriteBasket=" + writeBasket + ", fMaxBaskets=" + maxBaskets
                    + " (need 0 <= fWriteBasket <= fMaxBaskets)");
        }
        int[] basketBytes = optionalInts(maxBaskets);
        long[] basketEntry = optionalLongsPadded(maxBaskets);
        long[] basketSeek = optionalLongsPadded(maxBaskets);
        in.skipTo(h, "TBranch");
        return new BranchModel(className, named[0], named[1], compress, entryOffsetLen, writeBasket, entries,
                totBytes, zipBytes, basketBytes, basketEntry, basketSeek, List.copyOf(embedded), List.copyOf(leaves),
                List.copyOf(sub));
    }

    private Object leafObject(String className, ObjectStream stream, int end) {
        if (!className.startsWith("TLeaf")) {
            return null;
        }
        Header h = in.header();
        Header base = in.header();
        String[] named = in.tnamed();
        int len = b.i32();
        b.i32(); // fLenType
        b.i32(); // fOffset
        b.i8(); // fIsRange
        boolean unsigned = b.i8() != 0;
        Object count = in.objectAny(this::leafObject);
        in.skipTo(base, "TLeaf");
        in.skipTo(h, className);
        return new LeafModel(className, named[0], named[1], len, unsigned, count instanceof LeafModel l ? l : null);
    }

    /** A TBasket's content as streamed inside the tree record, before its slot is known. */
    private record BasketContent(int entries, byte[] data, int[] entryOffsets) {
    }

    /**
     * A TBasket streamed inside its branch, read as ROOT's TBasket::Streamer reads it. The flag after
     * fLast says what follows: 0 the header only; entry offsets unless {@code flag % 10 == 2};
     * displacements when above 40; the buffer when 1 or above 10; 80 is added when the offsets were
     * left out to be regenerated (only TBranchElement does that). Baskets without a buffer or without
     * entries hold nothing to read and are dropped.
     */
    private Object basketObject(String className, ObjectStream stream, int end) {
        if (!className.equals("TBasket")) {
            throw b.error("basket array holds a " + className + ", not a TBasket (damaged record)");
        }
        b.i32(); // fNbytes
        int keyVersion = b.i16();
        b.i32(); // fObjlen
        b.i32(); // fDatime
        int keylen = b.i16();
        b.i16(); // fCycle
        b.skip(keyVersion > 1000 ? 16 : 8);
        b.string();
        b.string();
        b.string();
        b.i16(); // basket version
        b.i32(); // fBufferSize
        b.i32(); // fNevBufSize
        int nevBuf = b.i32();
        int last = b.i32();
        int flag = b.u8();
        if (flag == 0) {
            return null;
        }
        boolean regenerate = flag >= 80;
        if (regenerate) {
            flag -= 80;
        }
        if (nevBuf < 0) {
            throw b.error("embedded basket has a negative entry count " + nevBuf);
        }
        int[] offsets = null;
        if (!regenerate && flag % 10 != 2) {
            if (nevBuf > 0) {
                int n = b.i32();
                offsets = b.i32Array(n);
                // Flags 21-39: old writers kept displacement bits in the offsets' top byte.
                int mask = flag > 20 && flag < 40 ? 0x00FFFFFF : 0xFFFFFFFF;
                for (int i = 0; i < offsets.length; i++) {
                    offsets[i] = (offsets[i] & mask) - keylen;
                }
            }
            if (flag > 40) {
                int n = b.i32();
                b.skip(Math.multiplyExact(4, Math.max(0, n)));
            }
        }
        if (!(flag == 1 || flag > 10)) {
            return null;
        }
        int border = last - keylen;
        if (keylen < 0 || border < 0) {
            throw b.error("embedded basket has fLast=" + last + " < fKeylen=" + keylen);
        }
        b.skip(keylen);
        if (border > b.remaining()) {
            throw b.error("embedded basket data of " + border + " bytes exceeds the " + b.remaining() + " bytes left");
        }
        byte[] data = new byte[border];
        System.arraycopy(b.array(), b.position(), data, 0, border);
        b.skip(border);
        return nevBuf == 0 ? null : new BasketContent(nevBuf, data, offsets);
    }
}
