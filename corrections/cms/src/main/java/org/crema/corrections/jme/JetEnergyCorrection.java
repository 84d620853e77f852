package org.crema.corrections.jme;

import java.util.HashMap;
import java.util.Map;
import org.crema.columnar.Columns;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.ListColumn;

/**
 * Re-applies jet energy corrections to NanoAOD jets: {@code pt_raw = pt·(1 − rawFactor)}, {@code
 * mass_raw = mass·(1 − rawFactor)}, then {@code c = L1FastJet · L2Relative · L3Absolute [·
 * L2L3Residual]} evaluated on the raw jet with its area and the event's ρ, and {@code pt = c·pt_raw},
 * {@code mass = c·mass_raw}.
 *
 * <p>Jets are flat content arrays with per-event offsets ({@code offsets[e] .. offsets[e+1]} are
 * the jets of event {@code e}; offsets need not start at 0); per-event values (ρ) are broadcast to
 * their jets. Outputs are aligned with the input content arrays (same indices, same offsets);
 * entries outside {@code [offsets[0], offsets[n])} are left 0. Arithmetic is double: float
 * NanoAOD values are widened, then multiplied.
 *
 * <pre>{@code
 * JetFunction jec = JetFunction.chain(List.of(l1, l2, l3));
 * JetEnergyCorrection.Result r = JetEnergyCorrection.reapply(jec, offsets, pt, eta, mass, rawFactor, area, rho);
 * double[] correctedPt = r.pt();
 * }</pre>
 */
public final class JetEnergyCorrection {
    private JetEnergyCorrection() {
    }

    /**
     * The corrected jets.
     *
     * @param offsets the input offsets (shared)
     * @param rawPt uncorrected pt
     * @param rawMass uncorrected mass
     * @param factor the total correction factor
     * @param pt corrected pt ({@code factor · rawPt})
     * @param mass corrected mass ({@code factor · rawMass})
     */
    public record Result(int[] offsets, double[] rawPt, double[] rawMass, double[] factor, double[] pt, double[] mass) {
        /** @return the corrected pt as a jagged column (a view sharing the arrays) */
        public ListColumn<DoubleColumn> ptColumn() {
            return Columns.jagged(offsets, pt);
        }

        /** @return the corrected mass as a jagged column (a view sharing the arrays) */
        public ListColumn<DoubleColumn> massColumn() {
            return Columns.jagged(offsets, mass);
        }
    }

    /**
     * Re-applies the JEC to NanoAOD jets.
     *
     * @param jec the total correction as a function of the raw jet ({@link JetFunction#chain} of
     *     text levels, or a correctionlib compound)
     * @param offsets per-event jet offsets, {@code n + 1} entries
     * @param pt {@code Jet_pt} (corrected in production)
     * @param eta {@code Jet_eta}
     * @param mass {@code Jet_mass}
     * @param rawFactor {@code Jet_rawFactor}
     * @param area {@code Jet_area}
     * @param rho per event, {@code Rho_fixedGridRhoFastjetAll}
     * @return raw and corrected pt and mass, and the factor
     */
    public static Result reapply(JetFunction jec, int[] offsets, float[] pt, float[] eta, float[] mass,
            float[] rawFactor, float[] area, float[] rho) {
        int total = checkJets(offsets, pt.length, "pt");
        checkLength(eta, total, "eta");
        checkLength(mass, total, "mass");
        checkLength(rawFactor, total, "rawFactor");
        checkLength(area, total, "area");
        checkLength(rho, offsets.length - 1, "rho (per event)");
        int from = offsets[0];
        int to = offsets[offsets.length - 1];
        int len = pt.length;
        double[] rawPt = new double[len];
        double[] rawMass = new double[len];
        for (int i = from; i < to; i++) {
            double keep = 1.0 - (double) rawFactor[i];
            rawPt[i] = pt[i] * keep;
            rawMass[i] = mass[i] * keep;
        }
        return correct(jec, offsets, rawPt, rawMass, toDouble(eta), toDouble(area), rho);
    }

