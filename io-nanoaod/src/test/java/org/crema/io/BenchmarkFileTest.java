package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The large shared benchmark files (50 000 events in 10 000-entry baskets, LZMA-9 and ZSTD-5):
 * ranges straddling basket boundaries read alike through every path, and jagged branches agree with
 * their counters. Skipped when the shared data folder is absent.
 */
class BenchmarkFileTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"big_zstd5.root", "big_lzma9.root"})
    void rangesAcrossBasketsAgree(String name) {
        Path file = TestData.shared().resolve("bench").resolve(name);
        Assumptions.assumeTrue(Files.exists(file), "shared benchmark file " + file + " is absent");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("Events");
            assertThat(t.entries()).isEqualTo(50_000);
            assertThat(t.clusterStarts()).contains(0L, 10_000L, 20_000L, 30_000L, 40_000L);
            List<String> names = List.of("nJet", "Jet_pt", "Jet_nConstituents", "nMuon", "Muon_pt", "Muon_charge");
            for (long[] r : new long[][] {{9_990, 10_010}, {19_999, 40_001}}) {
                Map<String, Column> all = t.read(names, r[0], r[1], pool);
                for (String n : names) {
                    Column single = t.read(n, r[0], r[1]);
                    ColumnAssert.assertSameEntries(n, single, all.get(n));
                    Column full = t.read(n, 0, 50_000);
                    ColumnAssert.assertSameEntries(n, full.region((int) r[0], (int) (r[1] - r[0])), single);
                }
                ListColumn<?> pt = (ListColumn<?>) all.get("Jet_pt");
                var nJet = (org.crema.columnar.PrimitiveColumn) all.get("nJet");
                for (int i = 0; i < pt.length(); i++) {
                    assertThat(pt.count(i)).isEqualTo((int) nJet.getLong(i));
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
