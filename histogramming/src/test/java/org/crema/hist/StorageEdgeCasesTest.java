package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same edge cases for every storage: empty fills, NaN and ±∞ values, flow on and off. */
class StorageEdgeCasesTest {
    private static Hist.Filler filler(Hist h, Object values, Object weights) {
        Hist.Filler f = h.filler().values(values);
        if (h.storage() != Storage.INT64 && weights != null) {
            f.weights(weights);
        }
        if (h.storage() == Storage.MEAN) {
            int n = values instanceof double[] d ? d.length : 1;
            double[] s = new double[n];
            java.util.Arrays.fill(s, 4.0);
            f.sample(s);
        }
        return f;
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void emptyFillLeavesEveryBinZero(Storage s) {
        Hist h = Hist.of(s, RegularAxis.of("x", 3, 0, 3));
        filler(h, new double[0], new double[0]).fill();
        assertThat(h.values(true)).containsOnly(0.0);
        assertThat(h.variances(true)).containsOnly(0.0);
        assertThat(h.counts(true)).containsOnly(0.0);
        assertThat(h).isEqualTo(Hist.of(s, RegularAxis.of("x", 3, 0, 3)));
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void nanAndInfinitiesGoToFlowBinsOrAreDropped(Storage s) {
        double[] x = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5};
        Hist on = Hist.of(s, RegularAxis.of("x", 3, 0, 3));
        filler(on, x, 1.0).fill();
        // stored [under, b0, b1, b2, over]: -inf → under; NaN, +inf → over; 1.5 → b1
        assertThat(on.counts(true)).containsExactly(1, 0, 1, 0, 2);
        Hist off = Hist.of(s, RegularAxis.of("x", 3, 0, 3).withUnderflow(false).withOverflow(false));
        filler(off, x, 1.0).fill();
        assertThat(off.counts(true)).containsExactly(0, 1, 0);
        if (s == Storage.MEAN) {
            assertThat(on.values(true)).containsExactly(4, 0, 4, 0, 4);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Storage.class, names = {"DOUBLE", "WEIGHT", "MEAN"})
    void zeroWeightsAddNothingButNegativeWeightsSubtract(Storage s) {
        Hist h = Hist.of(s, RegularAxis.of("x", 2, 0, 2));
        filler(h, new double[] {0.5, 1.5}, new double[] {0, -1}).fill();
        assertThat(h.sumOfWeights(false)).containsExactly(0, -1);
    }
}
