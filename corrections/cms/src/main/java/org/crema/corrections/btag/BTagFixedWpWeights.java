package org.crema.corrections.btag;

/**
 * Event weights of the fixed-working-point method 1a: over the selected jets, with MC efficiency
 * ε and scale factor SF per jet,
 * {@code w = Π_tagged SF · Π_untagged (1 − SF·ε) / (1 − ε)} (= P(data) / P(MC)).
 * Systematic weights come from the same formula with the varied SFs. An untagged jet with ε = 1
 * would divide by zero; efficiencies are therefore kept at most {@value #MAX_EFFICIENCY}.
 */
public final class BTagFixedWpWeights {
    /** Upper bound applied to ε for untagged jets, so that {@code 1 − ε} never vanishes. */
    public static final double MAX_EFFICIENCY = 1 - 1e-6;

    private BTagFixedWpWeights() {
    }

    /**
     * @param offsets per-event jet offsets
     * @param tagged per jet: passes the working point
     * @param sf per jet scale factor at that working point
     * @param efficiency per jet MC efficiency ({@link BTagEfficiencyMap})
     * @param selected per jet, or null for all
     * @return one weight per event
     */
    public static double[] eventWeights(int[] offsets, boolean[] tagged, double[] sf, double[] efficiency,
            boolean[] selected) {
        int events = offsets.length - 1;
        int to = offsets[events];
        if (tagged.length < to || sf.length < to || efficiency.length < to || (selected != null && selected.length < to)) {
            throw new IllegalArgumentException("per-jet arrays need " + to + " entries");
        }
        double[] w = new double[events];
        for (int e = 0; e < events; e++) {
            double prod = 1.0;
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                if (selected != null && !selected[i]) {
                    continue;
                }
                if (tagged[i]) {
                    prod *= sf[i];
                } else {
                    double eps = Math.min(efficiency[i], MAX_EFFICIENCY);
                    prod *= (1.0 - sf[i] * eps) / (1.0 - eps);
                }
            }
            w[e] = prod;
        }
        return w;
    }

    /**
     * Method 1a with several working points (loose ⊂ medium ⊂ tight): each jet falls in the bin
     * between the tightest working point it passes and the next tighter one, with probability
     * {@code ε_k − ε_{k+1}} in MC and {@code SF_k·ε_k − SF_{k+1}·ε_{k+1}} in data (ε of "no working
     * point" = 1, of "beyond the tightest" = 0); {@code w = Π P(data) / Π P(MC)}.
     *
     * @param offsets per-event jet offsets
     * @param tightestPassed per jet: index of the tightest working point passed (0 = loosest), or
     *     −1 for none
     * @param sf {@code sf[k][jet]}: scale factor of working point k, loosest first
     * @param efficiency {@code efficiency[k][jet]}: MC efficiency of working point k, decreasing in k
     * @param selected per jet, or null for all
     * @return one weight per event
     */
    public static double[] eventWeights(int[] offsets, int[] tightestPassed, double[][] sf, double[][] efficiency,
            boolean[] selected) {
        int events = offsets.length - 1;
        int to = offsets[events];
        int wps = sf.length;
        if (efficiency.length != wps || wps == 0) {
            throw new IllegalArgumentException("sf and efficiency need one row per working point: " + sf.length + " and "
                    + efficiency.length);
        }
        for (int k = 0; k < wps; k++) {
            if (sf[k].length < to || efficiency[k].length < to) {
                throw new IllegalArgumentException("working point " + k + ": sf and efficiency need " + to + " entries");
            }
        }
        if (tightestPassed.length < to || (selected != null && selected.length < to)) {
            throw new IllegalArgumentException("per-jet arrays need " + to + " entries");
        }
        double[] w = new double[events];
        for (int e = 0; e < events; e++) {
            double prod = 1.0;
            for (int i = offsets[e]; i < offsets[e + 1]; i++) {
                if (selected != null && !selected[i]) {
                    continue;
                }
                int k = tightestPassed[i];
                if (k < -1 || k >= wps) {
                    throw new IllegalArgumentException("tightestPassed[" + i + "]=" + k + " must be in -1.." + (wps - 1));
                }
                double effLo = k < 0 ? 1.0 : efficiency[k][i];
                double dataLo = k < 0 ? 1.0 : sf[k][i] * efficiency[k][i];
                double effHi = k + 1 < wps ? efficiency[k + 1][i] : 0.0;
                double dataHi = k + 1 < wps ? sf[k + 1][i] * efficiency[k + 1][i] : 0.0;
                double mc = effLo - effHi;
                if (mc > 0) {
                    prod *= (dataLo - dataHi) / mc;
                }
            }
            w[e] = prod;
        }
        return w;
    }
}
