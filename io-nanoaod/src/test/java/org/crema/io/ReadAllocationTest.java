package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a read allocates besides the columns it returns, on the shared benchmark files (50 000
 * events, 10 000-entry baskets): a read of whole baskets decompresses into per-thread scratch
 * arrays and converts straight into the output, so the heap bytes it allocates are the columns'
 * arrays and a few small objects per basket. Measured on the calling thread (every basket task
 * runs there), after one identical read has grown the thread's scratch arrays. Skipped when the
 * shared data folder is absent.
 */
class ReadAllocationTest {
    private static final long FROM = 10_000;
    private static final long TO = 30_000; // two whole baskets of every branch: no basket kept in the cache

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"big_zstd5.root", "big_lzma9.root"})
    void aMultiBranchReadAllocatesLittleBeyondItsColumns(String name) {
        Path file = TestData.shared().resolve("bench").resolve(name);
        Assumptions.assumeTrue(Files.exists(file), "shared benchmark file " + file + " is absent");
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("Events");
            List<String> names = jetsAndMuons(t);
            t.read(names, FROM, TO, Runnable::run);
            long before = allocated();
            Map<String, Column> columns = t.read(names, FROM, TO, Runnable::run);
            long used = allocated() - before;
            assertWithinColumns(name + ": " + names.size() + " branches read at once", used, columns.values());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"big_zstd5.root", "big_lzma9.root"})
    void branchByBranchReadsAllocateLittleBeyondTheirColumns(String name) {
        Path file = TestData.shared().resolve("bench").resolve(name);
        Assumptions.assumeTrue(Files.exists(file), "shared benchmark file " + file + " is absent");
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("Events");
            List<String> names = jetsAndMuons(t);
            for (String n : names) {
                t.read(n, FROM, TO);
            }
            Map<String, Column> columns = new LinkedHashMap<>();
            long before = allocated();
            for (String n : names) {
                columns.put(n, t.read(n, FROM, TO));
            }
            long used = allocated() - before;
            assertWithinColumns(name + ": " + names.size() + " branches read one by one", used, columns.values());
        }
    }

    /**
     * The bound: the columns' arrays (an offsets array shared by several columns counted once), 2 %
     * more, and 8 KiB per branch for the small objects of its read (tasks, basket headers, views).
     * When each basket's entry-offset table was copied into arrays, the read of these branches
     * allocated 56 % more than its columns.
     */
    private static void assertWithinColumns(String what, long used, Collection<Column> columns) {
        long arrays = arrayBytes(columns);
        long slack = arrays / 50 + 8192L * columns.size();
        System.out.printf("%s: %d bytes allocated, %d bytes of column arrays (%.3f)%n", what, used, arrays,
                (double) used / arrays);
        assertThat(used).as("%s: heap bytes allocated, against %d bytes of column arrays", what, arrays)
                .isBetween(arrays, arrays + slack);
    }

    private static List<String> jetsAndMuons(Tree t) {
        List<String> names = new ArrayList<>();
        for (BranchInfo b : t.branches()) {
            String n = b.name();
            if (b.readable() && (n.startsWith("Jet_") || n.startsWith("Muon_") || n.equals("nJet") || n.equals("nMuon"))) {
                names.add(n);
            }
        }
        assertThat(names).contains("nJet", "Jet_pt", "Muon_pt");
        return names;
    }

    private static long arrayBytes(Collection<Column> columns) {
        Map<int[], Boolean> offsets = new IdentityHashMap<>();
        long bytes = 0;
        for (Column c : columns) {
            if (c instanceof ListColumn<?> l) {
                if (offsets.put(l.offsets(), Boolean.TRUE) == null) {
                    bytes += 4L * l.offsets().length;
                }
                bytes += l.content().retainedSizeInBytes();
            } else {
                bytes += c.retainedSizeInBytes();
            }
        }
        return bytes;
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
