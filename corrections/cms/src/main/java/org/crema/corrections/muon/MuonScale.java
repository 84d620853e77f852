package org.crema.corrections.muon;

import java.util.Objects;
import org.crema.corrections.internal.JetRandom;
import org.crema.corrections.jme.EventIds;

/**
 * Rochester corrections over whole muon columns: flat content arrays (one entry per muon) and
 * per-event offsets, as NanoAOD's {@code Muon_*} branches are read. Returns the factor k per muon;
 * the calibrated pt is {@code pt · k}.
 *
 * <p>Simulation: a muon with a generator match (finite, positive {@code genPt}) gets {@link
 * RochesterCorrection#kSpreadMC}; one without gets {@link RochesterCorrection#kSmearMC} with the
 * uniform number {@link #uniform}, a pure function of (run, luminosityBlock, event, muon index in
 * the event), so results do not depend on chunking, threads or executor.
 */
public final class MuonScale {
    /** The label that separates the Rochester random numbers from every other use. */
    public static final String RANDOM_PURPOSE = "Rochester";
    private static final long PURPOSE = JetRandom.purpose(RANDOM_PURPOSE);

    private final RochesterCorrection rc;

    /** @param rc the parameters of the period */
    public MuonScale(RochesterCorrection rc) {
        this.rc = Objects.requireNonNull(rc, "rc");
    }

    /** @return the parameters */
    public RochesterCorrection correction() {
        return rc;
    }

    /** The muon columns one correction needs, content arrays of equal length. */
    private static void sameLength(int n, int[]... ints) {
        for (int[] a : ints) {
            if (a.length != n) {
                throw new IllegalArgumentException("muon arrays must have equal lengths: " + a.length + " != " + n);
            }
        }
    }

    private static void sameLength(int n, float[]... floats) {
        for (float[] a : floats) {
            if (a.length != n) {
                throw new IllegalArgumentException("muon arrays must have equal lengths: " + a.length + " != " + n);
            }
        }
    }

