package org.crema.corrections.jme;

/**
 * Propagation of jet variations to the missing transverse momentum.
 *
 * <p>{@link #propagate}: the type-1 shift of a MET that already contains the nominal jets (NanoAOD
 * {@code MET_pt/phi}, type-1 corrected in production): {@code MET⃗' = MET⃗ − Σ_jets (pt_new −
 * pt_old)·(cos φ, sin φ)} over the jets passing the type-1 selection: {@code pt_new >} {@link
 * Selection#minPt()} (15 GeV) and, when an EM-energy fraction ({@code chEmEF + neEmEF}) is given,
 * EM fraction {@code <} {@link Selection#maxEmFraction()} (0.9). Use it for every jet variation
 * (JER up/down, each JES source up/down) with pt_old = the nominal corrected pt.
 *
 * <p>{@link #type1}: the full recipe from the raw MET: {@code MET⃗ = RawMET⃗ − Σ (pt_L123 −
 * pt_L1)·(cos φ, sin φ)} with the muon-subtracted raw pt, over jets with {@code pt_L123 > 15} and EM
 * fraction below 0.9.
 *
 * <p>{@link #unclustered}: adds or subtracts the unclustered-energy shift ({@code
 * MET_MetUnclustEnUpDeltaX/Y}).
 *
 * <p>cos and sin are {@link StrictMath}'s, as in the four-vector kernels, so a propagated MET has the
 * same bits on every JVM and CPU ({@code Math}'s intrinsics may differ in the last bit).
 */
public final class MetPropagation {
    private MetPropagation() {
    }

    /**
     * The type-1 jet selection.
     *
     * @param minPt minimum corrected jet pt (15 GeV)
     * @param maxEmFraction maximum EM energy fraction (0.9)
     */
    public record Selection(double minPt, double maxEmFraction) {
        /** @return the CMS default: pt &gt; 15 GeV, EM fraction &lt; 0.9 */
        public static Selection type1() {
            return new Selection(15.0, 0.9);
        }
    }

    /**
     * A MET per event.
     *
     * @param pt magnitude
     * @param phi azimuth
     */
    public record Met(double[] pt, double[] phi) {
    }