    /**
     * Applies a JEC to jets that are already raw (e.g. after {@link #undo}).
     *
     * @param jec the total correction
     * @param offsets per-event jet offsets
     * @param rawPt uncorrected pt
     * @param rawMass uncorrected mass
     * @param eta per jet
     * @param area per jet
     * @param rho per event
     * @return raw and corrected pt and mass, and the factor
     */
    public static Result correct(JetFunction jec, int[] offsets, double[] rawPt, double[] rawMass, double[] eta,
            double[] area, float[] rho) {
        int total = checkJets(offsets, rawPt.length, "rawPt");
        if (rawMass.length < total || eta.length < total || area.length < total) {
            throw new IllegalArgumentException("rawMass, eta and area need " + total + " entries, have "
                    + rawMass.length + ", " + eta.length + ", " + area.length);
        }
        checkLength(rho, offsets.length - 1, "rho (per event)");
        int len = rawPt.length;
        int from = offsets[0];
        int to = offsets[offsets.length - 1];
        Map<String, double[]> cols = new HashMap<>();
        cols.put(JetFunction.JET_PT, rawPt);
        cols.put(JetFunction.JET_ETA, eta);
        cols.put(JetFunction.JET_A, area);
        cols.put(JetFunction.RHO, broadcast(offsets, rho, len));
        if (jec.inputs().contains(JetFunction.JET_E)) {
            double[] e = new double[len];
            for (int i = from; i < to; i++) {
                double pz = rawPt[i] * Math.sinh(eta[i]);
                e[i] = Math.sqrt(rawPt[i] * rawPt[i] + pz * pz + rawMass[i] * rawMass[i]);
            }
            cols.put(JetFunction.JET_E, e);
        }
        double[] factor = new double[len];
        // Evaluate only the live span, through views starting at offsets[0].
        if (from == 0) {
            jec.evaluate(cols, to, factor);
        } else {
            Map<String, double[]> shifted = new HashMap<>();
            for (Map.Entry<String, double[]> c : cols.entrySet()) {
                shifted.put(c.getKey(), java.util.Arrays.copyOfRange(c.getValue(), from, to));
            }
            double[] part = new double[to - from];
            jec.evaluate(shifted, to - from, part);
            System.arraycopy(part, 0, factor, from, to - from);
        }
        double[] pt = new double[len];
        double[] mass = new double[len];
        for (int i = from; i < to; i++) {
            pt[i] = factor[i] * rawPt[i];
            mass[i] = factor[i] * rawMass[i];
        }
        return new Result(offsets, rawPt, rawMass, factor, pt, mass);
    }

    /**
     * Undoes a correction: the raw value from a corrected one and {@code rawFactor}, i.e. {@code
     * value · (1 − rawFactor)}.
     *
     * @param corrected corrected pt or mass
     * @param rawFactor per jet
     * @return a new array of raw values
     */
    public static double[] undo(double[] corrected, double[] rawFactor) {
        if (rawFactor.length < corrected.length) {
            throw new IllegalArgumentException("rawFactor needs " + corrected.length + " entries, has " + rawFactor.length);
        }
        double[] out = new double[corrected.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = corrected[i] * (1.0 - rawFactor[i]);
        }
        return out;
    }

    /**
     * Broadcasts a per-event value to the jets of each event.
     *
     * @param offsets per-event offsets
     * @param perEvent one value per event
     * @param length length of the per-jet output (at least {@code offsets[n]})
     * @return per-jet values aligned with the content arrays
     */
    public static double[] broadcast(int[] offsets, float[] perEvent, int length) {
        double[] out = new double[length];
        for (int e = 0; e + 1 < offsets.length; e++) {
            double v = perEvent[e];
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                out[i] = v;
            }
        }
        return out;
    }

    static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    static int checkJets(int[] offsets, int contentLength, String name) {
        if (offsets.length < 1) {
            throw new IllegalArgumentException("offsets must have n + 1 >= 1 entries, got 0");
        }
        if (offsets[0] < 0) {
            throw new IllegalArgumentException("offsets must start >= 0: offsets[0]=" + offsets[0]);
        }
        for (int e = 1; e < offsets.length; e++) {
            if (offsets[e] < offsets[e - 1]) {
                throw new IllegalArgumentException("offsets not monotone: offsets[" + (e - 1) + "]=" + offsets[e - 1]
                        + " > offsets[" + e + "]=" + offsets[e]);
            }
        }
        int last = offsets[offsets.length - 1];
        if (last > contentLength) {
            throw new IllegalArgumentException("last offset exceeds " + name + " length: offsets[" + (offsets.length - 1)
                    + "]=" + last + " > " + contentLength);
        }
        return last;
    }

    static void checkLength(float[] a, int needed, String name) {
        if (a.length < needed) {
            throw new IllegalArgumentException(name + " needs at least " + needed + " entries, has " + a.length);
        }
    }
}
