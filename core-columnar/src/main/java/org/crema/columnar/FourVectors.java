package org.crema.columnar;

import org.crema.columnar.internal.KernelProvider;
import org.crema.columnar.internal.Kernels;

/**
 * Four-vector kernels on (pt, η, φ, m) columns, the NanoAOD convention: conversions to and from
 * (px, py, pz, E), vector sums, invariant masses, Δφ, ΔR, nearest-object matching and ΔR tables.
 * Flat overloads work element-wise on {@link FloatColumn}s of equal length; jagged overloads on
 * {@code ListColumn<FloatColumn>}s with equal list lengths in every entry. Inputs are float (as
 * stored in NanoAOD); sums and masses are computed in double and rounded to float once. For a
 * collection-level API see {@link Kinematics}.
 *
 * <p>Conventions: Δφ = φ1 − φ2 wrapped to [−π, π]; ΔR = sqrt(Δη² + Δφ²); a negative m² from
 * rounding gives mass 0; η of a vector with pt = 0 is ±∞ (NaN when pz is 0 too).
 */
public final class FourVectors {
    private static final Kernels K = KernelProvider.KERNELS;

    private FourVectors() {}

    /**
     * Flat (pt, η, φ, m) columns of equal length: one four-vector per entry, e.g. one per event
     * after {@link #sum}.
     *
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @param phi azimuth
     * @param mass mass
     */
    public record PtEtaPhiM(FloatColumn pt, FloatColumn eta, FloatColumn phi, FloatColumn mass) {
        /** Checks that the four columns have equal length. */
        public PtEtaPhiM {
            checkLengths("PtEtaPhiM", pt, eta, phi, mass);
        }

        /** @return the number of four-vectors */
        public int length() {
            return pt.length();
        }

        /** @return px = pt cos φ */
        public FloatColumn px() {
            return FourVectors.px(pt, phi);
        }

        /** @return py = pt sin φ */
        public FloatColumn py() {
            return FourVectors.py(pt, phi);
        }

        /** @return pz = pt sinh η */
        public FloatColumn pz() {
            return FourVectors.pz(pt, eta);
        }

        /** @return E = sqrt((pt cosh η)² + m²) */
        public FloatColumn energy() {
            return FourVectors.energy(pt, eta, mass);
        }

        /**
         * @param other four-vectors of the same length
         * @return the element-wise sum (in double, rounded once)
         */
        public PtEtaPhiM add(PtEtaPhiM other) {
            checkLengths("add", pt, other.pt);
            int n = length();
            double[] px = new double[n], py = new double[n], pz = new double[n], en = new double[n];
            accumulate(this, px, py, pz, en);
            accumulate(other, px, py, pz, en);
            return fromCartesian(px, py, pz, en);
        }

        /**
         * @param other four-vectors of the same length
         * @return ΔR to the other four-vectors, element-wise
         */
        public FloatColumn deltaR(PtEtaPhiM other) {
            return FourVectors.deltaR(eta, phi, other.eta, other.phi);
        }
    }

    static void checkLengths(String what, Column first, Column... others) {
        for (Column c : others) {
            if (c.length() != first.length()) {
                throw new IllegalArgumentException(what + ": columns must have the same length, got "
                        + first.length() + " and " + c.length());
            }
        }
    }

    @SafeVarargs
    static void checkLists(String what, ListColumn<FloatColumn> first, ListColumn<FloatColumn>... others) {
        for (ListColumn<FloatColumn> c : others) {
            Jagged.checkSameLists(what, first, c);
        }
    }