    /**
     * Shifts a MET by the change of the selected jets' pt.
     *
     * @param metPt per event
     * @param metPhi per event
     * @param offsets per-event jet offsets
     * @param jetPhi per jet
     * @param ptOld per jet, the pt already contained in the MET
     * @param ptNew per jet, the varied pt
     * @param emFraction per jet {@code chEmEF + neEmEF}, or null to skip the EM cut
     * @param selection the type-1 jet selection
     * @return the new MET
     */
    public static Met propagate(float[] metPt, float[] metPhi, int[] offsets, float[] jetPhi, double[] ptOld,
            double[] ptNew, float[] emFraction, Selection selection) {
        int events = offsets.length - 1;
        int last = JetEnergyCorrection.checkJets(offsets, ptNew.length, "ptNew");
        checkPerJet(last, jetPhi.length, ptOld.length, emFraction);
        checkPerEvent(events, metPt.length, metPhi.length);
        double[] pt = new double[events];
        double[] phi = new double[events];
        for (int e = 0; e < events; e++) {
            double x = metPt[e] * StrictMath.cos(metPhi[e]);
            double y = metPt[e] * StrictMath.sin(metPhi[e]);
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                if (ptNew[i] > selection.minPt()
                        && (emFraction == null || emFraction[i] < selection.maxEmFraction())) {
                    double d = ptNew[i] - ptOld[i];
                    x -= d * StrictMath.cos(jetPhi[i]);
                    y -= d * StrictMath.sin(jetPhi[i]);
                }
            }
            pt[e] = Math.hypot(x, y);
            phi[e] = Math.atan2(y, x);
        }
        return new Met(pt, phi);
    }

    /**
     * Full type-1 MET from the raw MET.
     *
     * @param rawMetPt per event ({@code RawMET_pt})
     * @param rawMetPhi per event ({@code RawMET_phi})
     * @param offsets per-event jet offsets
     * @param jetPhi per jet (add {@code muonSubtrDeltaPhi} when available)
     * @param rawPtNoMuon per jet raw pt with muons subtracted: {@code pt_raw·(1 − muonSubtrFactor)}
     * @param l1Factor per jet L1FastJet factor
     * @param l123Factor per jet full JEC factor (times any variation factor)
     * @param emFraction per jet {@code chEmEF + neEmEF}, or null
     * @param selection the type-1 jet selection (applied to {@code rawPtNoMuon · l123Factor})
     * @return the type-1 MET
     */
    public static Met type1(float[] rawMetPt, float[] rawMetPhi, int[] offsets, float[] jetPhi, double[] rawPtNoMuon,
            double[] l1Factor, double[] l123Factor, float[] emFraction, Selection selection) {
        int events = offsets.length - 1;
        int last = JetEnergyCorrection.checkJets(offsets, rawPtNoMuon.length, "rawPtNoMuon");
        checkPerJet(last, jetPhi.length, Math.min(l1Factor.length, l123Factor.length), emFraction);
        checkPerEvent(events, rawMetPt.length, rawMetPhi.length);
        double[] pt = new double[events];
        double[] phi = new double[events];
        for (int e = 0; e < events; e++) {
            double x = rawMetPt[e] * StrictMath.cos(rawMetPhi[e]);
            double y = rawMetPt[e] * StrictMath.sin(rawMetPhi[e]);
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                double l123 = rawPtNoMuon[i] * l123Factor[i];
                if (l123 > selection.minPt() && (emFraction == null || emFraction[i] < selection.maxEmFraction())) {
                    double d = l123 - rawPtNoMuon[i] * l1Factor[i];
                    x -= d * StrictMath.cos(jetPhi[i]);
                    y -= d * StrictMath.sin(jetPhi[i]);
                }
            }
            pt[e] = Math.hypot(x, y);
            phi[e] = Math.atan2(y, x);
        }
        return new Met(pt, phi);
    }

    /**
     * Unclustered-energy variation.
     *
     * @param metPt per event
     * @param metPhi per event
     * @param deltaX per event {@code MET_MetUnclustEnUpDeltaX}
     * @param deltaY per event {@code MET_MetUnclustEnUpDeltaY}
     * @param variation UP adds the shift, DOWN subtracts it, NOMINAL returns the input
     * @return the varied MET
     */
    public static Met unclustered(float[] metPt, float[] metPhi, float[] deltaX, float[] deltaY, Variation variation) {
        int events = metPt.length;
        checkPerEvent(events, metPhi.length, Math.min(deltaX.length, deltaY.length));
        double sign = switch (variation) {
            case UP -> 1.0;
            case DOWN -> -1.0;
            case NOMINAL -> 0.0;
        };
        double[] pt = new double[events];
        double[] phi = new double[events];
        for (int e = 0; e < events; e++) {
            double x = metPt[e] * StrictMath.cos(metPhi[e]) + sign * deltaX[e];
            double y = metPt[e] * StrictMath.sin(metPhi[e]) + sign * deltaY[e];
            pt[e] = Math.hypot(x, y);
            phi[e] = Math.atan2(y, x);
        }
        return new Met(pt, phi);
    }

    private static void checkPerJet(int last, int a, int b, float[] em) {
        if (a < last || b < last || (em != null && em.length < last)) {
            throw new IllegalArgumentException("per-jet arrays need " + last + " entries, have " + a + ", " + b
                    + (em == null ? "" : ", " + em.length));
        }
    }

    private static void checkPerEvent(int events, int a, int b) {
        if (a < events || b < events) {
            throw new IllegalArgumentException("per-event arrays need " + events + " entries, have " + a + " and " + b);
        }
    }
}
