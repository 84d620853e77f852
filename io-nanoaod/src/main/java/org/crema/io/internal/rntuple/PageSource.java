package org.crema.io.internal.rntuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.crema.io.RootException;
import org.crema.io.internal.compression.Compression;
import org.crema.io.internal.source.FileSource;
import org.crema.io.internal.xxhash.Xxh3;

/**
 * Reads a range of one physical column's elements: finds the pages that hold them in each cluster,
 * fetches each page (and its checksum, when present), verifies the checksum, decompresses and
 * decodes straight into the destination array. Pages are independent, so with an executor they are
 * fetched and decoded in parallel; each writes a disjoint part of the destination.
 */
public final class PageSource {
    private final FileSource source;
    private final NTupleDescriptor descriptor;

    /**
     * @param source the file
     * @param descriptor the ntuple
     */
    public PageSource(FileSource source, NTupleDescriptor descriptor) {
        this.source = source;
        this.descriptor = descriptor;
    }

    /**
     * One page's part of a read.
     *
     * @param cluster the cluster
     * @param range the column's pages in it
     * @param page page index
     * @param from first element within the page
     * @param count elements to decode
     * @param destOff where they go in the destination
     */
    private record Piece(ClusterDescriptor cluster, PageRange range, int page, int from, int count, int destOff) {
    }

    /**
     * Reads column elements {@code [from, to)} (column element indices, counted over all clusters).
     * Elements that no page covers (before a deferred column's first element) read as zero.
     *
     * @param physicalId column id
     * @param type the column's type
     * @param from first element
     * @param to end element
     * @param executor decodes pages in parallel when not null
     * @param where context naming file, ntuple and field
     * @return an array of the type's storage kind with {@code to - from} elements
     */
    public Object read(int physicalId, ColumnType type, long from, long to, Executor executor, NTupleContext where) {
        long n = to - from;
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw where.withColumn(physicalId).format("cannot read " + n + " elements at once (range [" + from + ", "
                    + to + "))");
        }
        return read(physicalId, type, new long[] {from}, new long[] {to}, new int[] {0}, (int) n, executor, where);
    }

    /**
     * Reads several ranges of column elements into one array: range {@code k} is {@code [from[k],
     * to[k])} and goes to {@code destOff[k]}. A collection's items of consecutive clusters are such
     * ranges, each counted from its own cluster's first element.
     *
     * @param physicalId column id
     * @param type the column's type
     * @param from first element of each range
     * @param to end element of each range
     * @param destOff where each range goes in the result
     * @param length length of the result
     * @param executor decodes pages in parallel when not null
     * @param where context naming file, ntuple and field
     * @return an array of the type's storage kind; elements no page covers are zero
     */
    public Object read(int physicalId, ColumnType type, long[] from, long[] to, int[] destOff, int length,
            Executor executor, NTupleContext where) {
        NTupleContext at = where.withColumn(physicalId);
        if (type == null || type.storage() == ColumnType.Storage.NONE || type.bits() < 0) {
            throw at.unsupported("column type " + (type == null ? "unknown" : type.specName()) + " cannot be read");
        }
        Object dest = PageDecoder.newArray(type.storage(), length);
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k < from.length; k++) {
            if (to[k] - from[k] > length - destOff[k] || to[k] < from[k]) {
                throw at.format("range [" + from[k] + ", " + to[k] + ") does not fit at " + destOff[k] + " of " + length);
            }
            plan(physicalId, from[k], to[k], destOff[k], pieces, at);
        }
        if (executor == null || pieces.size() < 2) {
            for (Piece p : pieces) {
                decodePiece(p, type, dest, at);
            }
        } else {
            CompletableFuture<?>[] all = new CompletableFuture<?>[pieces.size()];
            for (int i = 0; i < all.length; i++) {
                Piece p = pieces.get(i);
                all[i] = CompletableFuture.runAsync(() -> decodePiece(p, type, dest, at), executor);
            }
            try {
                CompletableFuture.allOf(all).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RootException re) {
                    throw re;
                }
                throw e;
            }
        }
        return dest;
    }

    private void plan(int physicalId, long from, long to, int destBase, List<Piece> pieces, NTupleContext at) {
        if (from >= to) {
            return;
        }
        for (ClusterDescriptor c : descriptor.clusters()) {
            PageRange r = c.column(physicalId);
            if (r == null || r.elementCount() == 0) {
                continue;
            }
            if (r.suppressed()) {
                throw at.unsupported("column is suppressed in cluster " + c.id()
                        + " (an alternative column representation is active there)");
            }
            long lo = Math.max(from, r.firstElement());
            long hi = Math.min(to, r.firstElement() + r.elementCount());
            if (lo >= hi) {
                continue;
            }
            long local = lo - r.firstElement();
            int page = r.pageOf(local);
            while (local < hi - r.firstElement() && page < r.pageCount()) {
                int inPage = (int) (local - r.pageStart(page));
                int count = (int) Math.min(r.elements(page) - inPage, hi - r.firstElement() - local);
                if (count > 0) {
                    pieces.add(new Piece(c, r, page, inPage, count, destBase + (int) (r.firstElement() + local - from)));
                }
                local += count;
                page++;
            }
        }
    }

    private void decodePiece(Piece p, ColumnType type, Object dest, NTupleContext column) {
        PageRange r = p.range();
        int elements = r.elements(p.page());
        NTupleContext at = column.withPage(p.cluster().id(), p.page(), r.offset(p.page()));
        byte[] raw = fetch(r, p.page(), PageDecoder.pageBytes(type, elements), at);
        try {
            PageDecoder.decode(type, raw, elements, p.from(), p.count(), dest, p.destOff());
        } catch (IndexOutOfBoundsException e) {
            throw at.format("page of " + elements + " " + type.specName() + " elements is shorter than expected ("
                    + raw.length + " bytes)", e);
        }
    }

    /**
     * Fetches, verifies and decompresses one page.
     *
     * @param r the column's pages in one cluster
     * @param page page index
     * @param length uncompressed bytes expected
     * @param at context naming the page
     * @return the uncompressed page bytes
     */
    public byte[] fetch(PageRange r, int page, long length, NTupleContext at) {
        long size = r.size(page);
        long offset = r.offset(page);
        boolean checksum = r.checksum(page);
        if (size < 0 || size > Integer.MAX_VALUE - 16 || length > Integer.MAX_VALUE - 16) {
            throw at.format("implausible page size: " + size + " bytes stored, " + length + " uncompressed");
        }
        if (size > length && !(length == 0 && size == 0)) {
            throw at.format("page stores " + size + " bytes but " + r.elements(page) + " elements need only " + length
                    + " (wrong column type or corrupt locator)");
        }
        int stored = (int) size + (checksum ? 8 : 0);
        byte[] bytes = source.read(offset, stored, at.legacy());
        if (checksum) {
            long expected = EnvelopeBuffer.le64(bytes, (int) size);
            long actual = Xxh3.hash64(bytes, 0, (int) size);
            if (expected != actual) {
                throw at.format("page checksum mismatch: stored XXH3 0x" + Long.toHexString(expected) + ", computed 0x"
                        + Long.toHexString(actual) + " over " + size + " bytes");
            }
        }
        if (size == length) {
            return bytes;
        }
        return Compression.decompress(bytes, 0, (int) size, (int) length, at.legacy(), offset);
    }
}
