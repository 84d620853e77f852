package org.crema.corrections.btag;

/**
 * MC b-tagging efficiencies ε(flavour, pt, |η|) for one working point, as a 2D table per flavour
 * (b, c, light) on pt × |η| bins, the input of the fixed-working-point method 1a. Values outside
 * the bins use the nearest bin. Build it from an analysis's own histograms with {@link #of}, or
 * measure it from simulated jets with {@link #measure}. Immutable and thread-safe.
 */
public final class BTagEfficiencyMap {
    private final double[] ptEdges;
    private final double[] etaEdges;
    private final double[][] eff; // [flavour b=0,c=1,light=2][ptBin * nEta + etaBin]

    private BTagEfficiencyMap(double[] ptEdges, double[] etaEdges, double[][] eff) {
        this.ptEdges = ptEdges;
        this.etaEdges = etaEdges;
        this.eff = eff;
    }

    /**
     * @param ptEdges increasing pt bin edges ({@code nPt + 1})
     * @param absEtaEdges increasing |η| bin edges ({@code nEta + 1})
     * @param effB b-jet efficiencies, row-major {@code [ptBin][etaBin]}, {@code nPt · nEta} values in [0, 1]
     * @param effC c-jet efficiencies, same layout
     * @param effLight light-jet efficiencies, same layout
     * @return the map (the arrays are copied)
     */
    public static BTagEfficiencyMap of(double[] ptEdges, double[] absEtaEdges, double[] effB, double[] effC,
            double[] effLight) {
        checkEdges(ptEdges, "ptEdges");
        checkEdges(absEtaEdges, "absEtaEdges");
        int cells = (ptEdges.length - 1) * (absEtaEdges.length - 1);
        double[][] e = {effB.clone(), effC.clone(), effLight.clone()};
        String[] names = {"effB", "effC", "effLight"};
        for (int f = 0; f < 3; f++) {
            if (e[f].length != cells) {
                throw new IllegalArgumentException(names[f] + " needs " + cells + " values (pt bins × |eta| bins), has "
                        + e[f].length);
            }
            for (int i = 0; i < cells; i++) {
                if (!(e[f][i] >= 0 && e[f][i] <= 1)) {
                    throw new IllegalArgumentException(names[f] + "[" + i + "] must be in [0, 1], got " + e[f][i]);
                }
            }
        }
        return new BTagEfficiencyMap(ptEdges.clone(), absEtaEdges.clone(), e);
    }

    /**
     * Measures efficiencies from simulated jets: per flavour and bin, Σw(tagged) / Σw(all). Empty
     * bins get efficiency 0.
     *
     * @param ptEdges pt bin edges
     * @param absEtaEdges |η| bin edges
     * @param hadronFlavour per jet
     * @param pt per jet
     * @param eta per jet
     * @param tagged per jet: passes the working point
     * @param weight per jet event weight, or null for 1
     * @param n number of jets
     * @return the measured map
     */
    public static BTagEfficiencyMap measure(double[] ptEdges, double[] absEtaEdges, int[] hadronFlavour, double[] pt,
            float[] eta, boolean[] tagged, double[] weight, int n) {
        checkEdges(ptEdges, "ptEdges");
        checkEdges(absEtaEdges, "absEtaEdges");
        if (hadronFlavour.length < n || pt.length < n || eta.length < n || tagged.length < n
                || (weight != null && weight.length < n)) {
            throw new IllegalArgumentException("per-jet arrays need n=" + n + " entries");
        }
        int nEta = absEtaEdges.length - 1;
        int cells = (ptEdges.length - 1) * nEta;
        double[][] num = new double[3][cells];
        double[][] den = new double[3][cells];
        for (int j = 0; j < n; j++) {
            int f = BTagCalibration.btvFlavor(hadronFlavour[j]);
            int c = bin(ptEdges, pt[j]) * nEta + bin(absEtaEdges, Math.abs(eta[j]));
            double w = weight == null ? 1.0 : weight[j];
            den[f][c] += w;
            if (tagged[j]) {
                num[f][c] += w;
            }
        }
        double[][] eff = new double[3][cells];
        for (int f = 0; f < 3; f++) {
            for (int c = 0; c < cells; c++) {
                eff[f][c] = den[f][c] > 0 ? Math.min(1.0, Math.max(0.0, num[f][c] / den[f][c])) : 0.0;
            }
        }
        return new BTagEfficiencyMap(ptEdges.clone(), absEtaEdges.clone(), eff);
    }

    /**
     * @param hadronFlavour 5, 4 or other (light)
     * @param pt jet pt
     * @param eta jet η (|η| is used)
     * @return the efficiency of the nearest bin
     */
    public double efficiency(int hadronFlavour, double pt, double eta) {
        int c = bin(ptEdges, pt) * (etaEdges.length - 1) + bin(etaEdges, Math.abs(eta));
        return eff[BTagCalibration.btvFlavor(hadronFlavour)][c];
    }

    /**
     * @param hadronFlavour per jet
     * @param pt per jet
     * @param eta per jet
     * @param n number of jets
     * @return a new array of efficiencies
     */
    public double[] evaluate(int[] hadronFlavour, double[] pt, float[] eta, int n) {
        if (hadronFlavour.length < n || pt.length < n || eta.length < n) {
            throw new IllegalArgumentException("arrays need n=" + n + " entries: hadronFlavour " + hadronFlavour.length
                    + ", pt " + pt.length + ", eta " + eta.length);
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = efficiency(hadronFlavour[j], pt[j], eta[j]);
        }
        return out;
    }

    private static int bin(double[] edges, double x) {
        int m = edges.length - 1;
        if (!(x >= edges[0])) {
            return 0;
        }
        if (x >= edges[m]) {
            return m - 1;
        }
        int lo = 0;
        int hi = m;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void checkEdges(double[] edges, String name) {
        if (edges.length < 2) {
            throw new IllegalArgumentException(name + " needs at least 2 edges, has " + edges.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException(name + " must increase: " + name + "[" + (i - 1) + "]=" + edges[i - 1]
                        + " >= " + name + "[" + i + "]=" + edges[i]);
            }
        }
    }
}
