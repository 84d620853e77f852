package org.crema.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The systematic uncertainty band of a prediction, from its variations.
 *
 * <p><b>Convention.</b> Variations are grouped into sources by name: {@code XUp}/{@code XDown}
 * (also {@code X_up}/{@code X_down}, {@code X_Up}/{@code X_Down}, case-insensitive suffix) form
 * source {@code X}; any other name is a one-sided source of its own. For each bin and source the
 * shifts δᵥ = variation − nominal of its members give an upward deviation max(0, max δᵥ) and a
 * downward deviation max(0, −min δᵥ): a source whose up and down move the same way counts on that
 * side only, with the larger shift. The band's half-widths are the quadrature sums over sources,
 * up = √Σ up², down = √Σ down², treating sources as uncorrelated. The nominal's own MC statistical
 * uncertainty is not included here; {@link #withStatistical} adds it in quadrature to both sides.
 *
 * @param up upward half-width per bin (≥ 0)
 * @param down downward half-width per bin (≥ 0)
 */
public record SystematicBand(double[] up, double[] down) {

    /** Checks the two arrays have the same length. */
    public SystematicBand {
        if (up.length != down.length) {
            throw new PlotException("band up and down must have the same number of bins, got "
                    + up.length + " and " + down.length);
        }
    }

    /**
     * @param nominal the nominal prediction per bin
     * @param variations variation name → prediction per bin (same length as nominal); {@code nominal}
     *     itself may be in the map and is ignored
     * @return the band
     */
    public static SystematicBand of(double[] nominal, Map<String, double[]> variations) {
        int n = nominal.length;
        double[] up2 = new double[n];
        double[] down2 = new double[n];
        for (Map.Entry<String, List<double[]>> source : sources(variations).entrySet()) {
            for (int i = 0; i < n; i++) {
                double hi = 0;
                double lo = 0;
                for (double[] v : source.getValue()) {
                    if (v.length != n) {
                        throw new PlotException("variation of source '" + source.getKey() + "' has " + v.length
                                + " bins, expected " + n + " like the nominal");
                    }
                    double d = v[i] - nominal[i];
                    hi = Math.max(hi, d);
                    lo = Math.max(lo, -d);
                }
                up2[i] += hi * hi;
                down2[i] += lo * lo;
            }
        }
        for (int i = 0; i < n; i++) {
            up2[i] = Math.sqrt(up2[i]);
            down2[i] = Math.sqrt(down2[i]);
        }
        return new SystematicBand(up2, down2);
    }

    /**
     * Groups variation names into sources (see the class comment).
     *
     * @return source name → its variations, in first-seen order
     */
    public static Map<String, List<double[]>> sources(Map<String, double[]> variations) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : variations.entrySet()) {
            if (e.getKey().equals("nominal")) {
                continue;
            }
            out.computeIfAbsent(sourceName(e.getKey()), k -> new ArrayList<>()).add(e.getValue());
        }
        return out;
    }

    /** @return the source a variation belongs to: its name without an up/down suffix */
    public static String sourceName(String variation) {
        String lower = variation.toLowerCase(java.util.Locale.ROOT);
        for (String suffix : List.of("_up", "_down", "up", "down")) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return variation.substring(0, variation.length() - suffix.length());
            }
        }
        return variation;
    }

    /**
     * @param variances the nominal's variance per bin (Σw²)
     * @return a new band with √variance added in quadrature to both sides
     */
    public SystematicBand withStatistical(double[] variances) {
        if (variances.length != up.length) {
            throw new PlotException("variances have " + variances.length + " bins, band has " + up.length);
        }
        double[] u = new double[up.length];
        double[] d = new double[up.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.sqrt(up[i] * up[i] + variances[i]);
            d[i] = Math.sqrt(down[i] * down[i] + variances[i]);
        }
        return new SystematicBand(u, d);
    }
}
