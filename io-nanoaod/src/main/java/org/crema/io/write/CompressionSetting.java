package org.crema.io.write;

/**
 * A ROOT compression setting: an algorithm and a level, stored in files as {@code algorithm * 100 +
 * level} (e.g. 209 = LZMA-9, the CMS NanoAOD production setting; 505 = ZSTD-5; 101 = zlib-1).
 *
 * <p>The ZSTD encoder is aircompressor's pure-Java one, which has a single fixed level: the level is
 * recorded in the file but does not change the output.
 *
 * @param algorithm the codec
 * @param level 1–9 (0 with {@link Algorithm#NONE})
 */
public record CompressionSetting(Algorithm algorithm, int level) {

    /** ROOT's compression algorithms, with their numbers in {@code fCompress}. */
    public enum Algorithm {
        /** Stored raw. */
        NONE(0),
        /** zlib (deflate), "ZL" blocks. */
        ZLIB(1),
        /** LZMA in an xz container, "XZ" blocks. */
        LZMA(2),
        /** LZ4 with an xxHash64 checksum, "L4" blocks. */
        LZ4(4),
        /** Zstandard, "ZS" blocks. */
        ZSTD(5);

        private final int code;

        Algorithm(int code) {
            this.code = code;
        }

        /** @return ROOT's number for the algorithm */
        public int code() {
            return code;
        }
    }

    /** Checks the level. */
    public CompressionSetting {
        if (algorithm == null) {
            throw new IllegalArgumentException("compression algorithm is null");
        }
        if (algorithm == Algorithm.NONE ? level != 0 : (level < 1 || level > 9)) {
            throw new IllegalArgumentException("compression level must be " + (algorithm == Algorithm.NONE
                    ? "0 without compression" : "1..9 for " + algorithm) + ", got " + level);
        }
    }

    /** @return no compression */
    public static CompressionSetting none() {
        return new CompressionSetting(Algorithm.NONE, 0);
    }

    /** @param level 1–9 @return zlib at that level */
    public static CompressionSetting zlib(int level) {
        return new CompressionSetting(Algorithm.ZLIB, level);
    }

    /** @param level 1–9 @return LZMA at that level */
    public static CompressionSetting lzma(int level) {
        return new CompressionSetting(Algorithm.LZMA, level);
    }

    /** @param level 1–9 @return LZ4 at that level (4 and above: the high-compression encoder) */
    public static CompressionSetting lz4(int level) {
        return new CompressionSetting(Algorithm.LZ4, level);
    }

    /** @param level 1–9 @return ZSTD, recorded at that level */
    public static CompressionSetting zstd(int level) {
        return new CompressionSetting(Algorithm.ZSTD, level);
    }

    /**
     * Parses "zlib-1", "lzma:9", "ZSTD5", "lz4-4" or "none".
     *
     * @param text the setting
     * @return the setting
     */
    public static CompressionSetting parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.equals("NONE") || t.equals("0")) {
            return none();
        }
        String alg = t.replaceAll("[-:_]?[0-9]+$", "");
        String lvl = t.substring(alg.length()).replaceAll("^[-:_]", "");
        for (Algorithm a : Algorithm.values()) {
            if (a.name().equals(alg) && a != Algorithm.NONE) {
                if (lvl.isEmpty()) {
                    throw new IllegalArgumentException("compression '" + text + "' needs a level, e.g. " + a.name()
                            .toLowerCase(java.util.Locale.ROOT) + "-5");
                }
                return new CompressionSetting(a, Integer.parseInt(lvl));
            }
        }
        throw new IllegalArgumentException("unknown compression '" + text
                + "'; expected none, zlib-N, lzma-N, lz4-N or zstd-N with N in 1..9");
    }

    /** @return {@code algorithm * 100 + level}, as stored in the file header and branches */
    public int code() {
        return algorithm.code() * 100 + level;
    }
}