    /**
     * Collision data: {@link RochesterCorrection#kScaleDT} per muon.
     *
     * @param charge per muon
     * @param pt per muon
     * @param eta per muon
     * @param phi per muon
     * @param set correction set (0 nominal)
     * @param member member of the set (0 nominal)
     * @return a new array of factors, one per muon
     */
    public double[] data(int[] charge, float[] pt, float[] eta, float[] phi, int set, int member) {
        int n = pt.length;
        sameLength(n, charge);
        sameLength(n, eta, phi);
        rc.members(set);
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = rc.kScaleDT(charge[i], pt[i], eta[i], phi[i], set, member);
        }
        return k;
    }

    /**
     * The total uncertainty of {@link #data} per muon ({@link RochesterCorrection#error}).
     *
     * @param charge per muon
     * @param pt per muon
     * @param eta per muon
     * @param phi per muon
     * @return a new array of uncertainties on the factor
     */
    public double[] dataError(int[] charge, float[] pt, float[] eta, float[] phi) {
        int n = pt.length;
        sameLength(n, charge);
        sameLength(n, eta, phi);
        double[] err = new double[n];
        for (int i = 0; i < n; i++) {
            int q = charge[i];
            double p = pt[i];
            double h = eta[i];
            double f = phi[i];
            err[i] = rc.error((s, m) -> rc.kScaleDT(q, p, h, f, s, m));
        }
        return err;
    }

    /**
     * Simulation: {@code kSpreadMC} for matched muons, {@code kSmearMC} for the others.
     *
     * @param offsets per-event offsets into the muon arrays ({@code events + 1} entries)
     * @param ids run, luminosityBlock and event per event
     * @param charge per muon
     * @param pt per muon
     * @param eta per muon
     * @param phi per muon
     * @param genPt per muon, the matched generator pt or NaN (see {@link #matchedGenPt})
     * @param nTrackerLayers per muon
     * @param set correction set (0 nominal)
     * @param member member of the set (0 nominal)
     * @return a new array of factors, one per muon (muons outside the offsets get 1)
     */
    public double[] mc(int[] offsets, EventIds ids, int[] charge, float[] pt, float[] eta, float[] phi,
            float[] genPt, int[] nTrackerLayers, int set, int member) {
        return mc(offsets, ids, charge, pt, eta, phi, genPt, nTrackerLayers, (q, p, h, f, g, nl, u) -> {
            return g > 0 && Double.isFinite(g) ? rc.kSpreadMC(q, p, h, f, g, set, member)
                    : rc.kSmearMC(q, p, h, f, nl, u, set, member);
        });
    }

    /**
     * The total uncertainty of {@link #mc} per muon.
     *
     * @param offsets per-event offsets into the muon arrays
     * @param ids run, luminosityBlock and event per event
     * @param charge per muon
     * @param pt per muon
     * @param eta per muon
     * @param phi per muon
     * @param genPt per muon, the matched generator pt or NaN
     * @param nTrackerLayers per muon
     * @return a new array of uncertainties on the factor (0 outside the offsets)
     */
    public double[] mcError(int[] offsets, EventIds ids, int[] charge, float[] pt, float[] eta, float[] phi,
            float[] genPt, int[] nTrackerLayers) {
        double[] err = mc(offsets, ids, charge, pt, eta, phi, genPt, nTrackerLayers, (q, p, h, f, g, nl, u) -> {
            boolean matched = g > 0 && Double.isFinite(g);
            return rc.error((s, m) -> matched ? rc.kSpreadMC(q, p, h, f, g, s, m) : rc.kSmearMC(q, p, h, f, nl, u, s, m));
        });
        for (int i = 0; i < offsets[0]; i++) {
            err[i] = 0;
        }
        for (int i = offsets[offsets.length - 1]; i < err.length; i++) {
            err[i] = 0;
        }
        return err;
    }

    private interface PerMuon {
        double apply(int charge, double pt, double eta, double phi, double genPt, int layers, double u);
    }

    private double[] mc(int[] offsets, EventIds ids, int[] charge, float[] pt, float[] eta, float[] phi,
            float[] genPt, int[] nTrackerLayers, PerMuon f) {
        int n = pt.length;
        sameLength(n, charge, nTrackerLayers);
        sameLength(n, eta, phi, genPt);
        int events = offsets.length - 1;
        if (events != ids.size()) {
            throw new IllegalArgumentException("offsets describe " + events + " events but ids have " + ids.size());
        }
        double[] k = new double[n];
        java.util.Arrays.fill(k, 1.0);
        for (int e = 0; e < events; e++) {
            int from = offsets[e];
            int to = offsets[e + 1];
            if (from < 0 || from > to || to > n) {
                throw new IllegalArgumentException("offsets[" + e + "]=" + from + ", offsets[" + (e + 1) + "]=" + to
                        + " must be monotone within [0, " + n + "]");
            }
            for (int i = from; i < to; i++) {
                k[i] = f.apply(charge[i], pt[i], eta[i], phi[i], genPt[i], nTrackerLayers[i], uniform(ids, e, i - from));
            }
        }
        return k;
    }

    /**
     * The uniform number of one muon for {@code kSmearMC}: {@link JetRandom} keyed by the purpose
     * {@value #RANDOM_PURPOSE}, run and luminosityBlock (unsigned), event and the muon's index in
     * the event. An exact 0 (probability 2⁻⁵³) becomes 2⁻⁵³, because the Crystal Ball inverse is
     * infinite at 0.
     *
     * @param ids run, luminosityBlock and event per event
     * @param event the event's position in ids
     * @param index the muon's index within the event
     * @return a number in (0, 1)
     */
    public static double uniform(EventIds ids, int event, int index) {
        long key = JetRandom.key(PURPOSE, Integer.toUnsignedLong(ids.run()[event]),
                Integer.toUnsignedLong(ids.luminosityBlock()[event]), ids.event()[event], index);
        double u = JetRandom.uniform(key);
        return u > 0 ? u : 0x1.0p-53;
    }

    /**
     * The pt of each muon's generator match, from NanoAOD's {@code Muon_genPartIdx} (an index
     * within the event's {@code GenPart} list, −1 without a match).
     *
     * @param muonOffsets per-event offsets of the muons
     * @param genPartIdx per muon
     * @param genOffsets per-event offsets of the generator particles
     * @param genPt per generator particle
     * @return a new array with the matched pt per muon, NaN without a match
     */
    public static float[] matchedGenPt(int[] muonOffsets, int[] genPartIdx, int[] genOffsets, float[] genPt) {
        if (muonOffsets.length != genOffsets.length) {
            throw new IllegalArgumentException("muon and GenPart offsets describe different event counts: "
                    + (muonOffsets.length - 1) + " != " + (genOffsets.length - 1));
        }
        float[] out = new float[genPartIdx.length];
        java.util.Arrays.fill(out, Float.NaN);
        for (int e = 0; e + 1 < muonOffsets.length; e++) {
            int genFrom = genOffsets[e];
            int genCount = genOffsets[e + 1] - genFrom;
            for (int i = muonOffsets[e]; i < muonOffsets[e + 1]; i++) {
                int g = genPartIdx[i];
                if (g >= 0) {
                    if (g >= genCount) {
                        throw new IllegalArgumentException("Muon_genPartIdx " + g + " of muon " + (i - muonOffsets[e])
                                + " in event " + e + " points past the event's " + genCount + " GenPart entries");
                    }
                    out[i] = genPt[genFrom + g];
                }
            }
        }
        return out;
    }
}
