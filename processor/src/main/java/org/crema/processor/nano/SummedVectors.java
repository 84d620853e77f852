package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.Combinations;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.Kinematics;
import org.crema.columnar.ListColumn;

/**
 * Per-event lists of four-vectors held in Cartesian form (px, py, pz, E in double), e.g. the sums
 * of {@link ObjectCombinations#sum()}. The (pt, η, φ, m) columns are computed on first use and
 * rounded to float once; {@link #filter} keeps the Cartesian form, so filtering before asking for
 * a quantity computes it only for the survivors.
 */
public final class SummedVectors implements Kinematics {
    private final int[] offsets;
    private final double[] px;
    private final double[] py;
    private final double[] pz;
    private final double[] energy;
    private ListColumn<FloatColumn> pt;
    private ListColumn<FloatColumn> eta;
    private ListColumn<FloatColumn> phi;
    private ListColumn<FloatColumn> mass;

    private SummedVectors(int[] offsets, double[] px, double[] py, double[] pz, double[] energy) {
        this.offsets = offsets;
        this.px = px;
        this.py = py;
        this.pz = pz;
        this.energy = energy;
    }

    static SummedVectors ofCombinations(int[] objectOffsets, FloatColumn pt, FloatColumn eta, FloatColumn phi,
            FloatColumn mass, Combinations combinations) {
        int nj = pt.length();
        double[] jx = new double[nj];
        double[] jy = new double[nj];
        double[] jz = new double[nj];
        double[] je = new double[nj];
        for (int j = 0; j < nj; j++) {
            float p = pt.get(j);
            float h = eta.get(j);
            float f = phi.get(j);
            double m = mass.get(j);
            // StrictMath: the same bits on every JVM and CPU, so sums do not depend on the machine
            jx[j] = p * StrictMath.cos(f);
            jy[j] = p * StrictMath.sin(f);
            jz[j] = p * StrictMath.sinh(h);
            double pl = p * StrictMath.cosh(h);
            je[j] = Math.sqrt(pl * pl + m * m);
        }
        int arity = combinations.arity();
        int[][] slots = new int[arity][];
        for (int s = 0; s < arity; s++) {
            slots[s] = ((IntColumn) combinations.index(s).flatContent()).toArray();
        }
        int[] toff = combinations.index(0).zeroBasedOffsets();
        int nt = toff[toff.length - 1];
        double[] x = new double[nt];
        double[] y = new double[nt];
        double[] z = new double[nt];
        double[] e = new double[nt];
        for (int ev = 0; ev < toff.length - 1; ev++) {
            int base = objectOffsets[ev];
            for (int t = toff[ev]; t < toff[ev + 1]; t++) {
                int j = base + slots[0][t];
                double sx = jx[j];
                double sy = jy[j];
                double sz = jz[j];
                double se = je[j];
                for (int s = 1; s < arity; s++) {
                    j = base + slots[s][t];
                    sx += jx[j];
                    sy += jy[j];
                    sz += jz[j];
                    se += je[j];
                }
                x[t] = sx;
                y[t] = sy;
                z[t] = sz;
                e[t] = se;
            }
        }
        return new SummedVectors(toff, x, y, z, e);
    }

    /** @return the number of events */
    public int length() {
        return offsets.length - 1;
    }

    @Override
    public ListColumn<FloatColumn> pt() {
        if (pt == null) {
            float[] out = new float[px.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.sqrt(px[i] * px[i] + py[i] * py[i]);
            }
            pt = ListColumn.ofTrusted(offsets, FloatColumn.of(out));
        }
        return pt;
    }

    @Override
    public ListColumn<FloatColumn> mass() {
        if (mass == null) {
            float[] out = new float[px.length];
            for (int i = 0; i < out.length; i++) {
                double m2 = energy[i] * energy[i] - px[i] * px[i] - py[i] * py[i] - pz[i] * pz[i];
                out[i] = (float) Math.sqrt(Math.max(m2, 0));
            }
            mass = ListColumn.ofTrusted(offsets, FloatColumn.of(out));
        }
        return mass;
    }

    @Override
    public ListColumn<FloatColumn> eta() {
        if (eta == null) {
            float[] out = new float[px.length];
            for (int i = 0; i < out.length; i++) {
                double t = Math.sqrt(px[i] * px[i] + py[i] * py[i]);
                double r = pz[i] / t;
                out[i] = (float) Math.log(r + Math.sqrt(r * r + 1));
            }
            eta = ListColumn.ofTrusted(offsets, FloatColumn.of(out));
        }
        return eta;
    }

    @Override
    public ListColumn<FloatColumn> phi() {
        if (phi == null) {
            float[] out = new float[px.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.atan2(py[i], px[i]);
            }
            phi = ListColumn.ofTrusted(offsets, FloatColumn.of(out));
        }
        return phi;
    }

    /**
     * @param mask one flag per vector, same lists
     * @return the vectors whose flag is set, still in Cartesian form
     */
    @Override
    public SummedVectors filter(ListColumn<BoolColumn> mask) {
        if (mask.length() != length()) {
            throw new IllegalArgumentException("filter: mask must have one list per event, got " + mask.length()
                    + " for " + length());
        }
        int[] newOff = new int[offsets.length];
        int kept = 0;
        for (int e = 0; e < length(); e++) {
            if (mask.count(e) != offsets[e + 1] - offsets[e]) {
                throw new IllegalArgumentException("filter: mask must have one flag per vector, event " + e + " has "
                        + (offsets[e + 1] - offsets[e]) + " vectors and " + mask.count(e) + " flags");
            }
            for (int j = mask.start(e); j < mask.end(e); j++) {
                kept += mask.content().get(j) ? 1 : 0;
            }
            newOff[e + 1] = kept;
        }
        double[] x = new double[kept];
        double[] y = new double[kept];
        double[] z = new double[kept];
        double[] en = new double[kept];
        int k = 0;
        for (int e = 0; e < length(); e++) {
            int s = mask.start(e);
            for (int j = 0; j < offsets[e + 1] - offsets[e]; j++) {
                if (mask.content().get(s + j)) {
                    int i = offsets[e] + j;
                    x[k] = px[i];
                    y[k] = py[i];
                    z[k] = pz[i];
                    en[k] = energy[i];
                    k++;
                }
            }
        }
        return new SummedVectors(newOff, x, y, z, en);
    }
}
