package org.crema.correctionlib.internal;

/**
 * XXH64 over a sequence of 64-bit little-endian words (input length a multiple of 8 bytes), which is
 * all HashPRNG needs: each word is read as the long it encodes, so no byte buffer is built.
 */
public final class Xxh64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private Xxh64() {
    }

    /**
     * @param words the input words
     * @param count number of words to hash (input length {@code 8 * count} bytes)
     * @param seed the seed
     * @return the 64-bit hash
     */
    public static long hashWords(long[] words, int count, long seed) {
        long h;
        int k = 0;
        if (count >= 4) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            for (; k + 4 <= count; k += 4) {
                v1 = round(v1, words[k]);
                v2 = round(v2, words[k + 1]);
                v3 = round(v3, words[k + 2]);
                v4 = round(v4, words[k + 3]);
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = seed + P5;
        }
        h += 8L * count;
        for (; k < count; k++) {
            h ^= round(0, words[k]);
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    private static long merge(long acc, long val) {
        acc ^= round(0, val);
        return acc * P1 + P4;
    }
}
