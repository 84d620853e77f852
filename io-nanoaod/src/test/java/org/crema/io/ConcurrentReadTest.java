package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crema.columnar.Column;
import org.junit.jupiter.api.Test;

/** Several threads reading one open file give the same columns as one thread. */
class ConcurrentReadTest {

    @Test
    void threadsReadingDifferentBranchesAndRangesAgree() throws Exception {
        try (RootFile rf = RootFile.open(TestData.nano("pfnano.root"))) {
            Tree t = rf.tree("Events");
            List<String> names = t.branches().stream().filter(BranchInfo::readable).map(BranchInfo::name)
                    .filter(n -> n.startsWith("PFCands_") || n.startsWith("Jet_") || n.startsWith("nJet")).toList();
            Map<String, Column> expected = new LinkedHashMap<>();
            for (String n : names) {
                expected.put(n, t.read(n, 0, t.entries()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    int offset = thread;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < names.size(); i++) {
                            String n = names.get((i + offset * 7) % names.size());
                            long from = (i + offset) % 4;
                            Column part = t.read(n, from, t.entries());
                            ColumnAssert.assertSameEntries(n, expected.get(n).region((int) from,
                                    (int) (t.entries() - from)), part);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    static java.util.stream.Stream<java.nio.file.Path> bundled() {
        return TestData.bundledRootFiles().stream();
    }

    /** The multi-branch read (counter-aligned, parallel) equals branch-by-branch reads on every sample. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("bundled")
    void multiBranchReadEqualsSingleReads(java.nio.file.Path file) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RootFile rf = RootFile.open(file)) {
            for (String treeName : rf.treeNames()) {
                Tree t = rf.tree(treeName);
                List<String> names = t.branches().stream().filter(BranchInfo::readable).map(BranchInfo::name).toList();
                long n = t.entries();
                for (long[] r : new long[][] {{0, n}, {n / 3, n - n / 4}}) {
                    Map<String, Column> all = t.read(names, r[0], r[1], pool);
                    assertThat(all.keySet()).containsExactlyElementsOf(names);
                    for (String name : names) {
                        ColumnAssert.assertSameEntries(treeName + "/" + name, t.read(name, r[0], r[1]), all.get(name));
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void parallelDecompressionEqualsSequentialRead() {
        try (RootFile rf = RootFile.open(TestData.nano("pfnano.root"))) {
            Tree t = rf.tree("Events");
            List<String> names = t.branches().stream().filter(BranchInfo::readable).map(BranchInfo::name)
                    .filter(n -> n.startsWith("PFCands_")).toList();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Map<String, Column> parallel = t.read(names, 3, 9, pool);
                assertThat(parallel.keySet()).containsExactlyElementsOf(names);
                for (String n : names) {
                    ColumnAssert.assertSameEntries(n, t.read(n, 3, 9), parallel.get(n));
                }
                long bytes = org.crema.io.internal.column.TreeReaders.of(t).decompressOnly(names, 0, t.entries(), pool);
                assertThat(bytes).isPositive();
            } finally {
                pool.shutdown();
            }
        }
    }
}
