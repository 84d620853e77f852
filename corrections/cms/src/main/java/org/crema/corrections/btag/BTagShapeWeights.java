package org.crema.corrections.btag;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.jme.Variation;

/**
 * Event weights of the b-tag shape method: {@code w = Π_jets SF(flavour, |η|, pt, discriminant)}
 * over the selected jets, with the BTV routing of systematics per flavour:
 * <ul>
 *   <li>{@code cferr1/2} variations apply to c jets only; b and light jets keep {@code central};
 *   <li>every other variation ({@code hf, lf, hfstats1/2, lfstats1/2, jes…}) applies to b and
 *       light jets only; c jets keep {@code central}.
 * </ul>
 * The {@code jes<Source>} systematics belong to the JES-varied jet collections: evaluate them with
 * {@link #jesSystematic(String, Variation)} on the jets (pt) of that same JES variation.
 *
 * <p>The shape weight changes the normalisation; analyses correct it with a per-sample
 * calibration versus jet multiplicity, outside this class.
 */
public final class BTagShapeWeights {
    private BTagShapeWeights() {
    }

    /**
     * @param source a JES source name as the BTV file spells it after {@code jes}, e.g. {@code
     *     "FlavorQCD"}, or the empty string for the total
     * @param variation UP or DOWN
     * @return the b-tag systematic tied to that JES variation, e.g. {@code up_jesFlavorQCD}
     */
    public static String jesSystematic(String source, Variation variation) {
        return switch (variation) {
            case UP -> "up_jes" + source;
            case DOWN -> "down_jes" + source;
            case NOMINAL -> "central";
        };
    }

    /**
     * @param systematic a systematic name
     * @param hadronFlavour a jet flavour (5, 4, 0)
     * @return the systematic that jet uses: the given one if it applies to the flavour, else {@code central}
     */
    public static String routedSystematic(String systematic, int hadronFlavour) {
        if (systematic.equals("central")) {
            return systematic;
        }
        boolean cferr = systematic.contains("cferr");
        boolean charm = hadronFlavour == 4;
        return cferr == charm ? systematic : "central";
    }

    /**
     * Event weights for one systematic.
     *
     * @param sf the scale factors
     * @param systematic {@code central} or a variation
     * @param offsets per-event jet offsets
     * @param hadronFlavour per jet
     * @param eta per jet (|η| is taken here)
     * @param pt per jet (for {@code jes} systematics: the pt of that JES variation)
     * @param discriminant per jet
     * @param selected per jet, or null for all jets
     * @return one weight per event
     * @throws CorrectionLookupException when the systematic is unknown
     */
    public static double[] eventWeights(BTagShapeSf sf, String systematic, int[] offsets, int[] hadronFlavour,
            float[] eta, double[] pt, float[] discriminant, boolean[] selected) {
        check(sf, systematic, offsets, hadronFlavour, eta, pt, discriminant, selected);
        double[] perJet = perJet(sf, "central", offsets, hadronFlavour, eta, pt, discriminant, selected, null);
        if (!systematic.equals("central")) {
            perJet = perJet(sf, systematic, offsets, hadronFlavour, eta, pt, discriminant, selected, perJet);
        }
        return product(offsets, perJet, selected);
    }

    private static void check(BTagShapeSf sf, String systematic, int[] offsets, int[] hadronFlavour, float[] eta,
            double[] pt, float[] discriminant, boolean[] selected) {
        if (!sf.systematics().isEmpty() && !sf.systematics().contains(systematic)) {
            throw new CorrectionLookupException("unknown b-tag shape systematic '" + systematic + "'; available: "
                    + sf.systematics());
        }
        int to = offsets[offsets.length - 1];
        if (hadronFlavour.length < to || eta.length < to || pt.length < to || discriminant.length < to
                || (selected != null && selected.length < to)) {
            throw new IllegalArgumentException("per-jet arrays need " + to + " entries: hadronFlavour "
                    + hadronFlavour.length + ", eta " + eta.length + ", pt " + pt.length + ", discriminant "
                    + discriminant.length + (selected == null ? "" : ", selected " + selected.length));
        }
    }

    /**
     * Per-jet SFs: with {@code central == null}, every selected jet gets {@code systematic};
     * otherwise only the jets the systematic applies to are evaluated and the others copy {@code
     * central}, so several systematics share one central evaluation.
     */
    private static double[] perJet(BTagShapeSf sf, String systematic, int[] offsets, int[] hadronFlavour, float[] eta,
            double[] pt, float[] discriminant, boolean[] selected, double[] central) {
        int from = offsets[0];
        int to = offsets[offsets.length - 1];
        int n = to - from;
        int[] idx = new int[n];
        int[] flav = new int[n];
        double[] absEta = new double[n];
        double[] ptW = new double[n];
        double[] disc = new double[n];
        double[] perJet = central == null ? new double[to] : central.clone();
        int m = 0;
        for (int i = from; i < to; i++) {
            if (selected != null && !selected[i]) {
                continue;
            }
            if (central != null && routedSystematic(systematic, hadronFlavour[i]).equals("central")) {
                continue;
            }
            idx[m] = i;
            flav[m] = hadronFlavour[i];
            absEta[m] = Math.abs(eta[i]);
            ptW[m] = pt[i];
            disc[m] = discriminant[i];
            m++;
        }
        if (m > 0) {
            double[] out = new double[m];
            sf.evaluate(systematic, flav, absEta, ptW, disc, m, out);
            for (int k = 0; k < m; k++) {
                perJet[idx[k]] = out[k];
            }
        }
        return perJet;
    }

    private static double[] product(int[] offsets, double[] perJet, boolean[] selected) {
        int events = offsets.length - 1;
        double[] w = new double[events];
        for (int e = 0; e < events; e++) {
            double prod = 1.0;
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                if (selected == null || selected[i]) {
                    prod *= perJet[i];
                }
            }
            w[e] = prod;
        }
        return w;
    }

    /**
     * Event weights for several systematics at once (the nominal jets; {@code jes} systematics
     * need the varied jets and should be evaluated with {@link #eventWeights} separately).
     *
     * @param sf the scale factors
     * @param systematics names, {@code central} usually first
     * @param offsets per-event jet offsets
     * @param hadronFlavour per jet
     * @param eta per jet
     * @param pt per jet
     * @param discriminant per jet
     * @param selected per jet, or null
     * @return systematic → per-event weights, in the given order
     */
    public static Map<String, double[]> eventWeights(BTagShapeSf sf, Iterable<String> systematics, int[] offsets,
            int[] hadronFlavour, float[] eta, double[] pt, float[] discriminant, boolean[] selected) {
        Map<String, double[]> out = new LinkedHashMap<>();
        double[] central = null;
        for (String s : systematics) {
            check(sf, s, offsets, hadronFlavour, eta, pt, discriminant, selected);
            if (central == null) {
                central = perJet(sf, "central", offsets, hadronFlavour, eta, pt, discriminant, selected, null);
            }
            double[] perJet = s.equals("central") ? central
                    : perJet(sf, s, offsets, hadronFlavour, eta, pt, discriminant, selected, central);
            out.put(s, product(offsets, perJet, selected));
        }
        return out;
    }
}
