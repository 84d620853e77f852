package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crema.hist.Hist;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;

/** A 2-D histogram of configs/examples/zmumu.yaml, checked against its 1-D histograms. */
class TwoDimensionalHistogramTest {

    @Test
    void eachProjectionIsTheOneDimensionalHistogram() throws IOException {
        TestData.file("data/samples/nanoaod/nano_dy.root");
        Path file = TestData.file("configs/examples/zmumu.yaml");
        // the same binning as the 1-D histograms, so the projections must give them back
        String text = Files.readString(file) + """
                  massVsPt:
                    expr: [dimuonMass, leadingMuonPt]
                    axis:
                      - {type: regular, name: mass, bins: 60, start: 0, stop: 150}
                      - {type: regular, name: pt, bins: 50, start: 0, stop: 200}
                """;
        AnalysisConfig cfg = AnalysisConfig.parse(text, "zmumu.yaml", file.getParent());
        for (int workers : new int[] {1, 2}) {
            AccumulatorMap result = new Runner(RunConfig.defaults().withWorkers(workers).withChunkSize(7)
                    .withProgress(false)).run(cfg.processor(), cfg.fileset()).result();
            for (String ds : List.of("DYJetsToLL_M50_2018", "DoubleMuon_2018")) {
                HistAccumulator hists = result.get("histograms", AccumulatorMap.class).get(ds, HistAccumulator.class);
                Hist h2 = hists.get("massVsPt");
                assertThat(h2.rank()).isEqualTo(4);
                for (String[] pair : new String[][] {{"mass", "dimuonMass"}, {"pt", "leadingMuonPt"}}) {
                    double[] projected = h2.project("category", "variation", pair[0]).values(true);
                    double[] oneD = hists.get(pair[1]).values(true);
                    assertThat(projected).hasSameSizeAs(oneD);
                    if (ds.startsWith("DoubleMuon")) {
                        // data weigh 1: sums of ones are exact in any order
                        assertThat(projected).isEqualTo(oneD);
                    } else {
                        // normalised simulation: the projection adds the same weights in another
                        // order, so allow a few ulps of the bin contents
                        for (int i = 0; i < oneD.length; i++) {
                            assertThat(projected[i]).isCloseTo(oneD[i], within(1e-12 * Math.max(1, Math.abs(oneD[i]))));
                        }
                    }
                }
                assertThat(h2.sum(true)).isPositive();
            }
        }
    }
}
