package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The fill loops of the double storages: entries that leave the exact sums' fast path (a weight
 * off the current scale, which may rebase it) in the middle of a block, and the fast loop resumed
 * after them, still give every bin's correctly rounded exact Σw and Σw², whatever the chunking of
 * the fill calls.
 */
class ExactFillTest {

    @Property(tries = 150)
    void everyBinIsTheCorrectlyRoundedExactSumForAnyChunking(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 5000) int n, @ForAll @IntRange(min = 0, max = 40) int decades,
            @ForAll @IntRange(min = 0, max = 20) int offScalePercent) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 12 * r.nextDouble();
            // Mostly weights near 1 (the fast path); some spread over ±decades or of the other sign.
            w[i] = r.nextInt(100) < offScalePercent
                    ? (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(2 * decades + 1) - decades)
                    : 0.5 + r.nextDouble();
        }
        RegularAxis axis = RegularAxis.of("x", 10, 0, 10);
        Hist weight = Hist.of(Storage.WEIGHT, axis);
        Hist dbl = Hist.of(Storage.DOUBLE, axis);
        for (int from = 0; from < n; ) {
            int len = Math.min(n - from, 1 + r.nextInt(3000));
            double[] xs = Arrays.copyOfRange(x, from, from + len);
            double[] ws = Arrays.copyOfRange(w, from, from + len);
            weight.fillWeighted(ws, xs);
            dbl.fillWeighted(ws, xs);
            from += len;
        }
        BigDecimal[] sumw = new BigDecimal[12];
        BigDecimal[] sumw2 = new BigDecimal[12];
        Arrays.fill(sumw, BigDecimal.ZERO);
        Arrays.fill(sumw2, BigDecimal.ZERO);
        for (int i = 0; i < n; i++) {
            int b = x[i] < 0 ? 0 : x[i] >= 10 ? 11 : 1 + (int) Math.floor(x[i]);
            sumw[b] = sumw[b].add(new BigDecimal(w[i]));
            sumw2[b] = sumw2[b].add(new BigDecimal(w[i] * w[i]));
        }
        double[] v = weight.values(true);
        double[] var = weight.variances(true);
        double[] d = dbl.values(true);
        for (int b = 0; b < 12; b++) {
            assertThat(v[b]).as("Σw of bin %d", b).isEqualTo(sumw[b].doubleValue());
            assertThat(var[b]).as("Σw² of bin %d", b).isEqualTo(sumw2[b].doubleValue());
            assertThat(d[b]).as("Σw of bin %d, double storage", b).isEqualTo(sumw[b].doubleValue());
        }
    }
}
