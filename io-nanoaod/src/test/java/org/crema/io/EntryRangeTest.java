package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.crema.columnar.Column;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading entries {@code [a, b)} gives the same values as slicing a full read, for ranges that start,
 * end or straddle basket boundaries (multi-basket branches, embedded baskets, raw and compressed).
 */
class EntryRangeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nanoaod/pfnano.root", "nanoaod/nanoAOD_2015_CMS_Open_Data_ttbar.root",
        "compression/uproot-HZZ-zlib.root", "compression/uproot-HZZ-lz4.root", "compression/uproot-HZZ.root"})
    void rangesEqualSlicesOfTheFullColumn(String name) {
        Path file = TestData.root().resolve("data/samples").resolve(name);
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree(rf.treeNames().get(0));
            long n = t.entries();
            long[] clusters = t.clusterStarts();
            assertThat(clusters).isNotEmpty().startsWith(0L);
            List<long[]> ranges = new ArrayList<>();
            ranges.add(new long[] {0, n});
            ranges.add(new long[] {n, n});
            for (long c : clusters) {
                ranges.add(new long[] {Math.max(0, c - 1), Math.min(n, c + 1)});
                ranges.add(new long[] {c, n});
                ranges.add(new long[] {0, c});
            }
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 6; i++) {
                long a = random.nextLong(n + 1);
                long b = a + random.nextLong(n - a + 1);
                ranges.add(new long[] {a, b});
            }
            int multiBasket = 0;
            for (BranchInfo b : t.branches()) {
                if (!b.readable()) {
                    continue;
                }
                multiBasket += b.basketCount() + b.embeddedBasketCount() > 1 ? 1 : 0;
                Column full = t.read(b.name(), 0, n);
                for (long[] r : ranges) {
                    Column part = t.read(b.name(), r[0], r[1]);
                    ColumnAssert.assertSameEntries(b.name() + " [" + r[0] + ", " + r[1] + ")",
                            full.region((int) r[0], (int) (r[1] - r[0])), part);
                }
            }
            assertThat(multiBasket).as("branches with more than one basket").isPositive();
        }
    }
}
