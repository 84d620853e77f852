package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.crema.columnar.Column;
import org.crema.io.internal.column.TreeReaders;
import org.crema.nano.NanoEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading one branch with its baskets decompressed in parallel on an executor gives the columns of
 * the sequential read, on every codec sample (bundled and shared), and cannot deadlock when the
 * readers run on the pool they pass.
 */
class ParallelReadTest {

    static Stream<Path> samples() {
        List<Path> all = new ArrayList<>(TestData.bundledRootFiles());
        all.addAll(TestData.sharedRootFiles());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parallelBranchReadEqualsSequential(Path file) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RootFile rf = RootFile.open(file)) {
            for (String treeName : rf.treeNames()) {
                Tree t = rf.tree(treeName);
                long n = t.entries();
                List<String> names = t.branches().stream().filter(BranchInfo::readable).map(BranchInfo::name).toList();
                for (long[] r : new long[][] {{0, n}, {n / 3, n - n / 4}}) {
                    NanoEvents view = NanoEvents.of(t, r[0], r[1], pool);
                    for (String name : names) {
                        String what = file.getFileName() + " " + treeName + "/" + name + " [" + r[0] + ", " + r[1] + ")";
                        Column sequential = t.read(name, r[0], r[1]);
                        ColumnAssert.assertSameEntries(what, sequential, t.read(name, r[0], r[1], pool));
                        ColumnAssert.assertSameEntries(what + " via NanoEvents", sequential, view.column(name));
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Each basket of the branch is one task handed to the executor. */
    @Test
    void everyBasketIsATaskOnTheExecutor() {
        Path file = TestData.root().resolve("data/samples/compression/uproot-HZZ-zlib.root");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger tasks = new AtomicInteger();
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("events");
            String branch = t.branches().stream().filter(BranchInfo::readable).map(BranchInfo::name)
                    .filter(b -> TreeReaders.of(t).table(b).count() > 1).findFirst().orElseThrow();
            int baskets = TreeReaders.of(t).table(branch).count();
            Column c = t.read(branch, 0, t.entries(), r -> {
                tasks.incrementAndGet();
                pool.execute(r);
            });
            assertThat(tasks.get()).as("tasks for " + branch).isEqualTo(baskets);
            ColumnAssert.assertSameEntries(branch, t.read(branch, 0, t.entries()), c);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Two workers of a two-thread pool each read chunks of one file and pass that same pool as the
     * decompression executor: all threads may wait for basket tasks at once, and the joining threads
     * run the tasks themselves.
     */
    @Test
    void readersOnTheirOwnPoolDoNotDeadlock() throws Exception {
        Path file = TestData.nano("pfnano.root");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("Events");
            List<String> names = t.branches().stream().filter(BranchInfo::readable).map(BranchInfo::name)
                    .filter(n -> n.startsWith("Jet_") || n.startsWith("PFCands_")).toList();
            long n = t.entries();
            List<Future<?>> chunks = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                long from = n * k / 8;
                long to = n * (k + 1) / 8;
                chunks.add(pool.submit(() -> {
                    Map<String, Column> multi = t.read(names, from, to, pool);
                    for (String name : names) {
                        Column one = t.read(name, from, to, pool);
                        ColumnAssert.assertSameEntries(name, t.read(name, from, to), one);
                        ColumnAssert.assertSameEntries(name + " multi", one, multi.get(name));
                    }
                    return null;
                }));
            }
            for (Future<?> f : chunks) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A refused task is run by the thread that reads. */
    @Test
    void aRefusingExecutorStillReads() {
        Path file = TestData.root().resolve("data/samples/compression/uproot-HZZ-lzma.root");
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("events");
            for (BranchInfo b : t.branches()) {
                if (b.readable()) {
                    Column c = t.read(b.name(), 10, t.entries(), r -> {
                        throw new java.util.concurrent.RejectedExecutionException("full");
                    });
                    ColumnAssert.assertSameEntries(b.name(), t.read(b.name(), 10, t.entries()), c);
                }
            }
        }
    }
}
