package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.crema.hist.internal.FillKernelProvider;
import org.crema.hist.internal.FillKernels;

/**
 * The vectorised fill ({@link FillKernels}) against its scalar twin: the index pass of a linear
 * regular axis gives the same stored positions for values on, just below and just above every edge,
 * outside the range, NaN and ±∞, with flow bins on and off; weighted fills (1 to 3 axes, regular and
 * variable) with the vectorised kernels give bit-identical Σw and Σw² and the same encoded exact
 * state as the scalar loops, for weights near one with off-scale outliers, zeros, NaN and ±∞, masks,
 * random chunkings and merge orders, and for variation fills. Skipped when the JVM has no usable
 * Vector API (no {@code --add-modules jdk.incubator.vector}, {@code -Dcrema.simd=false}, or vectors
 * narrower than 8 doubles).
 */
@AddLifecycleHook(SimdFillTest.SkipWithoutVectors.class)
class SimdFillTest {

    /** Skips every property, with the reason, when this JVM has no vectorised fill kernels. */
    static final class SkipWithoutVectors implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return FillKernelProvider.SIMD == null ? SkipResult.skip("no vectorised fill kernels in this JVM: start it "
                    + "with --add-modules jdk.incubator.vector, without -Dcrema.simd=false, on 8-lane hardware")
                    : SkipResult.doNotSkip();
        }
    }

    @AfterProperty
    void backToTheDefault() {
        FillSimd.reset();
    }

    private static FillKernels simd() {
        return FillKernelProvider.SIMD;
    }

    private static RegularAxis axis(String name, Random r, int bins, boolean under, boolean over) {
        double low = switch (r.nextInt(3)) {
            case 0 -> 0;
            case 1 -> -r.nextDouble() * 1000;
            default -> r.nextDouble() * 1e-3;
        };
        double width = switch (r.nextInt(3)) {
            case 0 -> 1;
            case 1 -> r.nextDouble() * 10 + 1e-9;
            default -> Math.scalb(r.nextDouble() + 0.5, r.nextInt(60) - 30);
        };
        return RegularAxis.of(name, bins, low, low + bins * width).withUnderflow(under).withOverflow(over);
    }

    /** Every edge, its neighbouring doubles, points inside bins, outside the range and the non-finite values. */
    private static double[] valuesAtEdges(ContinuousAxis a, Random r) {
        double[] e = a.edges;
        List<Double> v = new ArrayList<>();
        for (double edge : e) {
            v.add(edge);
            v.add(Math.nextDown(edge));
            v.add(Math.nextUp(edge));
            v.add(Math.nextUp(Math.nextUp(edge)));
        }
        for (int i = 0; i + 1 < e.length; i++) {
            v.add(e[i] + r.nextDouble() * (e[i + 1] - e[i]));
        }
        v.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, e[0] - 1e300, 1e300,
                -Double.MAX_VALUE, Double.MAX_VALUE, 0.0, -0.0, Double.MIN_VALUE));
        Collections.shuffle(v, r);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    @Property(tries = 300)
    void indexPassEqualsTheScalarOneOnAndNearEveryEdge(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 300) int bins, @ForAll boolean under, @ForAll boolean over) {
        FillKernels k = simd();
        Random r = new Random(seed);
        RegularAxis a = axis("x", r, bins, under, over);
        double[] xs = valuesAtEdges(a, r);
        int n = xs.length;
        int stride = 1 + r.nextInt(50);
        int[] start = new int[n];
        for (int i = 0; i < n; i++) {
            start[i] = r.nextInt(10) == 0 ? Integer.MIN_VALUE : r.nextInt(1000);
        }
        int[] expected = start.clone();
        a.addIndicesScalar(xs, 0, n, expected, stride);
        int[] actual = start.clone();
        int u = under ? 1 : 0;
        int done = k.regularIndices(xs, n, actual, stride, a.edges, a.lower(), bins / (a.upper() - a.lower()), u,
                under ? 0 : -1, over ? bins + u : -1);
        assertThat(done).isEqualTo(n - n % FillKernels.LANES);
        a.addIndicesScalar(xs, done, n, actual, stride);
        for (int i = 0; i < n; i++) {
            assertThat(actual[i]).as("entry %d, x = %s, axis %s", i, xs[i], a.describe()).isEqualTo(expected[i]);
        }
        // the same through the fill engine's dispatch
        FillSimd.use(true);
        int[] viaAxis = start.clone();
        a.addIndices(xs, n, viaAxis, stride);
        assertThat(viaAxis).isEqualTo(expected);
    }

    /** Weights near one with a share of outliers: off the scale, far off, zero, and (optionally) NaN or ±∞. */
    private static double[] weights(Random r, int n, int outlierPercent, boolean nonFinite) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            if (r.nextInt(100) >= outlierPercent) {
                w[i] = 0.5 + r.nextDouble();
                continue;
            }
            w[i] = switch (r.nextInt(nonFinite ? 6 : 4)) {
                case 0 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(25) - 12);
                case 1 -> 1e5 * (0.5 + r.nextDouble());
                case 2 -> 0.0;
                case 3 -> Math.scalb(r.nextDouble(), -60 - r.nextInt(200));
                case 4 -> Double.NaN;
                default -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            };
        }
        return w;
    }

    private static Hist fillPieces(boolean vectorised, Axis[] axes, double[][] x, double[] w, boolean[] mask,
            int[] cuts, long chunkSeed) {
        FillSimd.use(vectorised);
        Random r = new Random(chunkSeed);
        List<Hist> pieces = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.length; p++) {
            Hist h = Hist.of(Storage.WEIGHT, axes);
            for (int i = cuts[p]; i < cuts[p + 1]; ) {
                int len = Math.min(cuts[p + 1] - i, 1 + r.nextInt(3000));
                Object[] values = new Object[axes.length];
                for (int d = 0; d < axes.length; d++) {
                    values[d] = Arrays.copyOfRange(x[d], i, i + len);
                }
                var filler = h.filler().values(values).weights(Arrays.copyOfRange(w, i, i + len));
                if (mask != null) {
                    filler.mask(Arrays.copyOfRange(mask, i, i + len));
                }
                filler.fill();
                i += len;
            }
            pieces.add(h);
        }
        Collections.shuffle(pieces, r);
        Hist total = pieces.get(0);
        for (int p = 1; p < pieces.size(); p++) {
            total.add(pieces.get(p));
        }
        return total;
    }

    @Property(tries = 120)
    void weightedFillsAreBitIdenticalToTheScalarLoops(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 9000) int n, @ForAll @IntRange(min = 0, max = 12) int outlierPercent,
            @ForAll boolean nonFinite, @ForAll boolean masked, @ForAll @IntRange(min = 1, max = 3) int rank,
            @ForAll @IntRange(min = 1, max = 5) int parts) {
        simd();
        Random r = new Random(seed);
        Axis[] axes = new Axis[rank];
        double[][] x = new double[rank][n];
        for (int d = 0; d < rank; d++) {
            int bins = rank == 1 ? 1 + r.nextInt(120) : 1 + r.nextInt(8);
            RegularAxis regular = axis("x" + d, r, bins, r.nextInt(4) > 0, r.nextInt(4) > 0);
            // the same edges as a variable axis (scalar index pass) beside regular ones
            ContinuousAxis a = r.nextBoolean() ? regular
                    : VariableAxis.of("x" + d, regular.edges).withUnderflow(regular.hasUnderflow())
                            .withOverflow(regular.hasOverflow());
            axes[d] = a;
            double span = a.upper() - a.lower();
            for (int i = 0; i < n; i++) {
                // mostly inside, some on edges, some outside
                x[d][i] = r.nextInt(20) == 0 ? a.edges[r.nextInt(a.edges.length)]
                        : a.lower() - 0.1 * span + 1.2 * span * r.nextDouble();
            }
        }
        double[] w = weights(r, n, outlierPercent, nonFinite);
        boolean[] mask = null;
        if (masked) {
            mask = new boolean[n];
            for (int i = 0; i < n; i++) {
                mask[i] = r.nextInt(5) > 0;
            }
        }
        int[] cuts = new int[parts + 1];
        cuts[parts] = n;
        for (int p = 1; p < parts; p++) {
            cuts[p] = r.nextInt(n + 1);
        }
        Arrays.sort(cuts);
        long chunkSeed = r.nextLong();

        Hist scalar = fillPieces(false, axes, x, w, mask, new int[] {0, n}, chunkSeed);
        Hist vector = fillPieces(true, axes, x, w, mask, cuts, chunkSeed);
        assertSameBits(vector.values(true), scalar.values(true), "Σw");
        assertSameBits(vector.variances(true), scalar.variances(true), "Σw²");
        if (!nonFinite) {
            // A bin's NaN keeps the bits of whichever NaN came first (or the hardware's default NaN
            // for ∞ − ∞), which depends on the order of the pieces: the encoded state, which writes
            // them raw, is compared without them.
            long[][] vs = vector.store.exactState();
            long[][] ss = scalar.store.exactState();
            assertThat(vs[0]).as("encoded Σw").isEqualTo(ss[0]);
            assertThat(vs[1]).as("encoded Σw²").isEqualTo(ss[1]);
        }
    }

    @Property(tries = 40)
    void variationFillsAreBitIdenticalToTheScalarLoops(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 5000) int n) {
        simd();
        Random r = new Random(seed);
        double[] x = new double[n];
        double[][] vw = new double[3][];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 12 * r.nextDouble();
        }
        for (int v = 0; v < 3; v++) {
            vw[v] = weights(r, n, 3, false);
        }
        String[] names = {"nominal", "up", "down"};
        Hist[] h = new Hist[2];
        for (int pass = 0; pass < 2; pass++) {
            FillSimd.use(pass == 1);
            h[pass] = Hist.of(Storage.WEIGHT, StrCategoryAxis.growing(Hist.VARIATION_AXIS),
                    RegularAxis.of("x", 10, 0, 10));
            h[pass].fillVariations(new Object[] {null, x}, names, vw);
        }
        assertSameBits(h[1].values(true), h[0].values(true), "Σw");
        assertSameBits(h[1].variances(true), h[0].variances(true), "Σw²");
    }

    private static void assertSameBits(double[] actual, double[] expected, String what) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int b = 0; b < actual.length; b++) {
            // every NaN counts as the same value (see above); everything else bit for bit
            assertThat(Double.doubleToLongBits(actual[b])).as("%s of bin %d: %s vs %s", what, b, actual[b],
                    expected[b]).isEqualTo(Double.doubleToLongBits(expected[b]));
        }
    }
}
