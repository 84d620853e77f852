package org.crema.io.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Lays out a new ROOT file in one pass: the header (rewritten at the end), the top directory record
 * at byte 100, data records appended one after another, then at {@link #finish} the
 * {@code StreamerInfo} record, one key list per directory, the free-segment list and the final
 * header. Offsets switch to 64 bits for every record placed past 2,000,000,000 bytes, as ROOT's
 * own writer does: keys get version 1004, directories 1005, free segments 1001, and the header
 * gains 1,000,000 in {@code fVersion}.
 *
 * <p>Not thread-safe: one writer thread appends records.
 */
public final class FileBuilder implements AutoCloseable {
    /** ROOT's threshold for 64-bit offsets ({@code TFile::kStartBigFile}). */
    public static final long BIG_FILE = 2_000_000_000L;
    private static final int BEGIN = 100;
    /** ROOT release the layout follows (6.24/06): past 40000, so directories use the 60-byte record. */
    private static final int ROOT_VERSION = 62406;

    private final FileChannel channel;
    private final String fileName;
    private final String title;
    private final int compression;
    private final int datime;
    private final boolean reproducible;
    private final Directory top;
    private final Set<String> streamedClasses = new LinkedHashSet<>();
    private final List<long[]> gaps = new ArrayList<>();
    private long end;

    /** One directory: its record's place and the key images of the records it owns. */
    public final class Directory {
        final String name;
        final String dirTitle;
        final Directory parent;
        final long seekDir;
        final int nbytesName;
        final byte[] uuid;
        final List<String> imageNames = new ArrayList<>();
        final List<byte[]> images = new ArrayList<>();
        final Map<String, Integer> cycles = new HashMap<>();
        final Map<String, Directory> children = new HashMap<>();
        final List<Directory> childOrder = new ArrayList<>();

        private Directory(String name, String dirTitle, Directory parent, long seekDir, int nbytesName) {
            this.name = name;
            this.dirTitle = dirTitle;
            this.parent = parent;
            this.seekDir = seekDir;
            this.nbytesName = nbytesName;
            this.uuid = uuid();
        }

        /** @return this directory's record offset, the {@code fSeekPdir} of the records it owns */
        public long seekDir() {
            return seekDir;
        }

        /** @return the directory's path from the top, "" for the top */
        public String path() {
            return parent == null ? "" : (parent.parent == null ? name : parent.path() + "/" + name);
        }

        int nextCycle(String key) {
            return cycles.merge(key, 1, Integer::sum);
        }

        void addImage(String key, byte[] image) {
            // A name already present goes before its first image, so that lists hold the highest cycle
            // first: ROOT resolves an unqualified name to the first match in list order.
            int at = imageNames.indexOf(key);
            if (at < 0) {
                imageNames.add(key);
                images.add(image);
            } else {
                imageNames.add(at, key);
                images.add(at, image);
            }
        }
    }

    /**
     * Creates the file and writes the top directory record.
     *
     * @param path file to create (replaced if it exists)
     * @param fileName name recorded inside the file (the final name, not a temporary one)
     * @param compression ROOT setting, algorithm * 100 + level (0: none)
     * @param reproducible fixed timestamps and zero UUIDs, so equal content gives equal bytes
     * @throws IOException if the file cannot be created
     */
    public FileBuilder(Path path, String fileName, int compression, boolean reproducible) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        this.fileName = fileName;
        this.title = "";
        this.compression = compression;
        this.reproducible = reproducible;
        this.datime = reproducible ? datime(ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                : datime(ZonedDateTime.now(ZoneOffset.UTC));
        // The first BEGIN bytes are the header, written last.
        write(0, new byte[BEGIN]);
        end = BEGIN;
        int keylen = keyLength("TFile", fileName, title, false);
        int nbytesName = keylen + WriteBuffer.stringSize(fileName) + WriteBuffer.stringSize(title);
        top = new Directory(fileName, title, null, BEGIN, nbytesName);
        WriteBuffer payload = new WriteBuffer();
        payload.string(fileName).string(title);
        directoryHeader(payload, top, 0, 0, 0);
        byte[] p = payload.toByteArray();
        // The top record's key has fSeekPdir 0 (an artefact of ROOT's constructor order that ROOT's
        // recovery relies on).
        byte[] key = keyHeader("TFile", fileName, title, p.length, p.length, BEGIN, 0, 1, false);
        write(BEGIN, key);
        write(BEGIN + key.length, p);
        end = BEGIN + key.length + p.length;
    }

    /** @return the top directory */
    public Directory top() {
        return top;
    }

    /** @return the offset where the next record will go */
    public long end() {
        return end;
    }

    /** @return the file's compression setting (algorithm * 100 + level) */
    public int compression() {
        return compression;
    }

    /** Records that an object of this class was streamed, so its description goes in the file. */
    public void streamed(String className) {
        streamedClasses.add(className);
    }

    /**
     * Leaves {@code bytes} unused at the current end of the file, marked as a free segment the way ROOT
     * marks a deleted record. The file stays sparse on file systems that support it.
     *
     * @param bytes gap size (at least 4, for the marker)
     * @throws IOException on write failure
     */
    public void gap(long bytes) throws IOException {
        if (bytes < 4) {
            throw new IllegalArgumentException("a gap needs at least 4 bytes for its marker, got " + bytes);
        }
        WriteBuffer m = new WriteBuffer();
        m.i32((int) -Math.min(bytes, BIG_FILE));
        write(end, m.toByteArray());
        gaps.add(new long[] {end, end + bytes - 1});
        end += bytes;
    }

    /**
     * Finds or creates a subdirectory; each new one gets its record now, before anything it holds.
     *
     * @param path names separated by '/', relative to the top ("" for the top)
     * @return the directory
     * @throws IOException on write failure
     */
    public Directory directory(String path) throws IOException {
        Directory d = top;
        if (path.isEmpty()) {
            return d;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty directory name in path '" + path + "'");
            }
            Directory child = d.children.get(part);
            if (child == null) {
                child = createDirectory(d, part);
            }
            d = child;
        }
        return d;
    }

    private Directory createDirectory(Directory parent, String name) throws IOException {
        long pos = end;
        boolean wide = pos > BIG_FILE;
        int keylen = keyLength("TDirectory", name, name, wide);
        Directory d = new Directory(name, name, parent, pos, keylen);
        WriteBuffer payload = new WriteBuffer();
        directoryHeader(payload, d, parent.seekDir, 0, 0);
        byte[] p = payload.toByteArray();
        int cycle = parent.nextCycle(name);
        byte[] key = keyHeader("TDirectory", name, name, p.length, p.length, pos, parent.seekDir, cycle, wide);
        write(pos, key);
        write(pos + key.length, p);
        end = pos + key.length + p.length;
        parent.addImage(name, key);
        parent.children.put(name, d);
        parent.childOrder.add(d);
        return d;
    }

    /** @return the key length for a record placed at the current end */
    public int keyLengthHere(String cls, String name, String keyTitle) {
        return keyLength(cls, name, keyTitle, end > BIG_FILE);
    }

    /**
     * Appends a record owned by {@code dir} and lists it there.
     *
     * @param dir owner
     * @param cls class of the payload object
     * @param name key name
     * @param keyTitle key title
     * @param payload uncompressed payload, streamed with origin {@link #keyLengthHere}
     * @param len payload length
     * @return the record's offset
     * @throws IOException on write failure
     */
    public long writeObject(Directory dir, String cls, String name, String keyTitle, byte[] payload, int len)
            throws IOException {
        long pos = end;
        boolean wide = pos > BIG_FILE;
        byte[] stored = compression % 100 == 0 ? null
                : BlockCompressor.compress(compression / 100, compression % 100, payload, 0, len);
        int storedLen = stored == null ? len : stored.length;
        int cycle = dir.nextCycle(name);
        byte[] key = keyHeader(cls, name, keyTitle, len, storedLen, pos, dir.seekDir, cycle, wide);
        write(pos, key);
        write(pos + key.length, stored == null ? payload : stored, 0, storedLen);
        end = pos + key.length + storedLen;
        dir.addImage(name, key);
        return pos;
    }

    /**
     * Appends a TBasket record (not listed in any directory: a branch finds its baskets by offset).
     *
     * @param dir the tree's directory
     * @param branch branch name
     * @param tree tree name
     * @param cycle basket number
     * @param header the 19-byte basket header, {@code fLast} already relative to the record start
     * @param payload entry data (and entry offsets), uncompressed
     * @param len payload length
     * @return {offset, fNbytes}
     * @throws IOException on write failure
     */
    public long[] writeBasket(Directory dir, String branch, String tree, int cycle, byte[] header, byte[] payload,
            int len) throws IOException {
        long pos = end;
        byte[] stored = compression % 100 == 0 ? null
                : BlockCompressor.compress(compression / 100, compression % 100, payload, 0, len);
        int storedLen = stored == null ? len : stored.length;
        // A basket key always has 64-bit seeks (TBasket adds 1000 to the key version unconditionally),
        // and its 19-byte header counts as part of the key.
        int keylen = keyLength("TBasket", branch, tree, true) + header.length;
        WriteBuffer k = new WriteBuffer();
        k.i32(keylen + storedLen).i16(1004).i32(len).i32(datime).i16(keylen).i16(cycle);
        k.i64(pos).i64(dir.seekDir);
        k.string("TBasket").string(branch).string(tree);
        k.bytes(header, 0, header.length);
        write(pos, k.toByteArray());
        write(pos + keylen, stored == null ? payload : stored, 0, storedLen);
        end = pos + keylen + storedLen;
        return new long[] {pos, keylen + storedLen};
    }

    /** @return the key length of a basket of this branch and tree, header included */
    public static int basketKeyLength(String branch, String tree, int headerLength) {
        return keyLength("TBasket", branch, tree, true) + headerLength;
    }

    /**
     * Writes the streamer infos, the key lists, the directory headers, the free list and the header.
     *
     * @throws IOException on write failure
     */
    public void finish() throws IOException {
        // StreamerInfo: a TList, listed in no directory, found from the header.
        long seekInfo = end;
        boolean wide = seekInfo > BIG_FILE;
        int infoKeylen = keyLength("TList", "StreamerInfo", "Doubly linked list", wide);
        WriteBuffer infos = new WriteBuffer(infoKeylen);
        StreamerInfos.writeList(infos, StreamerInfos.closure(streamedClasses));
        byte[] ip = infos.toByteArray();
        byte[] stored = compression % 100 == 0 ? null
                : BlockCompressor.compress(compression / 100, compression % 100, ip, 0, ip.length);
        int storedLen = stored == null ? ip.length : stored.length;
        byte[] ikey = keyHeader("TList", "StreamerInfo", "Doubly linked list", ip.length, storedLen, seekInfo, BEGIN,
                1, wide);
        write(seekInfo, ikey);
        write(seekInfo + ikey.length, stored == null ? ip : stored, 0, storedLen);
        int nbytesInfo = ikey.length + storedLen;
        end = seekInfo + nbytesInfo;

        writeKeyLists(top);

        // Free segments: the gaps, then the open-ended segment from fEND on.
        long seekFree = end;
        boolean wideFree = seekFree > BIG_FILE;
        int freeKeylen = keyLength("TFile", fileName, title, wideFree);
        int gapBytes = 0;
        for (long[] g : gaps) {
            gapBytes += g[1] > BIG_FILE ? 18 : 10;
        }
        // The last entry must end past fEND: ROOT reads entries until it meets one that does.
        long tentativeEnd = seekFree + freeKeylen + gapBytes + 18;
        long last = tentativeEnd > BIG_FILE - 1000 ? tentativeEnd + 1_000_000_000L : BIG_FILE;
        int lastBytes = last > BIG_FILE ? 18 : 10;
        long fileEnd = seekFree + freeKeylen + gapBytes + lastBytes;
        WriteBuffer fp = new WriteBuffer();
        for (long[] g : gaps) {
            freeEntry(fp, g[0], g[1]);
        }
        freeEntry(fp, fileEnd, last);
        byte[] fpb = fp.toByteArray();
        byte[] fkey = keyHeader("TFile", fileName, title, fpb.length, fpb.length, seekFree, BEGIN, 1, wideFree);
        write(seekFree, fkey);
        write(seekFree + fkey.length, fpb);
        end = seekFree + fkey.length + fpb.length;
        if (end != fileEnd) {
            throw new IllegalStateException("free list size mismatch: " + end + " != " + fileEnd);
        }
        int nbytesFree = fkey.length + fpb.length;

        WriteBuffer h = new WriteBuffer();
        boolean big = end > BIG_FILE;
        h.i8('r').i8('o').i8('o').i8('t');
        h.i32(big ? ROOT_VERSION + 1_000_000 : ROOT_VERSION);
        h.i32(BEGIN);
        h.seek(end, big).seek(seekFree, big);
        h.i32(nbytesFree).i32(gaps.size() + 1).i32(top.nbytesName);
        h.i8(big ? 8 : 4);
        h.i32(compression);
        h.seek(seekInfo, big).i32(nbytesInfo);
        h.i16(1).bytes(top.uuid, 0, 16);
        write(0, h.toByteArray());
        channel.force(true);
    }

    private void writeKeyLists(Directory d) throws IOException {
        long pos = end;
        boolean wide = pos > BIG_FILE;
        String cls = d.parent == null ? "TFile" : "TDirectory";
        WriteBuffer p = new WriteBuffer();
        p.i32(d.images.size());
        for (byte[] image : d.images) {
            p.bytes(image, 0, image.length);
        }
        byte[] pb = p.toByteArray();
        // A key list's key names its own directory as parent, as ROOT's WriteKeys does.
        byte[] key = keyHeader(cls, d.name, d.dirTitle, pb.length, pb.length, pos, d.seekDir, 1, wide);
        write(pos, key);
        write(pos + key.length, pb);
        end = pos + key.length + pb.length;
        int nbytesKeys = key.length + pb.length;
        WriteBuffer header = new WriteBuffer();
        directoryHeader(header, d, d.parent == null ? 0 : d.parent.seekDir, pos, nbytesKeys);
        // The directory's 60 fixed bytes follow its key (and, for the top, the repeated name and title).
        write(d.seekDir + d.nbytesName, header.toByteArray());
        for (Directory c : d.childOrder) {
            writeKeyLists(c);
        }
    }

    private static void freeEntry(WriteBuffer b, long first, long last) {
        boolean wide = last > BIG_FILE;
        b.i16(wide ? 1001 : 1);
        b.seek(first, wide).seek(last, wide);
    }

    private void directoryHeader(WriteBuffer b, Directory d, long seekParent, long seekKeys, int nbytesKeys) {
        boolean wide = d.seekDir > BIG_FILE || seekParent > BIG_FILE || seekKeys > BIG_FILE;
        b.i16(wide ? 1005 : 5);
        b.i32(datime).i32(datime);
        b.i32(nbytesKeys).i32(d.nbytesName);
        b.seek(d.seekDir, wide).seek(seekParent, wide).seek(seekKeys, wide);
        b.i16(1).bytes(d.uuid, 0, 16);
        if (!wide) {
            // The record is 60 bytes in both layouts; in the small one the high halves are zeros.
            for (int i = 0; i < 12; i++) {
                b.i8(0);
            }
        }
    }

    private byte[] keyHeader(String cls, String name, String keyTitle, int objlen, int storedLen, long seekKey,
            long seekPdir, int cycle, boolean wide) {
        int keylen = keyLength(cls, name, keyTitle, wide);
        WriteBuffer k = new WriteBuffer();
        k.i32(keylen + storedLen).i16(wide ? 1004 : 4).i32(objlen).i32(datime).i16(keylen).i16(cycle);
        k.seek(seekKey, wide).seek(seekPdir, wide);
        k.string(cls).string(name).string(keyTitle);
        return k.toByteArray();
    }

    private static int keyLength(String cls, String name, String keyTitle, boolean wide) {
        return (wide ? 34 : 26) + WriteBuffer.stringSize(cls) + WriteBuffer.stringSize(name)
                + WriteBuffer.stringSize(keyTitle);
    }

    private byte[] uuid() {
        byte[] u = new byte[16];
        if (!reproducible) {
            UUID r = UUID.randomUUID();
            ByteBuffer.wrap(u).putLong(r.getMostSignificantBits()).putLong(r.getLeastSignificantBits());
        }
        return u;
    }

    /** ROOT's packed TDatime: year-1995, month, day, hour, minute, second in one 32-bit word. */
    static int datime(ZonedDateTime t) {
        return (t.getYear() - 1995) << 26 | t.getMonthValue() << 22 | t.getDayOfMonth() << 17 | t.getHour() << 12
                | t.getMinute() << 6 | t.getSecond();
    }

    private void write(long pos, byte[] b) throws IOException {
        write(pos, b, 0, b.length);
    }

    private void write(long pos, byte[] b, int off, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        long p = pos;
        while (bb.hasRemaining()) {
            p += channel.write(bb, p);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** @return the name recorded in the file */
    public String fileName() {
        return Objects.requireNonNull(fileName);
    }
}
