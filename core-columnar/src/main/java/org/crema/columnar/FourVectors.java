package org.crema.columnar;

import org.crema.columnar.internal.KernelProvider;
import org.crema.columnar.internal.Kernels;
import org.crema.columnar.internal.scalar.ScalarKernels;

/**
 * Four-vector kernels in double precision. Inputs are NanoAOD's float (pt, η, φ, m) columns; every
 * derived quantity is computed in double and returned as a {@link DoubleColumn} (flat) or {@code
 * ListColumn<DoubleColumn>} (jagged, same lists as the input): Cartesian components, vector sums
 * ({@link PxPyPzE}, kept Cartesian), invariant masses, Δφ, ΔR, nearest-object matching and ΔR
 * tables. Flat overloads work element-wise on columns of equal length; jagged overloads on lists
 * of equal length in every entry. For a collection-level API see {@link Kinematics} and {@link
 * CartesianKinematics}.
 *
 * <p>The formulas, evaluated exactly in this order with {@link StrictMath}'s cos, sin and sinh
 * (fdlibm's algorithms; {@code Math.sinh} is the same function):
 * <ul>
 *   <li>px = pt·cos φ, py = pt·sin φ, pz = pt·sinh η, E = √(px² + py² + pz² + m²);</li>
 *   <li>sums component-wise, operand by operand in the order given (a + b + c = (a + b) + c);</li>
 *   <li>M = √max(E² − (px² + py² + pz²), 0), pt = √(px² + py²), φ = atan2(py, px),
 *       η = asinh(pz/pt) (±∞ when pt = 0, NaN when pz is 0 too);</li>
 *   <li>Δφ = d − 2π·⌊(d + π)/2π⌋ with d = φ1 − φ2 (floor-mod into [−π, π)), ΔR = √(Δη² + Δφ²).</li>
 * </ul>
 *
 * <p>Precision: Δφ, ΔR, the Cartesian components, sums, pt and M are the correctly rounded IEEE
 * results of those operations on the float inputs widened to double, apart from {@code cos}, {@code
 * sin} and {@code sinh}, which fdlibm computes to within 1–2.5 ulp; a value is therefore within a
 * few 1e-16 (relative) of the same formula evaluated exactly, except that M inherits the
 * cancellation of E² − p² (absolute error of M² a few ulps of E²).
 *
 * <p>Reproducibility: results are bit-identical whether the SIMD or the scalar kernels run, whatever
 * the chunk size or vector width, and the same on every JVM and CPU: the kernels compute cos, sin
 * and sinh with ports of fdlibm that give {@link StrictMath}'s bits. {@link Math#sin} and {@link
 * Math#cos} would not do: they are JIT intrinsics that may differ from StrictMath by an ulp, across
 * platforms and between the interpreter and compiled code, so a plain Java loop meant to reproduce
 * these values must use {@code StrictMath.cos} and {@code StrictMath.sin}.
 */
public final class FourVectors {
    private static final Kernels K = KernelProvider.KERNELS;

    private FourVectors() {}

    /**
     * Flat (pt, η, φ, m) float columns of equal length: one four-vector per entry, e.g. the leading
     * jet of every event.
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

        /** @return px = pt cos φ (a new column) */
        public DoubleColumn px() {
            return FourVectors.px(pt, phi);
        }

        /** @return py = pt sin φ (a new column) */
        public DoubleColumn py() {
            return FourVectors.py(pt, phi);
        }

        /** @return pz = pt sinh η (a new column) */
        public DoubleColumn pz() {
            return FourVectors.pz(pt, eta);
        }

        /** @return E = √(px² + py² + pz² + m²) (a new column) */
        public DoubleColumn energy() {
            return toCartesian().energy();
        }

        /** @return the same four-vectors as (px, py, pz, E) in double (new columns) */
        public PxPyPzE toCartesian() {
            return FourVectors.toCartesian(pt, eta, phi, mass);
        }

        /**
         * @param other four-vectors of the same length
         * @return the element-wise sum, kept Cartesian
         */
        public PxPyPzE add(PtEtaPhiM other) {
            checkLengths("add", pt, other.pt);
            return toCartesian().add(other.toCartesian());
        }

