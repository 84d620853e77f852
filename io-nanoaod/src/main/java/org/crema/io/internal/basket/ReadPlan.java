package org.crema.io.internal.basket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.source.ByteSource;
import org.crema.io.internal.source.SourceIdentity;

/**
 * The byte ranges of the baskets one read needs, merged where the gap between two baskets is at
 * most a threshold, each fetched with one read of the underlying source: over HTTP each range is one
 * request where each basket would otherwise be one. The plan is itself a {@link ByteSource}: basket
 * loads read through it and get their bytes from the fetched range, so fetching stays separate from
 * decoding. A read outside every range goes to the underlying source.
 *
 * <p>Ranges are fetched on demand; when a range is asked for, the next one is fetched ahead (on a
 * virtual thread, the wait being the network's) if the fetched ranges not yet decoded stay within the
 * prefetch bound, so decoding one range overlaps the transfer of the next. A range's buffer is
 * dropped once every basket in it has been read.
 *
 * <p>Thread-safe. Closing a plan does not close the underlying source.
 */
public final class ReadPlan implements ByteSource {
    /** Largest merged range: the first basket of a range waits for the whole range to arrive. */
    static final int MAX_RANGE_BYTES = 8 << 20;

    private final ByteSource source;
    private final ErrorContext context;
    private final long[] offsets;
    private final int[] lengths;
    private final AtomicIntegerArray unread;
    private final AtomicReferenceArray<CompletableFuture<byte[]>> fetched;
    private final long prefetchBytes;
    private final AtomicLong held = new AtomicLong();

    private ReadPlan(ByteSource source, ErrorContext context, long[] offsets, int[] lengths, int[] members,
            long prefetchBytes) {
        this.source = source;
        this.context = context;
        this.offsets = offsets;
        this.lengths = lengths;
        this.unread = new AtomicIntegerArray(members);
        this.fetched = new AtomicReferenceArray<>(offsets.length);
        this.prefetchBytes = prefetchBytes;
    }

    /**
     * @param source the file
     * @param baskets {@code {offset, length}} of each basket record to read (any order; duplicates
     *     are read once)
     * @param gapBytes the largest gap bridged by one range (0: only adjacent baskets merge)
     * @param prefetchBytes bound of fetched, not yet decoded bytes beyond the range being read
     * @param context error context naming the file (and tree)
     * @return the plan
     */
    public static ReadPlan of(ByteSource source, List<long[]> baskets, int gapBytes, long prefetchBytes,
            ErrorContext context) {
        long[][] sorted = baskets.toArray(long[][]::new);
        Arrays.sort(sorted, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        List<long[]> ranges = new ArrayList<>(); // {offset, end, members}
        long[] previous = null;
        for (long[] b : sorted) {
            if (previous != null && b[0] == previous[0] && b[1] == previous[1]) {
                continue; // the same record twice is read once
            }
            previous = b;
            long end = b[0] + b[1];
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && b[0] - last[1] <= gapBytes && Math.max(end, last[1]) - last[0] <= MAX_RANGE_BYTES) {
                last[1] = Math.max(last[1], end);
                last[2]++;
            } else {
                ranges.add(new long[] {b[0], end, 1});
            }
        }
        long[] offsets = new long[ranges.size()];
        int[] lengths = new int[ranges.size()];
        int[] members = new int[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            long[] r = ranges.get(i);
            offsets[i] = r[0];
            lengths[i] = Math.toIntExact(r[1] - r[0]);
            members[i] = (int) r[2];
        }
        return new ReadPlan(source, context, offsets, lengths, members, prefetchBytes);
    }

    /** @return the number of ranges, each one read of the underlying source */
    public int ranges() {
        return offsets.length;
    }

    /** @return the bytes the ranges span, gaps included */
    public long plannedBytes() {
        long n = 0;
        for (int l : lengths) {
            n += l;
        }
        return n;
    }

    @Override
    public SourceIdentity identity() {
        return source.identity();
    }

    @Override
    public boolean remote() {
        return source.remote();
    }

    @Override
    public void readInto(long offset, int length, byte[] dst, int dstOffset, ErrorContext where) {
        int k = find(offset);
        if (k < 0 || offset + length > offsets[k] + lengths[k]) {
            source.readInto(offset, length, dst, dstOffset, where);
            return;
        }
        byte[] range = obtain(k, where);
        if (range == null) {
            source.readInto(offset, length, dst, dstOffset, where); // read again after its range was dropped
            return;
        }
        System.arraycopy(range, (int) (offset - offsets[k]), dst, dstOffset, length);
        if (unread.decrementAndGet(k) == 0) {
            fetched.set(k, DROPPED);
            held.addAndGet(-lengths[k]);
        }
    }

    private static final CompletableFuture<byte[]> DROPPED = CompletableFuture.completedFuture(null);

    /** @return the range containing {@code offset}, or -1 */
    private int find(long offset) {
        int i = Arrays.binarySearch(offsets, offset);
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 && offset < offsets[i] + lengths[i] ? i : -1;
    }

    private byte[] obtain(int k, ErrorContext where) {
        CompletableFuture<byte[]> f = start(k);
        if (k + 1 < offsets.length && fetched.get(k + 1) == null && held.get() + lengths[k + 1] <= prefetchBytes) {
            start(k + 1);
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RootException re) {
                throw re; // names the file, the byte offset and (over HTTP) the URL and why
            }
            throw where.format("cannot read bytes [" + offsets[k] + ", " + (offsets[k] + lengths[k]) + "): "
                    + e.getCause(), e.getCause());
        }
    }

    private CompletableFuture<byte[]> start(int k) {
        CompletableFuture<byte[]> f = fetched.get(k);
        if (f != null) {
            return f;
        }
        CompletableFuture<byte[]> fresh = new CompletableFuture<>();
        if (!fetched.compareAndSet(k, null, fresh)) {
            return fetched.get(k);
        }
        held.addAndGet(lengths[k]);
        long offset = offsets[k];
        int length = lengths[k];
        Thread.ofVirtual().name("crema-fetch").start(() -> {
            try {
                byte[] b = new byte[length];
                source.readInto(offset, length, b, 0, context.atRecord(offset));
                fresh.complete(b);
            } catch (Throwable t) {
                fresh.completeExceptionally(t);
            }
        });
        return fresh;
    }

    @Override
    public void close() {
        // The plan borrows the source; the file closes it.
    }
}
