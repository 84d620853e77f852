package org.crema.corrections.jme;

import java.util.HashMap;
import java.util.Map;
import org.crema.corrections.internal.JetRandom;

/**
 * JER hybrid smearing of simulated jets (CMS recipe, as in CMSSW's {@code SmearedJetProducer}).
 * With σ = relative pt resolution and s = data/MC scale factor, both evaluated at the JEC-corrected
 * pt:
 * <ul>
 *   <li>a jet is <em>matched</em> when its {@code genJetIdx} points at a gen jet of the same event
 *       with ΔR &lt; {@link Settings#maxDeltaR()} (R/2 = 0.2 for AK4) and {@code |pt − pt_gen| <
 *       maxPtSigmas · σ · pt}; it is scaled: {@code f = 1 + (s − 1)·(pt − pt_gen)/pt};
 *   <li>otherwise it is smeared stochastically: {@code f = 1 + N(0,1)·σ·sqrt(max(s² − 1, 0))};
 *   <li>if the smeared energy {@code f·E} falls below {@link Settings#minJetEnergy()} (10 MeV), f
 *       is raised to {@code minJetEnergy / E}.
 * </ul>
 * pt and mass are both multiplied by f. Up and down use the same match and the same N(0,1) draw,
 * with s replaced by s_up and s_down.
 *
 * <p>The Gaussian draw is a pure function of (purpose, run, luminosityBlock, event, jet index):
 * results do not depend on chunking, thread count or order. The jet index is the position of the
 * jet in its event (pass explicit indices when the collection was filtered first, so a jet keeps
 * its number).
 */
public final class JetSmearing {
    private JetSmearing() {
    }

    /**
     * Smearing parameters.
     *
     * @param maxDeltaR maximum ΔR(jet, gen jet) for a match (R/2); {@code Double.POSITIVE_INFINITY}
     *     trusts {@code genJetIdx} as coffea does
     * @param maxPtSigmas the pt compatibility window in units of σ·pt (3)
     * @param minJetEnergy floor of the smeared jet energy in GeV (0.01)
     * @param purpose label hashed into the random-number key ({@code "JER"})
     */
    public record Settings(double maxDeltaR, double maxPtSigmas, double minJetEnergy, String purpose) {
        /** @return the AK4 settings: ΔR &lt; 0.2, 3σ, 10 MeV, purpose "JER" */
        public static Settings ak4() {
            return new Settings(0.2, 3.0, 0.01, "JER");
        }

        /** @return the AK8 settings: ΔR &lt; 0.4, 3σ, 10 MeV, purpose "JER" */
        public static Settings ak8() {
            return new Settings(0.4, 3.0, 0.01, "JER");
        }
    }

    /**
     * The JER inputs: resolution and scale factors as jet functions.
     *
     * @param resolution relative pt resolution σ(JetEta, JetPt, Rho)
     * @param scaleFactor nominal s
     * @param scaleFactorUp s for the up variation (may be null: no up variation)
     * @param scaleFactorDown s for the down variation (may be null)
     */
    public record Jer(JetFunction resolution, JetFunction scaleFactor, JetFunction scaleFactorUp,
            JetFunction scaleFactorDown) {
    }

    /**
     * The smearing result; factors are aligned with the input jet arrays.
     *
     * @param offsets the jets' offsets (shared)
     * @param resolution σ per jet
     * @param matched whether the jet took the scaling branch
     * @param gaussian the N(0,1) draw of unmatched jets (0 for matched ones)
     * @param factor nominal smearing factor
     * @param factorUp factor with s_up (null if no up SF was given)
     * @param factorDown factor with s_down (null if no down SF was given)
     */
    public record Result(int[] offsets, double[] resolution, boolean[] matched, double[] gaussian, double[] factor,
            double[] factorUp, double[] factorDown) {
        /**
         * @param variation nominal, up or down
         * @return the factor array of that variation
         */
        public double[] factor(Variation variation) {
            double[] f = switch (variation) {
                case NOMINAL -> factor;
                case UP -> factorUp;
                case DOWN -> factorDown;
            };
            if (f == null) {
                throw new IllegalStateException("no JER scale factor was given for " + variation);
            }
            return f;
        }

        /**
         * @param values per-jet pt or mass (the JEC-corrected values)
         * @param variation which factor
         * @return a new array {@code values · factor}
         */
        public double[] apply(double[] values, Variation variation) {
            double[] f = factor(variation);
            double[] out = new double[values.length];
            int from = offsets[0];
            int to = offsets[offsets.length - 1];
            for (int i = from; i < to; i++) {
                out[i] = values[i] * f[i];
            }
            return out;
        }
    }