        /**
         * @param other four-vectors of the same length
         * @return the element-wise sum this + other, kept Cartesian
         */
        public PxPyPzE add(PxPyPzE other) {
            checkLengths("add", pt, other.px());
            return toCartesian().add(other);
        }

        /**
         * @param other four-vectors of the same length
         * @return Δφ to the other four-vectors, element-wise
         */
        public DoubleColumn deltaPhi(PtEtaPhiM other) {
            return FourVectors.deltaPhi(phi, other.phi);
        }

        /**
         * @param other four-vectors of the same length
         * @return ΔR to the other four-vectors, element-wise
         */
        public DoubleColumn deltaR(PtEtaPhiM other) {
            return FourVectors.deltaR(eta, phi, other.eta, other.phi);
        }

        /**
         * @param other four-vectors of the same length
         * @return the invariant mass of this + other, element-wise
         */
        public DoubleColumn pairMass(PtEtaPhiM other) {
            return FourVectors.pairMass(pt, eta, phi, mass, other.pt, other.eta, other.phi, other.mass);
        }
    }

    /**
     * Flat Cartesian four-vectors (px, py, pz, E) in double, the form sums are made and kept in;
     * pt, η, φ and the mass are computed on demand. awkward/vector: {@code Momentum4D} with fields
     * px, py, pz, E; Arrow: four float64 arrays.
     *
     * @param px x momentum
     * @param py y momentum
     * @param pz z momentum
     * @param energy energy
     */
    public record PxPyPzE(DoubleColumn px, DoubleColumn py, DoubleColumn pz, DoubleColumn energy) {
        /** Checks that the four columns have equal length. */
        public PxPyPzE {
            checkLengths("PxPyPzE", px, py, pz, energy);
        }

        /** @return the number of four-vectors */
        public int length() {
            return px.length();
        }

        /** @return pt = √(px² + py²) (a new column) */
        public DoubleColumn pt() {
            double[] x = px.array(), y = py.array();
            int ox = px.offset(), oy = py.offset();
            double[] out = new double[length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ScalarKernels.pt(x[ox + i], y[oy + i]);
            }
            return DoubleColumn.of(out);
        }

        /** @return η = asinh(pz/pt): ±∞ when pt = 0, NaN when pz is 0 too (a new column) */
        public DoubleColumn eta() {
            double[] x = px.array(), y = py.array(), z = pz.array();
            int ox = px.offset(), oy = py.offset(), oz = pz.offset();
            double[] out = new double[length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = asinh(z[oz + i] / ScalarKernels.pt(x[ox + i], y[oy + i]));
            }
            return DoubleColumn.of(out);
        }

        /** @return φ = atan2(py, px) in [−π, π] (a new column) */
        public DoubleColumn phi() {
            double[] x = px.array(), y = py.array();
            int ox = px.offset(), oy = py.offset();
            double[] out = new double[length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.atan2(y[oy + i], x[ox + i]);
            }
            return DoubleColumn.of(out);
        }

        /** @return M = √max(E² − (px² + py² + pz²), 0) (a new column) */
        public DoubleColumn mass() {
            double[] out = new double[length()];
            K.mass(px.array(), px.offset(), py.array(), py.offset(), pz.array(), pz.offset(),
                    energy.array(), energy.offset(), out, out.length);
            return DoubleColumn.of(out);
        }

        /**
         * @param other four-vectors of the same length
         * @return the component-wise sum this + other (new columns)
         */
        public PxPyPzE add(PxPyPzE other) {
            checkLengths("add", px, other.px);
            return new PxPyPzE(plus(px, other.px), plus(py, other.py), plus(pz, other.pz), plus(energy, other.energy));
        }

        /**
         * @param other four-vectors of the same length, converted once
         * @return the component-wise sum this + other (new columns)
         */
        public PxPyPzE add(PtEtaPhiM other) {
            checkLengths("add", px, other.pt());
            return add(other.toCartesian());
        }

        private static DoubleColumn plus(DoubleColumn a, DoubleColumn b) {
            double[] x = a.array(), y = b.array();
            int ox = a.offset(), oy = b.offset();
            double[] out = new double[a.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = x[ox + i] + y[oy + i];
            }
            return DoubleColumn.of(out);
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
    static <C extends Column> void checkLists(String what, ListColumn<C> first, ListColumn<C>... others) {
        for (ListColumn<C> c : others) {
            Jagged.checkSameLists(what, first, c);
        }
    }

    /** asinh with a log1p form that keeps precision near 0 (central objects); odd, ±∞ and NaN pass through. */
    static double asinh(double x) {
        if (Double.isInfinite(x) || x != x) {
            return x;
        }
        double a = Math.abs(x);
        // the sqrt form overflows only for |x| > 1e154; beyond 1e8 the 1 under the root is below an ulp
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    // ---------------------------------------------------------------- Cartesian components

    /**
     * (pt, η, φ, m) to (px, py, pz, E), element-wise; see the class formulas.
     *
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @param phi azimuth
     * @param mass mass
     * @return new double columns
     */
    public static PxPyPzE toCartesian(FloatColumn pt, FloatColumn eta, FloatColumn phi, FloatColumn mass) {
        checkLengths("toCartesian", pt, eta, phi, mass);
        int n = pt.length();
        double[] px = new double[n], py = new double[n], pz = new double[n], en = new double[n];
        K.toCartesian(pt, eta, phi, mass, px, py, pz, en);
        return new PxPyPzE(DoubleColumn.of(px), DoubleColumn.of(py), DoubleColumn.of(pz), DoubleColumn.of(en));
    }

    /**
     * @param pt transverse momentum
     * @param phi azimuth
     * @return px = pt cos φ
     */
    public static DoubleColumn px(FloatColumn pt, FloatColumn phi) {
        return transverse(pt, phi, true);
    }

    /**
     * @param pt transverse momentum
     * @param phi azimuth
     * @return py = pt sin φ
     */
    public static DoubleColumn py(FloatColumn pt, FloatColumn phi) {
        return transverse(pt, phi, false);
    }

    /** px or py through the kernel that computes both (cos and sin share one argument reduction). */
    private static DoubleColumn transverse(FloatColumn pt, FloatColumn phi, boolean px) {
        checkLengths(px ? "px" : "py", pt, phi);
        int n = pt.length();
        double[] x = new double[n], y = new double[n];
        K.transverse(pt.array(), pt.offset(), phi.array(), phi.offset(), x, y, n);
        return DoubleColumn.of(px ? x : y);
    }

    /**
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @return pz = pt sinh η
     */
    public static DoubleColumn pz(FloatColumn pt, FloatColumn eta) {
        checkLengths("pz", pt, eta);
        double[] out = new double[pt.length()];
        K.pz(pt.array(), pt.offset(), eta.array(), eta.offset(), out, out.length);
        return DoubleColumn.of(out);
    }

    /**
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @param phi azimuth
     * @param mass mass
     * @return E = √(px² + py² + pz² + m²)
     */
    public static DoubleColumn energy(FloatColumn pt, FloatColumn eta, FloatColumn phi, FloatColumn mass) {
        return toCartesian(pt, eta, phi, mass).energy();
    }

    /**
     * Jagged px; see {@link #px(FloatColumn, FloatColumn)}.
     *
     * @param pt transverse momentum
     * @param phi azimuth
     * @return the result, same lists as {@code pt}
     */
    public static ListColumn<DoubleColumn> px(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> phi) {
        checkLists("px", pt, phi);
        return Jagged.sameLists(pt, px(Jagged.floats(pt), Jagged.floats(phi)));
    }

    /**
     * Jagged py; see {@link #py(FloatColumn, FloatColumn)}.
     *
     * @param pt transverse momentum
     * @param phi azimuth
     * @return the result, same lists as {@code pt}
     */
    public static ListColumn<DoubleColumn> py(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> phi) {
        checkLists("py", pt, phi);
        return Jagged.sameLists(pt, py(Jagged.floats(pt), Jagged.floats(phi)));
    }

    /**
     * Jagged pz; see {@link #pz(FloatColumn, FloatColumn)}.
     *
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @return the result, same lists as {@code pt}
     */
    public static ListColumn<DoubleColumn> pz(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> eta) {
        checkLists("pz", pt, eta);
        return Jagged.sameLists(pt, pz(Jagged.floats(pt), Jagged.floats(eta)));
    }

    /**
     * Jagged energy; see {@link #energy(FloatColumn, FloatColumn, FloatColumn, FloatColumn)}.
     *
     * @param pt transverse momentum
     * @param eta pseudorapidity
     * @param phi azimuth
     * @param mass mass
     * @return the result, same lists as {@code pt}
     */
    public static ListColumn<DoubleColumn> energy(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> eta,
                                                  ListColumn<FloatColumn> phi, ListColumn<FloatColumn> mass) {
        checkLists("energy", pt, eta, phi, mass);
        return Jagged.sameLists(pt, energy(Jagged.floats(pt), Jagged.floats(eta), Jagged.floats(phi), Jagged.floats(mass)));
    }

    // ---------------------------------------------------------------- angles and masses

    /**
     * @param phi1 azimuth of the first objects
     * @param phi2 azimuth of the second objects
     * @return Δφ = φ1 − φ2 wrapped to [−π, π) by floor-mod, element-wise
     */
    public static DoubleColumn deltaPhi(FloatColumn phi1, FloatColumn phi2) {
        checkLengths("deltaPhi", phi1, phi2);
        double[] out = new double[phi1.length()];
        K.deltaPhi(phi1, phi2, out);
        return DoubleColumn.of(out);
    }

    /**
     * @param eta1 pseudorapidity of the first objects
     * @param phi1 azimuth of the first objects
     * @param eta2 pseudorapidity of the second objects
     * @param phi2 azimuth of the second objects
     * @return ΔR = √(Δη² + Δφ²), element-wise
     */
    public static DoubleColumn deltaR(FloatColumn eta1, FloatColumn phi1, FloatColumn eta2, FloatColumn phi2) {
        checkLengths("deltaR", eta1, phi1, eta2, phi2);
        double[] out = new double[eta1.length()];
        K.deltaR(eta1, phi1, eta2, phi2, out);
        return DoubleColumn.of(out);
    }

    /**
     * Δφ of double angles, e.g. the φ of four-vector sums; the same floor-mod as {@link
     * #deltaPhi(FloatColumn, FloatColumn)}.
     *
     * @param phi1 azimuth of the first objects
     * @param phi2 azimuth of the second objects
     * @return Δφ = φ1 − φ2 wrapped to [−π, π) by floor-mod, element-wise (a new column)
     */
    public static DoubleColumn deltaPhi(DoubleColumn phi1, DoubleColumn phi2) {
        checkLengths("deltaPhi", phi1, phi2);
        double[] a = phi1.array(), b = phi2.array();
        int oa = phi1.offset(), ob = phi2.offset();
        double[] out = new double[phi1.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ScalarKernels.wrapPhi(a[oa + i] - b[ob + i]);
        }
        return DoubleColumn.of(out);
    }

    /**
     * ΔR of double (η, φ), e.g. between four-vector sums; the same operations as {@link
     * #deltaR(FloatColumn, FloatColumn, FloatColumn, FloatColumn)} on inputs that are already
     * double. One scalar loop, which C2 auto-vectorises (no SIMD twin: see docs/performance.md).
     *
     * @param eta1 pseudorapidity of the first objects
     * @param phi1 azimuth of the first objects
     * @param eta2 pseudorapidity of the second objects
     * @param phi2 azimuth of the second objects
     * @return ΔR = √(Δη² + Δφ²), element-wise (a new column)
     */
    public static DoubleColumn deltaR(DoubleColumn eta1, DoubleColumn phi1, DoubleColumn eta2, DoubleColumn phi2) {
        checkLengths("deltaR", eta1, phi1, eta2, phi2);
        double[] e1 = eta1.array(), p1 = phi1.array(), e2 = eta2.array(), p2 = phi2.array();
        int oe1 = eta1.offset(), op1 = phi1.offset(), oe2 = eta2.offset(), op2 = phi2.offset();
        double[] out = new double[eta1.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ScalarKernels.deltaR(e1[oe1 + i], p1[op1 + i], e2[oe2 + i], p2[op2 + i]);
        }
        return DoubleColumn.of(out);
    }

    /**
     * Invariant mass of the sum of two four-vectors, element-wise: both converted to (px, py, pz,
     * E), summed, M = √max(E² − p², 0). Equal, bit for bit, to {@code a.add(b).mass()}.
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
    public static DoubleColumn pairMass(FloatColumn pt1, FloatColumn eta1, FloatColumn phi1, FloatColumn mass1,
                                        FloatColumn pt2, FloatColumn eta2, FloatColumn phi2, FloatColumn mass2) {
        checkLengths("pairMass", pt1, eta1, phi1, mass1, pt2, eta2, phi2, mass2);
        double[] out = new double[pt1.length()];
        K.pairMass(pt1, eta1, phi1, mass1, pt2, eta2, phi2, mass2, out);
        return DoubleColumn.of(out);
    }

    /**
     * Jagged Δφ; see {@link #deltaPhi(FloatColumn, FloatColumn)}.
     *
     * @param phi1 azimuth of the first objects
     * @param phi2 azimuth of the second objects
     * @return the result, same lists as {@code phi1}
     */
    public static ListColumn<DoubleColumn> deltaPhi(ListColumn<FloatColumn> phi1, ListColumn<FloatColumn> phi2) {
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
     * @return the result, same lists as {@code eta1}
     */
    public static ListColumn<DoubleColumn> deltaR(ListColumn<FloatColumn> eta1, ListColumn<FloatColumn> phi1,
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
     * @return the result, same lists as {@code pt1}
     */
    public static ListColumn<DoubleColumn> pairMass(ListColumn<FloatColumn> pt1, ListColumn<FloatColumn> eta1,
                                                    ListColumn<FloatColumn> phi1, ListColumn<FloatColumn> mass1,
                                                    ListColumn<FloatColumn> pt2, ListColumn<FloatColumn> eta2,
                                                    ListColumn<FloatColumn> phi2, ListColumn<FloatColumn> mass2) {
        checkLists("pairMass", pt1, eta1, phi1, mass1, pt2, eta2, phi2, mass2);
        return Jagged.sameLists(pt1, pairMass(Jagged.floats(pt1), Jagged.floats(eta1), Jagged.floats(phi1), Jagged.floats(mass1),
                Jagged.floats(pt2), Jagged.floats(eta2), Jagged.floats(phi2), Jagged.floats(mass2)));
    }

    // ---------------------------------------------------------------- per-event sums

    /**
     * Per-event vector sum of a collection (e.g. the system of all selected jets), each object
     * converted once and added in list order starting from the zero vector; an empty list gives
     * the zero vector (pt 0, η NaN, φ 0, M 0).
     *
     * @param pt per-object pt
     * @param eta per-object η
     * @param phi per-object φ
     * @param mass per-object mass
     * @return one Cartesian four-vector per event
     */
    public static PxPyPzE sum(ListColumn<FloatColumn> pt, ListColumn<FloatColumn> eta,
                              ListColumn<FloatColumn> phi, ListColumn<FloatColumn> mass) {
        checkLists("sum", pt, eta, phi, mass);
        PxPyPzE c = toCartesian(Jagged.floats(pt), Jagged.floats(eta), Jagged.floats(phi), Jagged.floats(mass));
        return sumLists(pt, c);
    }

    /** Per-event sums of flat Cartesian content {@code c} laid out by {@code like}'s lists (from element 0). */
    static PxPyPzE sumLists(ListColumn<?> like, PxPyPzE c) {
        double[] px = c.px().array(), py = c.py().array(), pz = c.pz().array(), en = c.energy().array();
        int ox = c.px().offset(), oy = c.py().offset(), oz = c.pz().offset(), oe = c.energy().offset();
        int n = like.length();
        double[] sx = new double[n], sy = new double[n], sz = new double[n], se = new double[n];
        int[] off = like.offsets();
        int from = like.offsetsFrom();
        int base = off[from];
        for (int e = 0; e < n; e++) {
            double x = 0, y = 0, z = 0, w = 0;
            for (int j = off[from + e] - base; j < off[from + e + 1] - base; j++) {
                x += px[ox + j];
                y += py[oy + j];
                z += pz[oz + j];
                w += en[oe + j];
            }
            sx[e] = x;
            sy[e] = y;
            sz[e] = z;
            se[e] = w;
        }
        return new PxPyPzE(DoubleColumn.of(sx), DoubleColumn.of(sy), DoubleColumn.of(sz), DoubleColumn.of(se));
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
    public static ListColumn<ListColumn<DoubleColumn>> deltaRTable(ListColumn<FloatColumn> eta1, ListColumn<FloatColumn> phi1,
                                                                   ListColumn<FloatColumn> eta2, ListColumn<FloatColumn> phi2) {
        checkLists("deltaRTable", eta1, phi1);
        checkLists("deltaRTable", eta2, phi2);
        Combinations pairs = Combinatorics.cartesian(eta1, eta2);
        ListColumn<DoubleColumn> dr = deltaR(pairs.select(0, eta1), pairs.select(0, phi1), pairs.select(1, eta2), pairs.select(1, phi2));
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
        return ListColumn.ofTrusted(outer, ListColumn.ofTrusted(inner, Jagged.doubles(dr)));
    }

    /**
     * For every object of collection 1, the local index of the closest object of collection 2 in
     * ΔR (the same double ΔR as {@link #deltaR}), if closer than {@code maxDeltaR} (strictly), else
     * −1. Ties keep the lower index; NaN distances never match.
     *
     * @param eta1 η of collection 1
     * @param phi1 φ of collection 1
     * @param eta2 η of collection 2
     * @param phi2 φ of collection 2
     * @param maxDeltaR matching cone, e.g. 0.4
     * @return local indices into collection 2, shaped like collection 1
     */
    public static ListColumn<IntColumn> nearest(ListColumn<FloatColumn> eta1, ListColumn<FloatColumn> phi1,
                                                ListColumn<FloatColumn> eta2, ListColumn<FloatColumn> phi2, double maxDeltaR) {
        if (!(maxDeltaR >= 0)) {
            throw new IllegalArgumentException("maxDeltaR must be >= 0, got " + maxDeltaR);
        }
        checkLists("nearest", eta1, phi1);
        checkLists("nearest", eta2, phi2);
        if (eta1.length() != eta2.length()) {
            throw new IllegalArgumentException("nearest: collections must have the same number of entries, got "
                    + eta1.length() + " and " + eta2.length());
        }
        FloatColumn e1 = Jagged.floats(eta1), p1 = Jagged.floats(phi1), e2 = Jagged.floats(eta2), p2 = Jagged.floats(phi2);
        float[] ae1 = e1.array(), ap1 = p1.array(), ae2 = e2.array(), ap2 = p2.array();
        int n = eta1.length();
        int[] out = new int[eta1.totalCount()];
        int base1 = Jagged.base(eta1);
        int base2 = Jagged.base(eta2);
        for (int e = 0; e < n; e++) {
            int s2 = eta2.start(e) - base2;
            int n2 = eta2.count(e);
            for (int i = eta1.start(e) - base1; i < eta1.end(e) - base1; i++) {
                float h1 = ae1[e1.offset() + i];
                float f1 = ap1[p1.offset() + i];
                int best = -1;
                double bestDr = maxDeltaR;
                for (int j = 0; j < n2; j++) {
                    double dr = ScalarKernels.deltaR(h1, f1, ae2[e2.offset() + s2 + j], ap2[p2.offset() + s2 + j]);
                    // strict: the first of equal distances wins, and NaN never compares true
                    if (dr < bestDr) {
                        best = j;
                        bestDr = dr;
                    }
                }
                out[i] = best;
            }
        }
        return Jagged.sameLists(eta1, IntColumn.of(out));
    }
}
