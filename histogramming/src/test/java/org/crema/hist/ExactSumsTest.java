package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The exact sums behind every double bin: order independence, correct rounding, window moves. */
class ExactSumsTest {

    /** Doubles over a wide range of magnitudes and both signs, with some subnormals and zeros. */
    private static double[] values(Random r, int n, int decades) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(50);
            v[i] = kind == 0 ? 0.0 : kind == 1 ? Double.MIN_VALUE * r.nextInt(1000)
                    : (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(2 * decades + 1) - decades);
        }
        return v;
    }

    private static ExactSums sumOf(double[] v, int from, int to, int bins) {
        ExactSums s = new ExactSums(bins);
        for (int i = from; i < to; i++) {
            s.add(i % bins, v[i]);
        }
        return s;
    }

    @Property(tries = 200)
    void anyOrderAndGroupingGivesTheSameState(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 400) int n, @ForAll @IntRange(min = 1, max = 8) int parts,
            @ForAll @IntRange(min = 0, max = 300) int decades) {
        Random r = new Random(seed);
        double[] v = values(r, n, decades);
        ExactSums whole = sumOf(v, 0, n, 3);
        // The same values, shuffled, cut into parts, summed separately and merged in random order.
        List<Double> shuffled = new ArrayList<>();
        for (double x : v) {
            shuffled.add(x);
        }
        Collections.shuffle(shuffled, r);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = shuffled.get(i);
        }
        // Keep each value in the bin it had: bin = original index % 3, so shuffle within bins only.
        List<ExactSums> pieces = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            pieces.add(new ExactSums(3));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, r);
        for (int i : order) {
            pieces.get(r.nextInt(parts)).add(i % 3, v[i]);
        }
        while (pieces.size() > 1) {
            ExactSums a = pieces.remove(r.nextInt(pieces.size()));
            ExactSums b = pieces.remove(r.nextInt(pieces.size()));
            a.addAll(b);
            pieces.add(a);
        }
        ExactSums merged = pieces.get(0);
        for (int b = 0; b < 3; b++) {
            assertThat(Double.doubleToRawLongBits(merged.value(b))).as("bin %d", b)
                    .isEqualTo(Double.doubleToRawLongBits(whole.value(b)));
        }
        // The serialised state is canonical: equal sums, equal encodings, however the state was reached
        // (including through a decode, as a run resumed from a checkpoint does).
        assertThat(merged.encode()).isEqualTo(whole.encode());
        ExactSums resumed = ExactSums.decode(sumOf(v, 0, n / 2, 3).encode(), 3);
        for (int i = n / 2; i < n; i++) {
            resumed.add(i % 3, v[i]);
        }
        assertThat(resumed.encode()).isEqualTo(whole.encode());
        assertThat(ExactSums.decode(whole.encode(), 3).encode()).isEqualTo(whole.encode());
    }

    @Property(tries = 200)
    void valueIsTheCorrectlyRoundedExactSum(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 0, max = 600) int decades) {
        // Exact over the whole double range: values spread over up to 600 decades.
        Random r = new Random(seed);
        double[] v = new double[n];
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextDouble() - 0.4) * Math.pow(10, r.nextInt(decades + 1) - decades / 2);
            exact = exact.add(new BigDecimal(v[i]));
        }
        ExactSums s = sumOf(v, 0, n, 1);
        assertThat(s.value(0)).isEqualTo(exact.doubleValue());
    }

    @Test
    void cancellationLeavesTheSmallRemainderExactly() {
        ExactSums s = new ExactSums(1);
        s.add(0, 1e16);
        s.add(0, 1.0);
        s.add(0, -1e16);
        // Naive double summation gives 0 here (1e16 + 1 rounds to 1e16).
        assertThat(s.value(0)).isEqualTo(1.0);
    }

    @Test
    void valuesFarApartStayExact() {
        // 1e30 + 3 + 1e-30 − 1e30 = 3 + 1e-30 exactly, rounded once: 3.0; and 1e-300 survives next to 1e300.
        ExactSums s = new ExactSums(2);
        s.add(0, 1e-30);
        s.add(0, 3.0);
        s.add(0, 1e30);
        s.add(0, -1e30);
        s.add(1, 1e300);
        s.add(1, 1e-300);
        s.add(1, -1e300);
        assertThat(s.value(0)).isEqualTo(3.0);
        assertThat(s.value(1)).isEqualTo(1e-300);
    }

    @Test
    void nonFiniteValuesAreKeptAsideOrderIndependently() {
        ExactSums a = new ExactSums(3);
        a.add(0, Double.POSITIVE_INFINITY);
        a.add(0, 2.0);
        a.add(1, Double.NaN);
        a.add(2, Double.POSITIVE_INFINITY);
        a.add(2, Double.NEGATIVE_INFINITY);
        assertThat(a.value(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(a.value(1)).isNaN();
        assertThat(a.value(2)).isNaN();
    }

    @Test
    void valuesFarAboveTheScaleGoToTheWideSums() {
        ExactSums s = new ExactSums(1);
        s.add(0, 1.0); // scale 2^-57
        for (int i = 0; i < 4; i++) {
            s.add(0, 0x1p68); // its least bit 2^73 units above the scale: beyond the pair's slow path
        }
        assertThat(s.wide).isNotNull();
        assertThat(s.wide.has(0)).isTrue();
        assertThat(s.value(0)).isEqualTo(0x1p70); // 2^70 + 1 rounds to 2^70
        s.add(0, -0x1p70);
        assertThat(s.value(0)).isEqualTo(1.0);
    }

    @Test
    void pairOverflowMovesTheValueToTheWideSums() {
        ExactSums s = new ExactSums(1);
        s.add(0, 1.0); // scale 2^-57
        for (int i = 0; i < 3; i++) {
            s.add(0, 0x1p35); // 2^92 units: 2^60 in the pair's high word, the third passes its limit
        }
        assertThat(s.wide.has(0)).isTrue();
        assertThat(s.value(0)).isEqualTo(3 * 0x1p35 + 1);
        assertThat(s.exact(0)).isEqualTo(BigInteger.valueOf(3 * (1L << 35) + 1).shiftLeft(1200));
    }

    @Test
    void wideSumsAreExactAcrossTheirWindowsAndFolds() {
        // Values at both ends of the double range in one bin, each window growing, folded in between.
        ExactSums s = new ExactSums(2);
        s.add(0, 1.0);
        BigDecimal exact = BigDecimal.ONE;
        double[] far = {Double.MIN_VALUE, -0x1p-1000, 0x1p1000, Double.MAX_VALUE, -Double.MAX_VALUE, 3e-300,
            -7e200, 0x1.fffffffffffffp-1022};
        for (int round = 0; round < 3; round++) {
            for (double x : far) {
                s.add(0, x);
                exact = exact.add(new BigDecimal(x));
            }
            s.fold();
        }
        assertThat(s.value(0)).isEqualTo(exact.doubleValue());
        ExactSums t = new ExactSums(2);
        t.addAll(s);
        t.addBin(s, 0, 1);
        assertThat(t.value(0)).isEqualTo(t.value(1)).isEqualTo(exact.doubleValue());
        assertThat(t.exact(0)).isEqualTo(s.exact(0));
    }

    @Test
    void mergingDifferentScalesIsExact() {
        ExactSums a = new ExactSums(1);
        a.add(0, 1e-3);
        ExactSums b = new ExactSums(1);
        b.add(0, 1e6);
        b.add(0, 1e-20); // below b's scale: b lowers its scale or uses its wide sums
        BigDecimal exact = new BigDecimal(1e-3).add(new BigDecimal(1e6)).add(new BigDecimal(1e-20));
        ExactSums ab = a.copy();
        ab.addAll(b);
        ExactSums ba = b.copy();
        ba.addAll(a);
        assertThat(ab.value(0)).isEqualTo(ba.value(0)).isEqualTo(exact.doubleValue());
    }

    @Test
    void roundingIsHalfToEvenIncludingSubnormals() {
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: the even one wins.
        assertThat(ExactSums.toDouble(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE), 0)).isEqualTo(0x1p53);
        assertThat(ExactSums.toDouble(BigInteger.ONE.shiftLeft(53).add(BigInteger.valueOf(3)), 0))
                .isEqualTo(0x1p53 + 4);
        // Half of the smallest subnormal rounds to 0 (even), three halves to two of them.
        assertThat(ExactSums.toDouble(BigInteger.ONE, -1075)).isEqualTo(0.0);
        assertThat(ExactSums.toDouble(BigInteger.valueOf(3), -1075)).isEqualTo(2 * Double.MIN_VALUE);
        assertThat(ExactSums.toDouble(BigInteger.valueOf(-3), -1075)).isEqualTo(-2 * Double.MIN_VALUE);
        assertThat(ExactSums.toDouble(BigInteger.ONE.shiftLeft(2000), 0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void encodedStateRoundTrips() {
        Random r = new Random(7);
        ExactSums s = sumOf(values(r, 500, 20), 0, 500, 5);
        s.add(3, Double.NaN);
        s.add(2, 1e-200); // far below the scale: the wide sums, encoded as a big integer
        ExactSums d = ExactSums.decode(s.encode(), 5);
        assertThat(d).isNotNull();
        for (int b = 0; b < 5; b++) {
            assertThat(Double.doubleToRawLongBits(d.value(b))).isEqualTo(Double.doubleToRawLongBits(s.value(b)));
        }
        assertThat(ExactSums.decode(new long[] {2, 0, 0, 0}, 5)).isNull();
    }

    @Test
    void exactJsonKeepsLaterMergesBitIdentical() {
        Random r = new Random(11);
        for (Storage kind : new Storage[] {Storage.WEIGHT, Storage.DOUBLE, Storage.MEAN}) {
            Hist a = Hist.of(kind, RegularAxis.of("x", 5, 0, 1));
            Hist b = a.emptyCopy();
            double[] x = new double[2000];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble();
            }
            double[] wa = values(r, 2000, 8);
            double[] wb = values(r, 2000, 8);
            if (kind == Storage.MEAN) {
                a.filler().values((Object) x).weights(wa).sample(wb).fill();
                b.filler().values((Object) x).weights(wb).sample(wa).fill();
            } else {
                a.fillWeighted(wa, x);
                b.fillWeighted(wb, x);
            }
            Hist expected = Hist.merge(a, b);
            Hist viaExact = Hist.merge(UhiJson.fromJson(UhiJson.toJsonExact(a)), b);
            assertThat(viaExact).as(kind.toString()).isEqualTo(expected);
            // The exact state is ignored when the visible contents were edited: those win.
            String edited = UhiJson.toJsonExact(a).replaceFirst("\\[\\[?-?[0-9.eE+-]+", "[12345.0");
            Hist fromEdited = UhiJson.fromJson(edited);
            double[] shown = kind == Storage.MEAN ? fromEdited.counts(true) : fromEdited.values(true);
            assertThat(shown[0]).isEqualTo(12345.0);
        }
    }

    @Test
    void foldingLowWordsIntoHighWordsKeepsTheValues() {
        Random r = new Random(5);
        double[] v = values(r, 3000, 6);
        ExactSums folded = new ExactSums(4);
        ExactSums plain = new ExactSums(4);
        for (int i = 0; i < v.length; i++) {
            folded.add(i % 4, v[i]);
            plain.add(i % 4, v[i]);
            if (i % 101 == 0) {
                folded.fold();
            }
        }
        for (int b = 0; b < 4; b++) {
            assertThat(folded.exact(b)).isEqualTo(plain.exact(b));
        }
    }
}
