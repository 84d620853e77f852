package org.crema.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Garwood intervals, the band convention and the TeX-like labels against known values. */
class PlotPartsTest {
    @Test
    void garwoodIntervalsMatchPublishedValues() {
        // 68.27 % central intervals as tabulated for CMS data points (ROOT's TH1::kPoisson and
        // ROOT::Math::gamma_quantile give the same): n=0 → [0, 1.841], n=1 → [0.173, 3.300],
        // n=2 → [0.708, 4.638]. Published to 3-4 digits, hence the tolerance.
        assertThat(Garwood.interval(0)).containsExactly(new double[] {0, 1.8410}, within(5e-4));
        assertThat(Garwood.interval(1)).containsExactly(new double[] {0.1728, 3.2995}, within(5e-4));
        assertThat(Garwood.interval(2)).containsExactly(new double[] {0.7082, 4.6379}, within(5e-4));
        // Self-consistency to full precision: the bounds are where the Poisson tail probabilities are α/2,
        // P(N ≥ n | lower) = α/2 and P(N ≤ n | upper) = α/2, checked by summing the Poisson terms.
        double halfAlpha = (1 - Garwood.ONE_SIGMA) / 2;
        for (int n : new int[] {1, 2, 5, 10, 30}) {
            double[] ci = Garwood.interval(n);
            assertThat(1 - poissonCdf(n - 1, ci[0])).as("lower, n=%d", n).isCloseTo(halfAlpha, within(1e-10));
            assertThat(poissonCdf(n, ci[1])).as("upper, n=%d", n).isCloseTo(halfAlpha, within(1e-10));
        }
        // exactly: the upper bound for n=0 is −ln(α/2) = −ln(0.15866)
        assertThat(Garwood.interval(0)[1]).isCloseTo(-Math.log((1 - Garwood.ONE_SIGMA) / 2), within(1e-12));
        assertThatThrownBy(() -> Garwood.interval(-1)).isInstanceOf(PlotException.class)
                .hasMessage("Poisson count must be finite and >= 0, got -1.0");
    }

    private static double poissonCdf(int n, double mu) {
        double term = Math.exp(-mu);
        double sum = term;
        for (int k = 1; k <= n; k++) {
            term *= mu / k;
            sum += term;
        }
        return sum;
    }

    @Test
    void bandCombinesSourcesInQuadrature() {
        double[] nominal = {10, 20, 0};
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("nominal", new double[] {99, 99, 99}); // ignored
        v.put("jesUp", new double[] {13, 18, 0});
        v.put("jesDown", new double[] {8, 23, 0});
        v.put("lumi_up", new double[] {11, 22, 0});
        v.put("lumi_down", new double[] {9, 18, 0});
        v.put("pdf", new double[] {10, 24, 1}); // one-sided source
        v.put("puUp", new double[] {12, 21, 0}); // up and down on the same side: larger shift, one side
        v.put("puDown", new double[] {11, 21.5, 0});
        SystematicBand b = SystematicBand.of(nominal, v);
        assertThat(SystematicBand.sources(v).keySet()).containsExactly("jes", "lumi", "pdf", "pu");
        // bin 0: up jes 3, lumi 1, pdf 0, pu 2 → √14; down jes 2, lumi 1 → √5
        assertThat(b.up()[0]).isEqualTo(Math.sqrt(9 + 1 + 0 + 4));
        assertThat(b.down()[0]).isEqualTo(Math.sqrt(4 + 1));
        // bin 1: up jes 3, lumi 2, pdf 4, pu 1.5 → √31.25; down jes 2, lumi 2 → √8
        assertThat(b.up()[1]).isEqualTo(Math.sqrt(9 + 4 + 16 + 2.25));
        assertThat(b.down()[1]).isEqualTo(Math.sqrt(4 + 4));
        assertThat(b.up()[2]).isEqualTo(1.0);
        assertThat(b.down()[2]).isEqualTo(0.0);
        SystematicBand s = b.withStatistical(new double[] {2, 0, 3});
        assertThat(s.up()[2]).isEqualTo(2.0);
        assertThat(s.down()[0]).isEqualTo(Math.sqrt(Math.sqrt(5) * Math.sqrt(5) + 2));
        assertThatThrownBy(() -> SystematicBand.of(nominal, Map.of("x", new double[2])))
                .isInstanceOf(PlotException.class).hasMessage("variation of source 'x' has 2 bins, expected 3 like the nominal");
    }

    @Test
    void texLabelsRenderGreekAndScripts() {
        assertThat(TexLabel.parse("p_{T} [GeV]")).containsExactly(new TexLabel.Run("p", ""),
                new TexLabel.Run("T", "_"), new TexLabel.Run(" [GeV]", ""));
        assertThat(TexLabel.plain("\\eta")).isEqualTo("η");
        assertThat(TexLabel.plain("\\Delta R")).isEqualTo("ΔR");
        assertThat(TexLabel.parse("m_{\\mu\\mu}")).containsExactly(new TexLabel.Run("m", ""), new TexLabel.Run("μμ", "_"));
        assertThat(TexLabel.parse("$E_{T}^{miss}$")).containsExactly(new TexLabel.Run("E", ""),
                new TexLabel.Run("T", "_"), new TexLabel.Run("miss", "^"));
        assertThat(TexLabel.parse("p_{T}^{\\mu_{1}}")).containsExactly(new TexLabel.Run("p", ""),
                new TexLabel.Run("T", "_"), new TexLabel.Run("μ", "^"), new TexLabel.Run("1", "^_"));
        assertThat(TexLabel.parse("10^{-1}")).containsExactly(new TexLabel.Run("10", ""), new TexLabel.Run("-1", "^"));
        assertThat(TexLabel.parse("x_1")).containsExactly(new TexLabel.Run("x", ""), new TexLabel.Run("1", "_"));
        assertThat(TexLabel.plain("\\mathrm{GeV}")).isEqualTo("GeV");
        assertThat(TexLabel.plain("t\\bar{t}")).isEqualTo("tt\u0304");
        assertThat(TexLabel.plain("\\unknown")).isEqualTo("\\unknown");
        assertThat(TexLabel.plain(TexLabel.escape("DYJetsToLL_M50_2018"))).isEqualTo("DYJetsToLL_M50_2018");
        assertThat(TexLabel.parse(TexLabel.escape("a^b{c}\\d"))).containsExactly(new TexLabel.Run("a^b{c}\\d", ""));
    }

    @Test
    void formatsParseAndRejectUnknownNames() {
        assertThat(PlotWriter.Format.parse("png, PDF")).containsExactlyInAnyOrder(PlotWriter.Format.PNG,
                PlotWriter.Format.PDF);
        assertThatThrownBy(() -> PlotWriter.Format.parse(",")).isInstanceOf(PlotException.class)
                .hasMessage("no plot format given in ',': expected png, svg or pdf");
        assertThatThrownBy(() -> DataMcPlot.builder().edges(new double[] {0, 1, 1})).isInstanceOf(PlotException.class)
                .hasMessage("bin edges must increase: edges[1]=1.0 >= edges[2]=1.0");
        assertThatThrownBy(() -> DataMcPlot.builder().edges(new double[] {0, 1}).mc("a", new double[2]).build())
                .isInstanceOf(PlotException.class).hasMessage("a has 2 values, expected 1 (one per bin)");
        assertThat(List.of(Palette.forCount(3), Palette.forCount(7), Palette.forCount(9)))
                .containsExactly(Palette.PETROFF_6, Palette.PETROFF_8, Palette.PETROFF_10);
    }
}
