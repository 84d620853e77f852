package org.crema.io.internal.basket;

/**
 * How a file's baskets are read: the size of its decompressed-basket cache, and how basket byte
 * ranges of a remote file are coalesced into requests and fetched ahead of decoding. Chosen once
 * per open file.
 *
 * @param basketCacheBytes bound of the per-file {@link BasketCache}, in decompressed bytes; 0
 *     disables it
 * @param coalesceGapBytes two basket ranges of a remote file are fetched in one request when at most
 *     this many unneeded bytes lie between them; negative: no read plan, one request per basket
 * @param prefetchBytes a read plan fetches the next range while the current one is decoded only
 *     while fetched, not yet decoded ranges stay below this many bytes
 */
public record ReadSettings(long basketCacheBytes, int coalesceGapBytes, long prefetchBytes) {
    /** System property for {@link #basketCacheBytes}. */
    public static final String CACHE_PROPERTY = "crema.io.basketCacheBytes";
    /** System property for {@link #coalesceGapBytes}. */
    public static final String GAP_PROPERTY = "crema.io.coalesceGapBytes";
    /** System property for {@link #prefetchBytes}. */
    public static final String PREFETCH_PROPERTY = "crema.io.prefetchBytes";
    /**
     * Default cache bound. A chunk boundary leaves one partly read basket per branch; NanoAOD
     * baskets decompress to at most a few hundred kB, so even a few hundred branches fit, and the
     * cache drops a basket as soon as every entry of it has been read.
     */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    /**
     * Default gap: fetching 64 KiB more costs less than a second request's round trip on any
     * network where a file is worth reading remotely (1 ms at 500 Mbit/s).
     */
    public static final int DEFAULT_GAP_BYTES = 64 << 10;
    /** Default bound of fetched-ahead bytes. */
    public static final long DEFAULT_PREFETCH_BYTES = 32L << 20;

    /** Checks the values. */
    public ReadSettings {
        if (basketCacheBytes < 0) {
            throw new IllegalArgumentException("basketCacheBytes must be >= 0, got " + basketCacheBytes);
        }
        if (prefetchBytes < 0) {
            throw new IllegalArgumentException("prefetchBytes must be >= 0, got " + prefetchBytes);
        }
    }

    /** @return the defaults, each overridable by its system property */
    public static ReadSettings fromSystemProperties() {
        return new ReadSettings(Long.getLong(CACHE_PROPERTY, DEFAULT_CACHE_BYTES),
                Integer.getInteger(GAP_PROPERTY, DEFAULT_GAP_BYTES),
                Long.getLong(PREFETCH_PROPERTY, DEFAULT_PREFETCH_BYTES));
    }

    /** @return the defaults without looking at system properties */
    public static ReadSettings defaults() {
        return new ReadSettings(DEFAULT_CACHE_BYTES, DEFAULT_GAP_BYTES, DEFAULT_PREFETCH_BYTES);
    }

    /** @param bytes cache bound @return these settings with another cache bound */
    public ReadSettings withBasketCacheBytes(long bytes) {
        return new ReadSettings(bytes, coalesceGapBytes, prefetchBytes);
    }

    /** @param bytes gap, negative for no read plan @return these settings with another gap */
    public ReadSettings withCoalesceGapBytes(int bytes) {
        return new ReadSettings(basketCacheBytes, bytes, prefetchBytes);
    }
}
