package org.crema.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A busy data/MC plot: seven processes (two legend columns), log y, a blinded window. */
class DataMcPlotTest {
    static final List<String> PROCESSES = List.of("QCD", "W+jets", "Diboson", "Single t", "t\\bar{t}", "Z\\to\\tau\\tau",
            "Z/\\gamma^{*}\\to\\mu\\mu");

    static DataMcPlot busy(boolean log) {
        int n = 30;
        double[] edges = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            edges[i] = 60 + 2 * i;
        }
        DataMcPlot.Builder b = DataMcPlot.builder().edges(edges).xLabel("m_{\\mu\\mu} [GeV]").yLabel("Events / 2 GeV")
                .logY(log).blind(88, 94);
        double[] total = new double[n];
        for (int k = 0; k < PROCESSES.size(); k++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                double x = 61 + 2 * i;
                // a Breit-Wigner peak for the last process, falling backgrounds for the rest
                v[i] = k == PROCESSES.size() - 1 ? 5e4 / (1 + Math.pow((x - 91.2) / 2.5, 2)) : 50 * (k + 1) * Math.exp(-(x - 60) / 30);
                total[i] += v[i];
            }
            b.mc(PROCESSES.get(k), v);
        }
        double[] data = new double[n];
        double[] up = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = Math.rint(total[i] * (1 + 0.03 * Math.sin(i)));
            up[i] = 0.05 * total[i];
        }
        return b.data(data).band(new SystematicBand(up, up.clone())).build();
    }

    @Test
    void everyProcessIsInTheLegendAndBlindedBinsHideData(@TempDir Path dir) {
        DataMcPlot p = busy(true);
        String svg = PlotWriter.svg(p);
        assertThat(svg).contains("QCD", "W+jets", "Diboson", "Single t", "Blinded", ">Data<");
        // 2 GeV bins from 60: [88, 94) overlaps bins 14, 15, 16
        for (int i = 0; i < 30; i++) {
            assertThat(p.blinded(i)).as("bin %d", i).isEqualTo(i >= 14 && i <= 16);
        }
        List<Path> files = PlotWriter.write(p, dir.resolve("busy"), PlotWriter.Format.ALL);
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder("busy.png", "busy.svg",
                "busy.pdf");
        String look = System.getProperty("crema.plots.example");
        if (look != null) {
            PlotWriter.write(p, Path.of(look).resolveSibling("busy_log"), Set.of(PlotWriter.Format.PNG));
            PlotWriter.write(busy(false), Path.of(look).resolveSibling("busy"), Set.of(PlotWriter.Format.PNG));
        }
    }
}
