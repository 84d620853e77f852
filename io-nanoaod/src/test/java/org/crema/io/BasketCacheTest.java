package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.crema.columnar.Column;
import org.crema.io.internal.basket.BasketCache;
import org.crema.io.internal.basket.ReadSettings;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.column.TreeReaders;
import org.crema.io.internal.source.LocalFileSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a file in chunks, one after another on one open file, decompresses every basket once: a
 * basket that spans a chunk boundary is kept for the next chunk. Counted by the cache's load counter
 * and compared with one chunk; the values are the same bits with and without the cache.
 */
class BasketCacheTest {
    private static final int CHUNKS = 4;

    static Stream<Path> bundled() {
        return TestData.bundledRootFiles().stream();
    }

    static RootFile open(Path file, long cacheBytes) {
        ErrorContext c = ErrorContext.ofFile(file.toString());
        return RootFile.open(file, new LocalFileSource(file, c), c,
                ReadSettings.defaults().withBasketCacheBytes(cacheBytes));
    }

    /** The decompressions of one whole-file read and the columns it gives. */
    private record Whole(long loads, Map<String, Column> columns) {
    }

    private static Whole whole(Path file, String tree, List<String> names) {
        try (RootFile rf = open(file, ReadSettings.DEFAULT_CACHE_BYTES)) {
            Tree t = rf.tree(tree);
            Map<String, Column> out = new LinkedHashMap<>();
            for (String n : names) {
                out.put(n, t.read(n, 0, t.entries()));
            }
            return new Whole(cache(t).loads(), out);
        }
    }

    private static BasketCache cache(Tree t) {
        return TreeReaders.of(t).basketCache();
    }

    private static long[] bounds(long n) {
        long[] b = new long[CHUNKS + 1];
        for (int i = 0; i <= CHUNKS; i++) {
            b[i] = n * i / CHUNKS;
        }
        return b;
    }

    /** Reads the chunks one after another, branch by branch, checking each against the whole read. */
    private static long readInChunks(Tree t, List<String> names, Whole whole, boolean multiBranch,
            ExecutorService pool) {
        long[] b = bounds(t.entries());
        for (int k = 0; k < CHUNKS; k++) {
            long from = b[k];
            long to = b[k + 1];
            Map<String, Column> chunk;
            if (multiBranch) {
                chunk = t.read(names, from, to, pool);
            } else {
                chunk = new LinkedHashMap<>();
                for (String n : names) {
                    chunk.put(n, t.read(n, from, to));
                }
            }
            for (String n : names) {
                ColumnAssert.assertSameEntries(t.location() + " " + n + " chunk " + k,
                        whole.columns().get(n).region((int) from, (int) (to - from)), chunk.get(n));
            }
        }
        return cache(t).loads();
    }

    private static List<String> readable(Tree t, String... prefixes) {
        List<String> out = new ArrayList<>();
        for (BranchInfo b : t.branches()) {
            if (b.readable() && (prefixes.length == 0 || Stream.of(prefixes).anyMatch(p -> b.name().startsWith(p)))) {
                out.add(b.name());
            }
        }
        return out;
    }

    /**
     * Every tree of every bundled sample: four chunks decompress what one chunk does, single-branch
     * and multi-branch reads alike, and the cache is empty at the end (every kept basket was read
     * whole).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void fourChunksDecompressWhatOneChunkDoes(Path file) {
        List<String> trees;
        try (RootFile rf = RootFile.open(file)) {
            trees = rf.treeNames();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String tree : trees) {
                List<String> names;
                try (RootFile rf = RootFile.open(file)) {
                    names = readable(rf.tree(tree));
                }
                Whole one = whole(file, tree, names);
                for (boolean multi : new boolean[] {false, true}) {
                    try (RootFile rf = open(file, ReadSettings.DEFAULT_CACHE_BYTES)) {
                        Tree t = rf.tree(tree);
                        assertThat(readInChunks(t, names, one, multi, pool))
                                .as(file.getFileName() + " " + tree + (multi ? " multi-branch" : " branch by branch"))
                                .isEqualTo(one.loads());
                        assertThat(cache(t).size()).as("baskets left in the cache").isZero();
                        assertThat(cache(t).bytes()).isZero();
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * On a sample whose baskets span the chunk boundaries, the cache is what saves the work: without
     * it the same chunks decompress more baskets, with the same values.
     */
    @Test
    void withoutTheCacheBoundaryBasketsAreDecompressedAgain() {
        Path file = TestData.root().resolve("data/samples/compression/uproot-HZZ-zlib.root");
        List<String> names;
        try (RootFile rf = RootFile.open(file)) {
            names = readable(rf.tree("events"));
        }
        Whole one = whole(file, "events", names);
        long cached;
        long uncached;
        try (RootFile rf = open(file, ReadSettings.DEFAULT_CACHE_BYTES)) {
            Tree t = rf.tree("events");
            cached = readInChunks(t, names, one, false, null);
            assertThat(cache(t).hits()).as("hits").isPositive();
        }
        try (RootFile rf = open(file, 0)) {
            Tree t = rf.tree("events");
            uncached = readInChunks(t, names, one, false, null);
            assertThat(cache(t).hits()).isZero();
        }
        assertThat(cached).isEqualTo(one.loads());
        // One extra decompression per basket spanning one of the three inner boundaries.
        assertThat(uncached).isEqualTo(one.loads() + spanning(file, "events", names));
    }