    private static void accumulate(PtEtaPhiM v, double[] px, double[] py, double[] pz, double[] en) {
        float[] pt = v.pt.array(), eta = v.eta.array(), phi = v.phi.array(), m = v.mass.array();
        int o1 = v.pt.offset(), o2 = v.eta.offset(), o3 = v.phi.offset(), o4 = v.mass.offset();
        for (int i = 0; i < px.length; i++) {
            double p = pt[o1 + i];
            double h = eta[o2 + i];
            double f = phi[o3 + i];
            double mm = m[o4 + i];
            double pcosh = p * Math.cosh(h);
            px[i] += p * Math.cos(f);
            py[i] += p * Math.sin(f);
            pz[i] += p * Math.sinh(h);
            en[i] += Math.sqrt(pcosh * pcosh + mm * mm);
        }
    }

    private static PtEtaPhiM fromCartesian(double[] px, double[] py, double[] pz, double[] en) {
        int n = px.length;
        float[] pt = new float[n], eta = new float[n], phi = new float[n], m = new float[n];
        for (int i = 0; i < n; i++) {
            double t = Math.hypot(px[i], py[i]);
            pt[i] = (float) t;
            eta[i] = (float) asinh(pz[i] / t);
            phi[i] = (float) Math.atan2(py[i], px[i]);
            double p2 = t * t + pz[i] * pz[i];
            double m2 = (en[i] - Math.sqrt(p2)) * (en[i] + Math.sqrt(p2));
            m[i] = (float) Math.sqrt(Math.max(m2, 0.0));
        }
        return new PtEtaPhiM(FloatColumn.of(pt), FloatColumn.of(eta), FloatColumn.of(phi), FloatColumn.of(m));
    }

