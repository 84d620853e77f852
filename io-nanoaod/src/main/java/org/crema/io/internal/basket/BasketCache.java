package org.crema.io.internal.basket;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.LongAdder;
import org.crema.io.RootException;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.source.ByteSource;

/**
 * The decompressed baskets of one open file that a read used only in part, kept for the read of
 * the neighbouring entries. When a file is read in chunks, a basket that spans a chunk boundary is
 * needed by both chunks; without this cache it is decompressed once per chunk (on LZMA files that
 * makes four chunks markedly slower than one).
 *
 * <p>Only baskets that a read uses in part are kept: a basket read whole by one chunk is needed by
 * no other, and those keep the reader's scratch-buffer fast path. A kept basket is dropped as soon as
 * its entries have all been read or a read of the same branch starts beyond it, and the least
 * recently used ones are dropped while the cache holds more than its bound. Cached bytes are never written to (columns are converted out of them), so a
 * read gives the same bits with or without the cache.
 *
 * <p>Thread-safe: when two threads need the same basket, one decompresses it and the other waits
 * for that result.
 */
public final class BasketCache {
    private final long maxBytes;
    private final LongAdder loads = new LongAdder();
    private final LongAdder hits = new LongAdder();
    // Access order: iteration starts at the least recently used basket. Guarded by this.
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private record Key(BasketTable table, int index) {
    }

    private static final class Entry {
        final FutureTask<BasketData> task;
        long usedEntries;
        long size = -1; // decompressed bytes once loaded and counted

        Entry(FutureTask<BasketData> task) {
            this.task = task;
        }
    }

    /** @param maxBytes bound on the decompressed bytes kept; 0 keeps nothing */
    public BasketCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Loads basket {@code index} for a read of entries {@code [from, to)}, from the cache when it is
     * there. A basket the read uses in part is kept (decompressed into its own array); a basket used
     * whole is loaded as {@link BasketLoader#load(ByteSource, BasketTable, int, ErrorContext, boolean)}
     * does.
     *
     * @param source the file
     * @param table the branch's baskets
     * @param index basket index
     * @param context error context naming file, tree and branch
     * @param from first entry of the read
     * @param to end entry of the read (exclusive)
     * @param scratch true if a basket used whole may be decompressed into the thread's scratch array
     * @return the basket's data (read-only)
     */
    public BasketData load(ByteSource source, BasketTable table, int index, ErrorContext context, long from, long to,
            boolean scratch) {
        if (table.embedded(index) != null) {
            return BasketLoader.load(source, table, index, context, scratch); // nothing to decompress
        }
        long start = table.start(index);
        long end = table.end(index);
        boolean partial = start < from || end > to;
        if (!partial || maxBytes == 0) {
            loads.increment();
            return BasketLoader.load(source, table, index, context, scratch);
        }
        long use = Math.min(end, to) - Math.max(start, from);
        Key key = new Key(table, index);
        Entry e;
        boolean owner = false;
        synchronized (this) {
            e = entries.get(key);
            if (e == null) {
                e = new Entry(new FutureTask<>(() -> BasketLoader.load(source, table, index, context, false)));
                entries.put(key, e);
                owner = true;
            } else {
                hits.increment();
            }
            e.usedEntries += use;
        }
        if (owner) {
            loads.increment();
            e.task.run();
        }
        BasketData data;
        try {
            data = e.task.get();
        } catch (ExecutionException x) {
            synchronized (this) {
                entries.remove(key, e);
            }
            if (x.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (x.getCause() instanceof Error err) {
                throw err;
            }
            throw new RootException(context.describe() + ": " + x.getCause(), x.getCause());
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new RootException(context.describe() + ": interrupted while waiting for a basket", x);
        }
        synchronized (this) {
            if (owner && entries.get(key) == e) {
                e.size = data.data().length;
                bytes += e.size;
            }
            if (e.usedEntries >= table.entries(index)) {
                remove(key, e); // every entry has been read: no chunk needs it again
            }
            dropBehind(table, from);
            evict();
        }
        return data;
    }

    /**
     * @param table the branch's baskets
     * @param index basket index
     * @return true if the basket is kept (or being loaded) now
     */
    public synchronized boolean contains(BasketTable table, int index) {
        return entries.containsKey(new Key(table, index));
    }

    private void remove(Key key, Entry e) {
        if (entries.remove(key, e) && e.size >= 0) {
            bytes -= e.size;
        }
    }

    /**
     * Drops this branch's baskets that end at or before {@code from}: chunks of a file are read in
     * increasing order, so a basket behind the read that is still kept belongs to a chunk that
     * skipped the branch, and would otherwise stay until the bound forces it out.
     */
    private void dropBehind(BasketTable table, long from) {
        for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Key, Entry> m = it.next();
            Entry e = m.getValue();
            if (m.getKey().table() == table && e.size >= 0 && table.end(m.getKey().index()) <= from) {
                it.remove();
                bytes -= e.size;
            }
        }
    }

    private void evict() {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext() && bytes > maxBytes;) {
            Entry e = it.next();
            if (e.size >= 0) {
                it.remove();
                bytes -= e.size;
            }
        }
    }

    /** @return the cache bound in bytes */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return decompressed bytes kept now */
    public synchronized long bytes() {
        return bytes;
    }

    /** @return baskets kept now */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * @return keyed baskets read and decompressed through this cache since it was made (cached or
     *     not; hits not included)
     */
    public long loads() {
        return loads.sum();
    }

    /** @return loads answered from the cache */
    public long hits() {
        return hits.sum();
    }
}
