package org.crema.cli.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.crema.hist.Axis;
import org.crema.hist.ContinuousAxis;
import org.crema.hist.Hist;
import org.crema.hist.StrCategoryAxis;

/**
 * Bin-by-bin comparison of two sets of histograms, slice by slice: every categorical axis (dataset
 * is already in the histogram's path; category, variation, …) is fixed to one of its values, and the
 * remaining continuous axes are compared with a χ² test and a Kolmogorov–Smirnov test.
 *
 * <p><b>χ².</b> Σ (a − b)² / (σ²a + σ²b) over the in-range bins where σ²a + σ²b &gt; 0 (variances
 * from the histograms' storage: Σw² for weighted, the count for unweighted), ndf = the number of those
 * bins; the p-value is the upper tail of the χ² distribution. Both inputs are treated as independent
 * samples; two runs over the same events are correlated, so the test is conservative there (a real
 * change still shows as a large χ²).
 *
 * <p><b>Kolmogorov.</b> The largest distance between the normalised cumulative distributions over the
 * in-range bins, with the effective entries (Σw)² / Σw² of each histogram, as ROOT's
 * {@code TH1::KolmogorovTest} without options does; it tests the shape only.
 */
public final class HistComparison {
    private HistComparison() {
    }

    /** How one slice compares. */
    public enum Status {
        /** Every bin, flow included, is equal bit for bit. */
        IDENTICAL,
        /** Every bin differs by at most the tolerance. */
        WITHIN_TOLERANCE,
        /** Some bins differ, but both tests pass. */
        COMPATIBLE,
        /** A test fails (or, with {@code exact}, any bin differs). */
        FAILED,
        /** Only the first input has this slice. */
        ONLY_IN_A,
        /** Only the second input has this slice. */
        ONLY_IN_B,
        /** Both have it with different binning. */
        BINNING_DIFFERS;

        /** @return whether the slice makes the comparison fail */
        public boolean fails() {
            return this == FAILED || this == ONLY_IN_A || this == ONLY_IN_B || this == BINNING_DIFFERS;
        }
    }

    /**
     * Thresholds.
     *
     * @param minP a slice fails when its χ² or Kolmogorov p-value is below this
     * @param tolerance bins with |a − b| ≤ tolerance × max(|a|, |b|) count as equal
     * @param exact any bin beyond the tolerance fails the slice, whatever the tests say
     */
    public record Thresholds(double minP, double tolerance, boolean exact) {
    }

    /**
     * One compared slice.
     *
     * @param histogram the histogram's path, e.g. {@code histograms/DYJetsToLL_M50_2018/dimuonMass}
     * @param slice the fixed categorical values, e.g. {@code category=zWindow, variation=nominal}; empty
     *     for a histogram without categorical axes
     * @param status the verdict
     * @param chi2 χ²
     * @param ndf bins in the χ² sum
     * @param chi2P χ² p-value
     * @param ksD largest distance of the normalised cumulative distributions
     * @param ksP Kolmogorov p-value
     * @param maxDiffBin in-range or flow bin with the largest |b − a| ({@code -1} for none), as a label
     * @param maxDiff b − a in that bin
     * @param sumA Σ of the first input's bins, flow included
     * @param sumB Σ of the second's
     * @param edges bin edges when one continuous axis remains, else {@code null}
     * @param a the first input's in-range values ({@code null} when absent)
     * @param b the second's
     * @param xLabel the remaining axis' label or name
     */
    public record SliceResult(String histogram, String slice, Status status, double chi2, int ndf, double chi2P,
            double ksD, double ksP, String maxDiffBin, double maxDiff, double sumA, double sumB, double[] edges,
            double[] a, double[] b, String xLabel) {

        /** @return histogram path and slice, e.g. {@code histograms/DY/dimuonMass [category=zWindow]} */
        public String name() {
            return slice.isEmpty() ? histogram : histogram + " [" + slice + "]";
        }
    }

