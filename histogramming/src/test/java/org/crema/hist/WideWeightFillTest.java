package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Weights that switch, within and across fill blocks, between values near one (the fast path),
 * values spread over many decades (the wide sums, which the fill loops switch to for the rest of a
 * block), values from the whole double range (subnormals and values near the largest double
 * included) and zeros: split into random pieces, each filled in random chunks and merged in a random
 * order, Σw and Σw² are bit-identical to one fill of everything, and each bin reads as the correctly
 * rounded exact sum (computed independently with {@link BigDecimal}).
 */
class WideWeightFillTest {
    private static final int BINS = 6;

    /** Runs of weights from one regime at a time, so that blocks change regime in their middle. */
    private static double[] weights(Random r, int n) {
        double[] w = new double[n];
        int i = 0;
        while (i < n) {
            int len = Math.min(n - i, 1 + r.nextInt(1500));
            int regime = r.nextInt(4);
            for (int k = i; k < i + len; k++) {
                w[k] = switch (regime) {
                    case 0 -> 0.5 + r.nextDouble();
                    case 1 -> (r.nextDouble() - 0.2) * Math.pow(10, r.nextInt(13) - 6);
                    case 2 -> anyFinite(r);
                    default -> r.nextInt(4) == 0 ? 0.0 : 0.5 + r.nextDouble();
                };
            }
            i += len;
        }
        return w;
    }

    /** A finite double with a uniformly random exponent (so also subnormals); its square may overflow. */
    private static double anyFinite(Random r) {
        long exponent = r.nextInt(0x7FF); // 0x7FF (NaN, ∞) excluded
        long bits = (r.nextBoolean() ? Long.MIN_VALUE : 0) | exponent << 52 | (r.nextLong() & ((1L << 52) - 1));
        // Keep w·w finite, as a NaN or ∞ in a bin would hide every other value of it.
        double w = Double.longBitsToDouble(bits);
        return Math.abs(w) < 0x1p511 ? w : w * 0x1p-520;
    }

    private static Hist fillInChunks(double[] x, double[] w, int from, int to, Random r) {
        Hist h = Hist.of(Storage.WEIGHT, RegularAxis.of("x", BINS - 2, 0, 4));
        for (int i = from; i < to; ) {
            int len = Math.min(to - i, 1 + r.nextInt(2500));
            h.fillWeighted(Arrays.copyOfRange(w, i, i + len), Arrays.copyOfRange(x, i, i + len));
            i += len;
        }
        return h;
    }

    @Property(tries = 60)
    void anySplitAndMergeOrderGivesTheCorrectlyRoundedExactSums(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 6000) int n,
            @ForAll @IntRange(min = 1, max = 8) int parts) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -0.5 + 5 * r.nextDouble();
        }
        double[] w = weights(r, n);

        Hist whole = fillInChunks(x, w, 0, n, r);
        int[] cuts = new int[parts + 1];
        cuts[parts] = n;
        for (int p = 1; p < parts; p++) {
            cuts[p] = r.nextInt(n + 1);
        }
        Arrays.sort(cuts);
        List<Hist> pieces = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            pieces.add(fillInChunks(x, w, cuts[p], cuts[p + 1], r));
        }
        Collections.shuffle(pieces, r);
        while (pieces.size() > 1) {
            Hist a = pieces.remove(r.nextInt(pieces.size()));
            Hist b = pieces.remove(r.nextInt(pieces.size()));
            pieces.add(r.nextBoolean() ? Hist.merge(a, b) : Hist.merge(b, a));
        }
        Hist merged = pieces.get(0);

        BigDecimal[] sumw = new BigDecimal[BINS];
        BigDecimal[] sumw2 = new BigDecimal[BINS];
        Arrays.fill(sumw, BigDecimal.ZERO);
        Arrays.fill(sumw2, BigDecimal.ZERO);
        for (int i = 0; i < n; i++) {
            int b = x[i] < 0 ? 0 : x[i] >= 4 ? BINS - 1 : 1 + (int) Math.floor(x[i]);
            sumw[b] = sumw[b].add(new BigDecimal(w[i]));
            sumw2[b] = sumw2[b].add(new BigDecimal(w[i] * w[i]));
        }
        double[] v = whole.values(true);
        double[] var = whole.variances(true);
        double[] mv = merged.values(true);
        double[] mvar = merged.variances(true);
        for (int b = 0; b < BINS; b++) {
            assertThat(Double.doubleToRawLongBits(mv[b])).as("Σw of bin %d, merged", b)
                    .isEqualTo(Double.doubleToRawLongBits(v[b]));
            assertThat(Double.doubleToRawLongBits(mvar[b])).as("Σw² of bin %d, merged", b)
                    .isEqualTo(Double.doubleToRawLongBits(var[b]));
            assertThat(v[b]).as("Σw of bin %d", b).isEqualTo(correctlyRounded(sumw[b]));
            assertThat(var[b]).as("Σw² of bin %d", b).isEqualTo(correctlyRounded(sumw2[b]));
        }
        assertThat(merged).isEqualTo(whole);
    }

    /**
     * {@link BigDecimal#doubleValue} rounds half to even (JDK 19 and later), with subnormals and
     * overflow to ∞; an exact zero reads as +0, as the histogram's does.
     */
    private static double correctlyRounded(BigDecimal exact) {
        return exact.signum() == 0 ? 0.0 : exact.doubleValue();
    }
}