    /** Baskets of these branches that one of the inner chunk boundaries cuts. */
    private static long spanning(Path file, String tree, List<String> names) {
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree(tree);
            long[] b = bounds(t.entries());
            long n = 0;
            for (String name : names) {
                long[] starts = TreeReaders.of(t).table(name).starts();
                for (int s = 0; s + 1 < starts.length; s++) {
                    long spanned = 0;
                    for (int k = 1; k < CHUNKS; k++) {
                        if (starts[s] < b[k] && b[k] < starts[s + 1]) {
                            spanned++;
                        }
                    }
                    n += spanned; // a basket cut twice is read by three chunks: two extra loads
                }
            }
            assertThat(n).as("baskets spanning a chunk boundary").isPositive();
            return n;
        }
    }

    /** A cache too small for any basket keeps nothing and changes nothing but the work. */
    @Test
    void aTinyBoundKeepsNothingAndGivesTheSameValues() {
        Path file = TestData.root().resolve("data/samples/compression/uproot-HZZ-zlib.root");
        List<String> names;
        try (RootFile rf = RootFile.open(file)) {
            names = readable(rf.tree("events"));
        }
        Whole one = whole(file, "events", names);
        try (RootFile rf = open(file, 1)) {
            Tree t = rf.tree("events");
            readInChunks(t, names, one, false, null);
            assertThat(cache(t).bytes()).isZero();
            assertThat(cache(t).size()).isZero();
        }
    }

    /** The LZMA-9 benchmark file in four chunks: each Jet basket is decompressed once. */
    @Test
    void lzmaBenchmarkFileInFourChunks() {
        Path file = TestData.shared().resolve("bench/ttbar_agc_lzma9.root");
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared benchmark data absent");
        List<String> names;
        try (RootFile rf = RootFile.open(file)) {
            names = readable(rf.tree("Events"), "Jet_", "nJet");
        }
        Whole one = whole(file, "Events", names);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RootFile rf = open(file, ReadSettings.DEFAULT_CACHE_BYTES)) {
            Tree t = rf.tree("Events");
            assertThat(readInChunks(t, names, one, true, pool)).isEqualTo(one.loads());
            assertThat(cache(t).hits()).as("boundary baskets read from the cache").isPositive();
        } finally {
            pool.shutdown();
        }
    }

    /** A kept basket behind a later read of its branch (a chunk skipped the branch) is dropped. */
    @Test
    void aBasketBehindTheReadIsDropped() {
        Path file = TestData.root().resolve("data/samples/compression/uproot-HZZ-zlib.root");
        try (RootFile rf = open(file, ReadSettings.DEFAULT_CACHE_BYTES)) {
            Tree t = rf.tree("events");
            String branch = readable(t).stream().filter(b -> TreeReaders.of(t).table(b).count() > 1).findFirst()
                    .orElseThrow();
            var table = TreeReaders.of(t).table(branch);
            Column whole = t.read(branch, 0, t.entries());
            long cut = table.end(0) - 1;
            ColumnAssert.assertSameEntries(branch, whole.region(0, (int) cut), t.read(branch, 0, cut));
            assertThat(cache(t).contains(table, 0)).as("basket 0 kept for the rest of its entries").isTrue();
            long from = table.end(0) + 1;
            long to = table.end(1);
            ColumnAssert.assertSameEntries(branch, whole.region((int) from, (int) (to - from)),
                    t.read(branch, from, to));
            assertThat(cache(t).contains(table, 0)).as("basket 0 behind the read").isFalse();
            assertThat(cache(t).contains(table, 1)).as("basket 1 kept for entry " + table.end(0)).isTrue();
            assertThat(cache(t).size()).isOne();
        }
    }
}
