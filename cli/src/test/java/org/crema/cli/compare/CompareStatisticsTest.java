package org.crema.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.StrCategoryAxis;
import org.junit.jupiter.api.Test;

class CompareStatisticsTest {
    @Test
    void chi2TailMatchesTables() {
        // Q(1, x) = exp(-x); the χ² 95% points: ndf 1 → 3.841459, ndf 10 → 18.307038, ndf 50 → 67.504807
        assertThat(HistComparison.gammaQ(1, 2.5)).isCloseTo(Math.exp(-2.5), within(1e-14));
        assertThat(HistComparison.gammaQ(0.5, 3.841459 / 2)).isCloseTo(0.05, within(1e-7));
        assertThat(HistComparison.gammaQ(5, 18.307038 / 2)).isCloseTo(0.05, within(1e-7));
        assertThat(HistComparison.gammaQ(25, 67.504807 / 2)).isCloseTo(0.05, within(1e-7));
        assertThat(HistComparison.gammaQ(3, 0)).isEqualTo(1.0);
    }

    @Test
    void kolmogorovDistributionMatchesTables() {
        // P(K > 1.3581) = 0.05 and P(K > 1.6276) = 0.01 (Smirnov's asymptotic table)
        assertThat(HistComparison.kolmogorovProb(1.3581)).isCloseTo(0.05, within(1e-4));
        assertThat(HistComparison.kolmogorovProb(1.6276)).isCloseTo(0.01, within(1e-4));
        assertThat(HistComparison.kolmogorovProb(0.1)).isEqualTo(1.0);
        assertThat(HistComparison.kolmogorovProb(Double.NaN)).isNaN();
    }

    @Test
    void kolmogorovOfEqualShapesIsOneAndOfDisjointShapesIsZero() {
        double[] a = {10, 20, 30};
        double[] twice = {20, 40, 60};
        assertThat(HistComparison.kolmogorov(a, twice, a, twice)).containsExactly(0.0, 1.0);
        double[] left = {100, 0, 0};
        double[] right = {0, 0, 100};
        double[] r = HistComparison.kolmogorov(left, right, left, right);
        assertThat(r[0]).isEqualTo(1.0);
        assertThat(r[1]).isLessThan(1e-10);
    }

    static Hist gaussian(long seed, double shift, int n) {
        java.util.Random r = new java.util.Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() + shift;
        }
        return Hist.of(RegularAxis.of("x", 40, -4, 4)).fill(x);
    }

    @Test
    void aShiftOfAWellFilledHistogramFailsAndAnotherSampleOfTheSameShapeDoesNot() {
        HistComparison.Thresholds t = new HistComparison.Thresholds(0.01, 0, false);
        Hist a = gaussian(1, 0, 100_000);
        var same = HistComparison.compareSlice("h", "", a, gaussian(2, 0, 100_000), t);
        assertThat(same.status()).isEqualTo(HistComparison.Status.COMPATIBLE);
        assertThat(same.ndf()).isEqualTo(40);
        // a shift by a quarter of a bin width, 0.05 σ, is seen with 10⁵ events
        var shifted = HistComparison.compareSlice("h", "", a, gaussian(2, 0.05, 100_000), t);
        assertThat(shifted.status()).isEqualTo(HistComparison.Status.FAILED);
        assertThat(shifted.ksP()).isLessThan(0.01);
        var identical = HistComparison.compareSlice("h", "", a, gaussian(1, 0, 100_000), t);
        assertThat(identical.status()).isEqualTo(HistComparison.Status.IDENTICAL);
        assertThat(identical.chi2()).isZero();
        assertThat(identical.chi2P()).isEqualTo(1.0);
    }

    @Test
    void slicesFixEveryCategoricalAxisAndMissingOrRebinnedSlicesFail() {
        Hist h = Hist.of(StrCategoryAxis.of("category", "a", "b"), RegularAxis.of("x", 4, 0, 4));
        h.fill(new String[] {"a", "b"}, new double[] {1, 2});
        assertThat(HistComparison.slices(h).keySet()).containsExactly("category=a", "category=b");
        Hist other = Hist.of(RegularAxis.of("x", 2, 0, 4));
        var t = new HistComparison.Thresholds(0.01, 0, false);
        var results = HistComparison.compare(java.util.Map.of("h", h, "g", other), java.util.Map.of("h", h,
                "g", Hist.of(RegularAxis.of("x", 4, 0, 4))), t);
        assertThat(results).extracting(HistComparison.SliceResult::name, r -> r.status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("g", HistComparison.Status.BINNING_DIFFERS),
                        org.assertj.core.groups.Tuple.tuple("h [category=a]", HistComparison.Status.IDENTICAL),
                        org.assertj.core.groups.Tuple.tuple("h [category=b]", HistComparison.Status.IDENTICAL));
        var missing = HistComparison.compare(java.util.Map.of("h", h), java.util.Map.of(), t);
        assertThat(missing).allMatch(r -> r.status() == HistComparison.Status.ONLY_IN_A);
    }
}
