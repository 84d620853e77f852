package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.Storage;
import org.crema.hist.StrCategoryAxis;
import org.crema.hist.VariableAxis;
import org.crema.io.KeyInfo;
import org.crema.io.RootFile;
import org.crema.io.write.CompressionSetting;
import org.crema.io.write.RootHistogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootHistogramsTest {
    @Test
    void oneDimensionalKeepsFlowSumw2AndTitles() {
        Hist h = Hist.builder().storage(Storage.WEIGHT).axis(RegularAxis.of("m", 2, 0, 2).withLabel("mass [GeV]"))
                .build();
        h.fillWeighted(new double[] {2, 0.5, 3, 1}, new double[] {-1, 0.5, 1.5, 7});
        RootHistogram r = RootHistograms.toRoot(h, "m");
        assertThat(r.kind()).isEqualTo(RootHistogram.Kind.TH1D);
        assertThat(r.x().title()).isEqualTo("mass [GeV]");
        assertThat(r.contents()).containsExactly(2, 0.5, 3, 1);
        assertThat(r.sumw2()).containsExactly(4, 0.25, 9, 1);
        assertThat(r.statistics().sumw()).isEqualTo(3.5);
        assertThat(r.statistics().entries()).isEqualTo(6.5);
        assertThat(RootHistograms.toRoot(h, "m", RootHistogram.Kind.TH1F).kind()).isEqualTo(RootHistogram.Kind.TH1F);
    }

    @Test
    void twoDimensionalCellsFollowRootOrderAndAxesWithoutFlowGetEmptyFlowCells() {
        Hist h = Hist.builder().storage(Storage.WEIGHT).axis(VariableAxis.of("x", 0, 1, 3))
                .axis(RegularAxis.of("y", 2, 0, 2).withUnderflow(false).withOverflow(false)).build();
        h.fillWeighted(new double[] {1, 10, 100}, new double[] {0.5, 2, 5}, new double[] {0.5, 1.5, 1.5});
        RootHistogram r = RootHistograms.toRoot(h, "xy");
        assertThat(r.kind()).isEqualTo(RootHistogram.Kind.TH2D);
        assertThat(r.x().edges()).containsExactly(0, 1, 3);
        int nx = 4;
        double[] expect = new double[nx * 4];
        expect[1 + nx * 1] = 1;   // x bin 1, y bin 1
        expect[2 + nx * 2] = 10;  // x bin 2, y bin 2
        expect[3 + nx * 2] = 100; // x overflow, y bin 2
        assertThat(r.contents()).containsExactly(expect);
    }

    @Test
    void categoryAndVariationAxesBecomeDirectoriesAndSuffixes(@TempDir Path dir) throws Exception {
        Hist h = Hist.builder().storage(Storage.WEIGHT).axis(StrCategoryAxis.of("category", "ee", "mumu"))
                .axis(StrCategoryAxis.of("variation", "nominal", "jesUp")).axis(RegularAxis.of("m", 3, 0, 3)).build();
        h.fillWeighted(new double[] {1}, new String[] {"mumu"}, new String[] {"jesUp"}, new double[] {1.5});
        Map<String, Hist> m = new LinkedHashMap<>();
        m.put("histograms/DY/mass", h);
        Path f = dir.resolve("h.root");
        RootHistograms.write(f, m, CompressionSetting.zstd(5));
        try (RootFile r = RootFile.open(f)) {
            assertThat(r.keys()).extracting(KeyInfo::name, KeyInfo::className)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("DY", "TDirectory"));
            assertThat(r.streamerClassVersions()).containsEntry("TH1D", 3);
        }
        assertThatThrownBy(() -> RootHistograms.toRoot(h, "h"))
                .hasMessageContaining("a ROOT TH1/TH2 needs 1 or 2 continuous axes");
    }
}