    /**
     * Compares every histogram slice of {@code a} with the same slice of {@code b}.
     *
     * @param a the reference histograms by path
     * @param b the histograms to check
     * @param t thresholds
     * @return one result per slice, ordered by histogram path then slice
     */
    public static List<SliceResult> compare(Map<String, Hist> a, Map<String, Hist> b, Thresholds t) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<SliceResult> out = new ArrayList<>();
        for (String name : names) {
            Map<String, Hist> sa = a.containsKey(name) ? slices(a.get(name)) : Map.of();
            Map<String, Hist> sb = b.containsKey(name) ? slices(b.get(name)) : Map.of();
            List<String> keys = new ArrayList<>(sa.keySet());
            sb.keySet().stream().filter(k -> !sa.containsKey(k)).forEach(keys::add);
            for (String k : keys) {
                out.add(compareSlice(name, k, sa.get(k), sb.get(k), t));
            }
        }
        return out;
    }

    /** Fixes every categorical axis to each of its values, in axis order; keys read {@code axis=value, …}. */
    static Map<String, Hist> slices(Hist h) {
        Map<String, Hist> out = new LinkedHashMap<>();
        slice(h, "", out);
        return out;
    }

    private static void slice(Hist h, String prefix, Map<String, Hist> out) {
        for (Axis ax : h.axes()) {
            if (ax instanceof ContinuousAxis) {
                continue;
            }
            for (int bin = 0; bin < ax.size(); bin++) {
                String value = ax instanceof StrCategoryAxis s ? s.category(bin) : ax.binLabel(bin);
                Hist at = ax instanceof StrCategoryAxis s ? h.at(ax.name(), s.category(bin)) : h.atBin(ax.name(), bin);
                slice(at, (prefix.isEmpty() ? "" : prefix + ", ") + ax.name() + "=" + value, out);
            }
            return;
        }
        out.put(prefix, h);
    }

    static SliceResult compareSlice(String name, String slice, Hist ha, Hist hb, Thresholds t) {
        Hist any = ha != null ? ha : hb;
        double[] edges = any.rank() == 1 && any.axis(0) instanceof ContinuousAxis c ? c.edges() : null;
        String xLabel = any.rank() == 1 ? (any.axis(0).label().isEmpty() ? any.axis(0).name() : any.axis(0).label())
                : "";
        if (ha == null || hb == null) {
            double[] v = any.values(false);
            double s = any.sum(true);
            return new SliceResult(name, slice, ha == null ? Status.ONLY_IN_B : Status.ONLY_IN_A, Double.NaN, 0,
                    Double.NaN, Double.NaN, Double.NaN, "", Double.NaN, ha == null ? 0 : s, hb == null ? 0 : s, edges,
                    ha == null ? null : v, hb == null ? null : v, xLabel);
        }
        if (!describe(ha).equals(describe(hb))) {
            return new SliceResult(name, slice, Status.BINNING_DIFFERS, Double.NaN, 0, Double.NaN, Double.NaN,
                    Double.NaN, describe(ha) + " vs " + describe(hb), Double.NaN, ha.sum(true), hb.sum(true), null, null,
                    null, xLabel);
        }
        double[] fa = ha.values(true);
        double[] fb = hb.values(true);
        boolean identical = true;
        boolean withinTolerance = true;
        int worst = -1;
        for (int i = 0; i < fa.length; i++) {
            if (Double.doubleToLongBits(fa[i]) != Double.doubleToLongBits(fb[i])) {
                identical = false;
                double d = Math.abs(fb[i] - fa[i]);
                if (!(d <= t.tolerance() * Math.max(Math.abs(fa[i]), Math.abs(fb[i])))) {
                    withinTolerance = false;
                }
                if (worst < 0 || d > Math.abs(fb[worst] - fa[worst]) || Double.isNaN(d)) {
                    worst = i;
                }
            }
        }
        double[] a = ha.values(false);
        double[] b = hb.values(false);
        double[] va = ha.variances(false);
        double[] vb = hb.variances(false);
        double chi2 = 0;
        int ndf = 0;
        for (int i = 0; i < a.length; i++) {
            double v = va[i] + vb[i];
            if (v > 0) {
                chi2 += (a[i] - b[i]) * (a[i] - b[i]) / v;
                ndf++;
            }
        }
        double chi2P = ndf == 0 ? 1 : gammaQ(ndf / 2.0, chi2 / 2.0);
        double[] ks = kolmogorov(a, b, va, vb);
        Status status;
        if (identical) {
            status = Status.IDENTICAL;
        } else if (withinTolerance) {
            status = Status.WITHIN_TOLERANCE;
        } else if (t.exact() || !(chi2P >= t.minP()) || !(ks[1] >= t.minP())) {
            status = Status.FAILED;
        } else {
            status = Status.COMPATIBLE;
        }
        return new SliceResult(name, slice, status, chi2, ndf, chi2P, ks[0], ks[1],
                worst < 0 ? "" : flowBinLabel(ha, worst), worst < 0 ? 0 : fb[worst] - fa[worst], ha.sum(true),
                hb.sum(true), edges, a, b, xLabel);
    }

    private static String describe(Hist h) {
        StringBuilder sb = new StringBuilder();
        for (Axis ax : h.axes()) {
            sb.append(sb.isEmpty() ? "" : " × ").append(ax.describe());
        }
        return sb.toString();
    }

    /** The label of stored bin {@code index} (flow included), e.g. {@code [90, 92)} or {@code overflow}. */
    static String flowBinLabel(Hist h, int index) {
        List<Axis> axes = h.axes();
        int[] bins = new int[axes.size()];
        int rest = index;
        for (int k = axes.size() - 1; k >= 0; k--) {
            Axis ax = axes.get(k);
            int extent = ax.extent();
            int stored = rest % extent;
            rest /= extent;
            bins[k] = stored - (ax.hasUnderflow() ? 1 : 0);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < axes.size(); k++) {
            Axis ax = axes.get(k);
            String l = bins[k] < 0 ? "underflow" : bins[k] >= ax.size() ? "overflow" : ax.binLabel(bins[k]);
            sb.append(k == 0 ? "" : ", ").append(axes.size() > 1 ? ax.name() + " " : "").append(l);
        }
        return sb.toString();
    }

    /** @return {D, p}: the Kolmogorov distance and probability with effective entries */
    static double[] kolmogorov(double[] a, double[] b, double[] va, double[] vb) {
        double sa = 0;
        double sb = 0;
        double wa = 0;
        double wb = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
            wa += va[i];
            wb += vb[i];
        }
        if (sa == 0 || sb == 0) {
            return new double[] {sa == sb ? 0 : 1, sa == sb ? 1 : 0};
        }
        double ca = 0;
        double cb = 0;
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            ca += a[i] / sa;
            cb += b[i] / sb;
            d = Math.max(d, Math.abs(ca - cb));
        }
        double na = wa > 0 ? sa * sa / wa : Math.abs(sa);
        double nb = wb > 0 ? sb * sb / wb : Math.abs(sb);
        double z = d * Math.sqrt(na * nb / (na + nb));
        return new double[] {d, kolmogorovProb(z)};
    }

    /** P(K &gt; z) of the Kolmogorov distribution: 2 Σ (−1)^(j−1) exp(−2 j² z²). */
    static double kolmogorovProb(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z <= 0.2) {
            // The series converges slowly here, and the probability is 1 to better than 1e-8.
            return 1;
        }
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            double term = Math.exp(-2.0 * j * j * z * z);
            sum += (j % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-16) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }

    /** The regularised upper incomplete gamma function Q(s, x), the χ² tail for s = ndf/2, x = χ²/2. */
    static double gammaQ(double s, double x) {
        if (x <= 0) {
            return 1;
        }
        if (x < s + 1) {
            // series for P(s, x)
            double term = 1 / s;
            double sum = term;
            for (int n = 1; n < 1000; n++) {
                term *= x / (s + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                    break;
                }
            }
            return Math.max(0, 1 - sum * Math.exp(-x + s * Math.log(x) - logGamma(s)));
        }
        // Lentz's continued fraction for Q(s, x)
        double b = x + 1 - s;
        double c = 1 / 1e-300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - s);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < 1e-300 ? 1e-300 : d;
            c = b + an / c;
            c = Math.abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return Math.exp(-x + s * Math.log(x) - logGamma(s)) * h;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9; relative error below 1e-15). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