    /**
     * Smears jets.
     *
     * @param jer resolution and scale factors
     * @param settings matching and random-number settings
     * @param offsets per-event jet offsets
     * @param pt JEC-corrected pt per jet
     * @param mass JEC-corrected mass per jet
     * @param eta per jet
     * @param phi per jet
     * @param rho per event
     * @param genJetIdx per jet: index of the matched gen jet within its event, or −1
     * @param genJets the gen jets (null: every jet is unmatched, e.g. no GenJet collection)
     * @param ids per-event identity, keys the random numbers
     * @param jetIndex per jet: its index in the event's original collection (null: position in
     *     the event)
     * @return factors per jet
     */
    public static Result smear(Jer jer, Settings settings, int[] offsets, double[] pt, double[] mass, float[] eta,
            float[] phi, float[] rho, int[] genJetIdx, GenJets genJets, EventIds ids, int[] jetIndex) {
        int last = JetEnergyCorrection.checkJets(offsets, pt.length, "pt");
        int events = offsets.length - 1;
        if (mass.length < last || eta.length < last || phi.length < last || genJetIdx.length < last) {
            throw new IllegalArgumentException("mass, eta, phi and genJetIdx need " + last + " entries, have "
                    + mass.length + ", " + eta.length + ", " + phi.length + ", " + genJetIdx.length);
        }
        if (rho.length < events || ids.size() < events) {
            throw new IllegalArgumentException("rho and event ids need " + events + " entries, have " + rho.length
                    + " and " + ids.size());
        }
        if (genJets != null && genJets.offsets().length < offsets.length) {
            throw new IllegalArgumentException("GenJet offsets need " + offsets.length + " entries, have "
                    + genJets.offsets().length);
        }
        if (jetIndex != null && jetIndex.length < last) {
            throw new IllegalArgumentException("jetIndex needs " + last + " entries, has " + jetIndex.length);
        }
        int from = offsets[0];
        int n = last - from;
        // Functions see a zero-based window over the live span.
        // Functions read a zero-based window; the caller's array is that window when offsets start at 0.
        double[] ptW = from == 0 ? pt : java.util.Arrays.copyOfRange(pt, from, last);
        double[] etaW = new double[n];
        double[] rhoW = new double[n];
        for (int e = 0; e < events; e++) {
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                etaW[i - from] = eta[i];
                rhoW[i - from] = rho[e];
            }
        }
        Map<String, double[]> cols = new HashMap<>();
        cols.put(JetFunction.JET_PT, ptW);
        cols.put(JetFunction.JET_ETA, etaW);
        cols.put(JetFunction.RHO, rhoW);
        double[] sigma = new double[n];
        jer.resolution().evaluate(cols, n, sigma);
        double[] s = new double[n];
        double[] sUp = null;
        double[] sDown = null;
        if (jer.scaleFactor() instanceof TextScaleFactorFunction a && jer.scaleFactorUp() instanceof TextScaleFactorFunction b
                && jer.scaleFactorDown() instanceof TextScaleFactorFunction c && a.scaleFactor == b.scaleFactor
                && a.scaleFactor == c.scaleFactor && a.variation == Variation.NOMINAL && b.variation == Variation.UP
                && c.variation == Variation.DOWN) {
            // Three columns of one file: one record look-up per jet.
            sUp = new double[n];
            sDown = new double[n];
            a.scaleFactor.evaluateAll(JetFunction.columnsFor(a, cols, a.inputs(), n), n, s, sUp, sDown);
        } else {
            jer.scaleFactor().evaluate(cols, n, s);
            if (jer.scaleFactorUp() != null) {
                sUp = new double[n];
                jer.scaleFactorUp().evaluate(cols, n, sUp);
            }
            if (jer.scaleFactorDown() != null) {
                sDown = new double[n];
                jer.scaleFactorDown().evaluate(cols, n, sDown);
            }
        }
        int len = pt.length;
        double[] resolution = new double[len];
        boolean[] matched = new boolean[len];
        double[] gaussian = new double[len];
        double[] factor = new double[len];
        double[] factorUp = sUp == null ? null : new double[len];
        double[] factorDown = sDown == null ? null : new double[len];
        long purpose = JetRandom.purpose(settings.purpose());
        double maxDr2 = settings.maxDeltaR() * settings.maxDeltaR();
        for (int e = 0; e < events; e++) {
            long run = Integer.toUnsignedLong(ids.run()[e]);
            long lumi = Integer.toUnsignedLong(ids.luminosityBlock()[e]);
            long event = ids.event()[e];
            int genFrom = genJets == null ? 0 : genJets.offsets()[e];
            int genCount = genJets == null ? 0 : genJets.offsets()[e + 1] - genFrom;
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                int w = i - from;
                double p = pt[i];
                double sig = sigma[w];
                resolution[i] = sig;
                int g = genJetIdx[i];
                boolean isMatched = false;
                double genPt = 0;
                if (g >= 0 && g < genCount) {
                    int gi = genFrom + g;
                    genPt = genJets.pt()[gi];
                    double dEta = eta[i] - genJets.eta()[gi];
                    double dPhi = deltaPhi(phi[i], genJets.phi()[gi]);
                    isMatched = genPt > 0 && dEta * dEta + dPhi * dPhi < maxDr2
                            && Math.abs(p - genPt) < settings.maxPtSigmas() * sig * p;
                }
                matched[i] = isMatched;
                double et = eta[i];
                double m = mass[i];
                if (isMatched) {
                    double rel = (p - genPt) / p;
                    factor[i] = floor(1.0 + (s[w] - 1.0) * rel, p, et, m, settings.minJetEnergy());
                    if (factorUp != null) {
                        factorUp[i] = floor(1.0 + (sUp[w] - 1.0) * rel, p, et, m, settings.minJetEnergy());
                    }
                    if (factorDown != null) {
                        factorDown[i] = floor(1.0 + (sDown[w] - 1.0) * rel, p, et, m, settings.minJetEnergy());
                    }
                } else {
                    long index = jetIndex == null ? i - offsets[e] : jetIndex[i];
                    double z = JetRandom.gaussian(JetRandom.key(purpose, run, lumi, event, index));
                    gaussian[i] = z;
                    factor[i] = floor(1.0 + z * sig * Math.sqrt(Math.max(s[w] * s[w] - 1.0, 0.0)), p, et, m, settings.minJetEnergy());
                    if (factorUp != null) {
                        factorUp[i] = floor(1.0 + z * sig * Math.sqrt(Math.max(sUp[w] * sUp[w] - 1.0, 0.0)), p, et, m, settings.minJetEnergy());
                    }
                    if (factorDown != null) {
                        factorDown[i] = floor(1.0 + z * sig * Math.sqrt(Math.max(sDown[w] * sDown[w] - 1.0, 0.0)),
                                p, et, m, settings.minJetEnergy());
                    }
                }
            }
        }
        return new Result(offsets, resolution, matched, gaussian, factor, factorUp, factorDown);
    }

    private static double energy(double pt, double eta, double mass) {
        double p = pt * Math.cosh(eta);
        return Math.sqrt(p * p + mass * mass);
    }

    // CMSSW: if f·E < minEnergy, f = minEnergy / E. Since E >= pt, f·pt >= minEnergy rules the
    // floor out without computing E (a cosh and a sqrt) for almost every jet.
    private static double floor(double f, double pt, double eta, double mass, double minEnergy) {
        if (f * pt >= minEnergy) {
            return f;
        }
        double energy = energy(pt, eta, mass);
        return f * energy < minEnergy ? minEnergy / energy : f;
    }

    static double deltaPhi(double a, double b) {
        double d = a - b;
        while (d > Math.PI) {
            d -= 2 * Math.PI;
        }
        while (d <= -Math.PI) {
            d += 2 * Math.PI;
        }
        return d;
    }
}
