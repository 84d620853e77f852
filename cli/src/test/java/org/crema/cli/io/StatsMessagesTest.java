package org.crema.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.io.RootFile;
import org.junit.jupiter.api.Test;

class StatsMessagesTest {
    static final Path DY = StatsCommandTest.root().resolve("data/samples/nanoaod/nano_dy.root");

    @Test
    void aGlobThatMatchesNothingIsAnError() {
        StatsCommandTest.Result r = StatsCommandTest.run("stats", DY.toString(), "--branches", "Muon_pt,Jet_ptt*");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("crema stats: --branches 'Jet_ptt*' matches no branch of tree Events in " + DY
                + " (").contains("'crema inspect " + DY + "' lists them)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void meanAndStandardDeviationAgreeWithATwoPassComputation() throws Exception {
        StatsCommandTest.Result r = StatsCommandTest.run("stats", DY.toString(), "--branches", "Muon_pt");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().toList().get(1)).containsSubsequence("branch", "sum", "mean", "std", "min", "max");
        String[] row = r.out().lines().filter(l -> l.startsWith("Muon_pt ")).findFirst().orElseThrow().trim()
                .split("\\s+");
        // the reference's sum is 538.3693809509277 over 18 values
        double mean = Double.parseDouble(row[4]);
        double std = Double.parseDouble(row[5]);
        double sum = 0;
        double sq = 0;
        int n;
        try (RootFile f = RootFile.open(DY)) {
            @SuppressWarnings("unchecked")
            ListColumn<FloatColumn> pt = (ListColumn<FloatColumn>) f.tree("Events").read("Muon_pt", 0, f.tree("Events").entries());
            FloatColumn c = pt.content();
            n = pt.end(pt.length() - 1) - pt.start(0);
            for (int i = pt.start(0); i < pt.end(pt.length() - 1); i++) {
                sum += c.get(i);
            }
            double m = sum / n;
            for (int i = pt.start(0); i < pt.end(pt.length() - 1); i++) {
                sq += (c.get(i) - m) * (c.get(i) - m);
            }
        }
        assertThat(n).isEqualTo(18);
        // printed with six significant digits
        assertThat(mean).isCloseTo(538.3693809509277 / 18, within(1e-5 * mean));
        assertThat(std).isCloseTo(Math.sqrt(sq / n), within(1e-5 * std));
        assertThat(std).isGreaterThan(0);
    }
}