    private static double asinh(double x) {
        if (Double.isInfinite(x) || x != x) {
            return x;
        }
        double a = Math.abs(x);
        // log1p form keeps precision near 0 (central objects); the sqrt form overflows only for |x| > 1e154
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    /**
     * Four-vectors from Cartesian components.
     *
     * @param px x momentum
     * @param py y momentum
     * @param pz z momentum
     * @param energy energy
     * @return (pt, η, φ, m), mass 0 where E² &lt; p²
     */
    public static PtEtaPhiM fromPxPyPzE(DoubleColumn px, DoubleColumn py, DoubleColumn pz, DoubleColumn energy) {
        checkLengths("fromPxPyPzE", px, py, pz, energy);
        return fromCartesian(px.toArray(), py.toArray(), pz.toArray(), energy.toArray());
    }

    // ---------------------------------------------------------------- components, flat

    private interface Component {
        double of(double pt, double x);
    }

    private static FloatColumn component(String what, FloatColumn pt, FloatColumn x, Component f) {
        checkLengths(what, pt, x);
        float[] a = pt.array(), b = x.array();
        float[] out = new float[pt.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f.of(a[pt.offset() + i], b[x.offset() + i]);
        }
        return FloatColumn.of(out);
    }

    /**
     * @param pt transverse momentum
     * @param phi azimuth
     * @return px = pt cos φ
     */
    public static FloatColumn px(FloatColumn pt, FloatColumn phi) {
        return component("px", pt, phi, (p, f) -> p * Math.cos(f));
    }

    /**
     * @param pt transverse momentum
     * @param phi azimuth
     * @return py = pt sin φ
     */
    public static FloatColumn py(FloatColumn pt, FloatColumn phi) {
        return component("py", pt, phi, (p, f) -> p * Math.sin(f));
    }

    /**
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @return pz = pt sinh η
     */
    public static FloatColumn pz(FloatColumn pt, FloatColumn eta) {
        return component("pz", pt, eta, (p, h) -> p * Math.sinh(h));
    }

    /**
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @param mass mass
     * @return E = sqrt((pt cosh η)² + m²)
     */
    public static FloatColumn energy(FloatColumn pt, FloatColumn eta, FloatColumn mass) {
        checkLengths("energy", pt, eta, mass);
        float[] out = new float[pt.length()];
        for (int i = 0; i < out.length; i++) {
            double pc = pt.array()[pt.offset() + i] * Math.cosh(eta.array()[eta.offset() + i]);
            double m = mass.array()[mass.offset() + i];
            out[i] = (float) Math.sqrt(pc * pc + m * m);
        }
        return FloatColumn.of(out);
    }

    /**
     * Jagged px; see {@link #px(FloatColumn, FloatColumn)}.
     *
     * @param pt transverse momentum
     * @param phi azimuth
     * @return the result
     */
    public static ListColumn<FloatColumn> px(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> phi) {
        checkLists("px", pt, phi);
        return Jagged.sameLists(pt, px(Jagged.floats(pt), Jagged.floats(phi)));
    }

    /**
     * Jagged py; see {@link #py(FloatColumn, FloatColumn)}.
     *
     * @param pt transverse momentum
     * @param phi azimuth
     * @return the result
     */
    public static ListColumn<FloatColumn> py(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> phi) {
        checkLists("py", pt, phi);
        return Jagged.sameLists(pt, py(Jagged.floats(pt), Jagged.floats(phi)));
    }

    /**
     * Jagged pz; see {@link #pz(FloatColumn, FloatColumn)}.
     *
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @return the result
     */
    public static ListColumn<FloatColumn> pz(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> eta) {
        checkLists("pz", pt, eta);
        return Jagged.sameLists(pt, pz(Jagged.floats(pt), Jagged.floats(eta)));
    }

    /**
     * Jagged energy; see {@link #energy(FloatColumn, FloatColumn, FloatColumn)}.
     *
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @param mass mass
     * @return the result
     */
    public static ListColumn<FloatColumn> energy(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> eta, ListColumn<FloatColumn> mass) {
        checkLists("energy", pt, eta, mass);
        return Jagged.sameLists(pt, energy(Jagged.floats(pt), Jagged.floats(eta), Jagged.floats(mass)));
    }

    // ---------------------------------------------------------------- angles and masses

    /**
     * @param phi1 azimuth of the first objects
     * @param phi2 azimuth of the second objects
     * @return Δφ = φ1 − φ2 wrapped to [−π, π], element-wise
     */
    public static FloatColumn deltaPhi(FloatColumn phi1, FloatColumn phi2) {
        checkLengths("deltaPhi", phi1, phi2);
        float[] out = new float[phi1.length()];
        K.deltaPhi(phi1, phi2, out);
        return FloatColumn.of(out);
    }

    /**
     * @param eta1 pseudorapidity of the first objects
     * @param phi1 azimuth of the first objects
     * @param eta2 pseudorapidity of the second objects
     * @param phi2 azimuth of the second objects
     * @return ΔR = sqrt(Δη² + Δφ²), element-wise
     */
    public static FloatColumn deltaR(FloatColumn eta1, FloatColumn phi1, FloatColumn eta2, FloatColumn phi2) {
        checkLengths("deltaR", eta1, phi1, eta2, phi2);
        float[] out = new float[eta1.length()];
        K.deltaR(eta1, phi1, eta2, phi2, out);
        return FloatColumn.of(out);
    }

    /**
     * Invariant mass of the sum of two four-vectors, element-wise: sqrt(m1² + m2² + 2(E1E2 − p1·p2)),
     * computed in double without cancellation (see the SIMD/scalar notes in docs/performance.md, "core-columnar kernels").
     *
     * @param pt1 pt of the first objects
     * @param eta1 η of the first objects
     * @param phi1 φ of the first objects
     * @param mass1 mass of the first objects
     * @param pt2 pt of the second objects
     * @param eta2 η of the second objects
     * @param phi2 φ of the second objects
     * @param mass2 mass of the second objects
     * @return one mass per entry
     */
    public static FloatColumn pairMass(FloatColumn pt1, FloatColumn eta1, FloatColumn phi1, FloatColumn mass1,
                                       FloatColumn pt2, FloatColumn eta2, FloatColumn phi2, FloatColumn mass2) {
        checkLengths("pairMass", pt1, eta1, phi1, mass1, pt2, eta2, phi2, mass2);
        float[] out = new float[pt1.length()];
        K.pairMass(pt1, eta1, phi1, mass1, pt2, eta2, phi2, mass2, out);
        return FloatColumn.of(out);
    }

    /**
     * Jagged Δφ; see {@link #deltaPhi(FloatColumn, FloatColumn)}.
     *
     * @param phi1 azimuth of the first objects
     * @param phi2 azimuth of the second objects
     * @return the result
     */
    public static ListColumn<FloatColumn> deltaPhi(ListColumn<FloatColumn> phi1, ListColumn<FloatColumn> phi2) {
        checkLists("deltaPhi", phi1, phi2);
        return Jagged.sameLists(phi1, deltaPhi(Jagged.floats(phi1), Jagged.floats(phi2)));
    }

    /**
     * Jagged ΔR; see {@link #deltaR(FloatColumn, FloatColumn, FloatColumn, FloatColumn)}.
     *
     * @param eta1 pseudorapidity of the first objects
     * @param phi1 azimuth of the first objects
     * @param eta2 pseudorapidity of the second objects
     * @param phi2 azimuth of the second objects
     * @return the result
     */
    public static ListColumn<FloatColumn> deltaR(ListColumn<FloatColumn> eta1, ListColumn<FloatColumn> phi1,
                                                 ListColumn<FloatColumn> eta2, ListColumn<FloatColumn> phi2) {
        checkLists("deltaR", eta1, phi1, eta2, phi2);
        return Jagged.sameLists(eta1, deltaR(Jagged.floats(eta1), Jagged.floats(phi1), Jagged.floats(eta2), Jagged.floats(phi2)));
    }

    /**
     * Jagged pair mass; see {@link #pairMass(FloatColumn, FloatColumn, FloatColumn, FloatColumn, FloatColumn, FloatColumn, FloatColumn, FloatColumn)}.
     *
     * @param pt1 pt of the first objects
     * @param eta1 pseudorapidity of the first objects
     * @param phi1 azimuth of the first objects
     * @param mass1 mass of the first objects
     * @param pt2 pt of the second objects
     * @param eta2 pseudorapidity of the second objects
     * @param phi2 azimuth of the second objects
     * @param mass2 mass of the second objects
     * @return the result
     */
    public static ListColumn<FloatColumn> pairMass(ListColumn<FloatColumn> pt1, ListColumn<FloatColumn> eta1,
                                                   ListColumn<FloatColumn> phi1, ListColumn<FloatColumn> mass1,
                                                   ListColumn<FloatColumn> pt2, ListColumn<FloatColumn> eta2,
                                                   ListColumn<FloatColumn> phi2, ListColumn<FloatColumn> mass2) {
        checkLists("pairMass", pt1, eta1, phi1, mass1, pt2, eta2, phi2, mass2);
        return Jagged.sameLists(pt1, pairMass(Jagged.floats(pt1), Jagged.floats(eta1), Jagged.floats(phi1), Jagged.floats(mass1),
                Jagged.floats(pt2), Jagged.floats(eta2), Jagged.floats(phi2), Jagged.floats(mass2)));
    }

    // ---------------------------------------------------------------- per-event sums

    /**
     * Per-event vector sum of a collection (e.g. the system of all selected jets); an empty list
     * gives the zero vector (pt 0, η NaN, φ 0, m 0).
     *
     * @param pt per-object pt
     * @param eta per-object η
     * @param phi per-object φ
     * @param mass per-object mass
     * @return one four-vector per event
     */
    public static PtEtaPhiM sum(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> eta,
                                ListColumn<FloatColumn> phi, ListColumn<FloatColumn> mass) {
        checkLists("sum", pt, eta, phi, mass);
        FloatColumn fpt = Jagged.floats(pt), feta = Jagged.floats(eta), fphi = Jagged.floats(phi), fm = Jagged.floats(mass);
        int total = fpt.length();
        double[] px = new double[total], py = new double[total], pz = new double[total], en = new double[total];
        accumulate(new PtEtaPhiM(fpt, feta, fphi, fm), px, py, pz, en);
        int n = pt.length();
        double[] sx = new double[n], sy = new double[n], sz = new double[n], se = new double[n];
        int[] off = pt.offsets();
        int from = pt.offsetsFrom();
        int base = off[from];
        for (int e = 0; e < n; e++) {
            for (int j = off[from + e] - base; j < off[from + e + 1] - base; j++) {
                sx[e] += px[j];
                sy[e] += py[j];
                sz[e] += pz[j];
                se[e] += en[j];
            }
        }
        return fromCartesian(sx, sy, sz, se);
    }

    // ---------------------------------------------------------------- matching between collections

    /**
     * ΔR between every object of collection 1 and every object of collection 2, per event
     * (awkward/coffea: {@code metric_table}): entry {@code e}, element {@code i}, sub-element
     * {@code j} is ΔR(object i of 1, object j of 2).
     *
     * @param eta1 η of collection 1
     * @param phi1 φ of collection 1
     * @param eta2 η of collection 2
     * @param phi2 φ of collection 2
     * @return lists (per event) of lists (per object of 1) of ΔR values (per object of 2)
     */
    public static ListColumn<ListColumn<FloatColumn>> deltaRTable(ListColumn<FloatColumn> eta1, ListColumn<FloatColumn> phi1,
                                                                  ListColumn<FloatColumn> eta2, ListColumn<FloatColumn> phi2) {
        checkLists("deltaRTable", eta1, phi1);
        checkLists("deltaRTable", eta2, phi2);
        Combinations pairs = Combinatorics.cartesian(eta1, eta2);
        ListColumn<FloatColumn> dr = deltaR(pairs.select(0, eta1), pairs.select(0, phi1), pairs.select(1, eta2), pairs.select(1, phi2));
        // inner lists: one per object of collection 1, each as long as the event's collection 2
        int n = eta1.length();
        int[] outer = eta1.zeroBasedOffsets();
        int[] inner = new int[outer[n] + 1];
        int k = 0;
        for (int e = 0; e < n; e++) {
            int n2 = eta2.count(e);
            for (int i = 0; i < eta1.count(e); i++) {
                inner[k + 1] = inner[k] + n2;
                k++;
            }
        }
        return ListColumn.ofTrusted(outer, ListColumn.ofTrusted(inner, Jagged.floats(dr)));
    }

    /**
     * For every object of collection 1, the local index of the closest object of collection 2 in
     * ΔR, if closer than {@code maxDeltaR} (strictly), else −1. Ties keep the lower index.
     *
     * @param eta1 η of collection 1
     * @param phi1 φ of collection 1
     * @param eta2 η of collection 2
     * @param phi2 φ of collection 2
     * @param maxDeltaR matching cone, e.g. 0.4
     * @return local indices into collection 2, shaped like collection 1
     */
    public static ListColumn<IntColumn> nearest(ListColumn<FloatColumn> eta1, ListColumn<FloatColumn> phi1,
                                                ListColumn<FloatColumn> eta2, ListColumn<FloatColumn> phi2, float maxDeltaR) {
        if (!(maxDeltaR >= 0)) {
            throw new IllegalArgumentException("maxDeltaR must be >= 0, got " + maxDeltaR);
        }
        ListColumn<ListColumn<FloatColumn>> table = deltaRTable(eta1, phi1, eta2, phi2);
        ListColumn<FloatColumn> rows = table.content();
        IntColumn best = Reductions.argmin(rows);
        FloatColumn bestDr = Selection.pick(rows, best, Float.NaN);
        int[] out = best.toArray();
        for (int i = 0; i < out.length; i++) {
            if (!(bestDr.get(i) < maxDeltaR)) {
                out[i] = -1;
            }
        }
        return ListColumn.ofTrusted(table.offsets(), IntColumn.of(out));
    }
}
