package org.crema.corrections.jme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.corrections.text.TextUncertainty;

/**
 * Jet energy scale variations: for each uncertainty source S, δ = S(η, pt) evaluated at the
 * nominal (JEC-corrected and JER-smeared) pt, and the varied jets {@code pt·(1 ± δ)}, {@code
 * mass·(1 ± δ)}. Sources are JetFunctions returning δ (text {@code [Section]}s, or correctionlib
 * {@code …_<Source>_AK4PFchs} / {@code …_Regrouped_<Source>_…} corrections); {@code Total} is just
 * another source.
 *
 * <pre>{@code
 * JesVariations.Result jes = JesVariations.evaluate(sources, offsets, pt, eta);
 * double[] ptUp = jes.apply("FlavorQCD", pt, Variation.UP);
 * }</pre>
 */
public final class JesVariations {
    private JesVariations() {
    }

    /**
     * δ per source and jet (aligned with the input arrays).
     *
     * @param offsets the jets' offsets (shared)
     * @param deltas source name → δ per jet, in source order
     */
    public record Result(int[] offsets, Map<String, double[]> deltas) {
        /**
         * @param source a source name
         * @return δ per jet
         * @throws IllegalArgumentException for an unknown source, listing the known ones
         */
        public double[] delta(String source) {
            double[] d = deltas.get(source);
            if (d == null) {
                throw new IllegalArgumentException("unknown JES source '" + source + "'; sources are " + deltas.keySet());
            }
            return d;
        }

        /**
         * @param source a source name
         * @param values per-jet pt or mass (the nominal values the δ were evaluated for)
         * @param variation UP ({@code ·(1+δ)}) or DOWN ({@code ·(1−δ)}); NOMINAL copies
         * @return a new array of varied values
         */
        public double[] apply(String source, double[] values, Variation variation) {
            double[] out = new double[values.length];
            applyInto(source, values, variation, out);
            return out;
        }

        /**
         * Like {@link #apply} but into a caller-owned array, for analyses that process one
         * variation at a time and reuse the buffer (no allocation per variation).
         *
         * @param source a source name
         * @param values per-jet pt or mass
         * @param variation UP or DOWN (NOMINAL copies)
         * @param out receives the varied values at the jets' indices
         */
        public void applyInto(String source, double[] values, Variation variation, double[] out) {
            double[] d = delta(source);
            double sign = switch (variation) {
                case UP -> 1.0;
                case DOWN -> -1.0;
                case NOMINAL -> 0.0;
            };
            int from = offsets[0];
            int to = offsets[offsets.length - 1];
            if (values.length < to || out.length < to) {
                throw new IllegalArgumentException("values and out need " + to + " entries, have " + values.length
                        + " and " + out.length);
            }
            for (int i = from; i < to; i++) {
                out[i] = values[i] * (1.0 + sign * d[i]);
            }
        }
    }

    /**
     * Evaluates every source at the given jets.
     *
     * @param sources source name → δ function (inputs JetEta, JetPt)
     * @param offsets per-event jet offsets
     * @param pt nominal pt per jet
     * @param eta per jet
     * @return δ per source
     */
    public static Result evaluate(Map<String, JetFunction> sources, int[] offsets, double[] pt, float[] eta) {
        int last = JetEnergyCorrection.checkJets(offsets, pt.length, "pt");
        if (eta.length < last) {
            throw new IllegalArgumentException("eta needs " + last + " entries, has " + eta.length);
        }
        int from = offsets[0];
        int n = last - from;
        double[] ptW = from == 0 ? pt : java.util.Arrays.copyOfRange(pt, from, last);
        double[] etaW = new double[n];
        for (int i = 0; i < n; i++) {
            etaW[i] = eta[from + i];
        }
        Map<String, double[]> cols = new HashMap<>();
        cols.put(JetFunction.JET_PT, ptW);
        cols.put(JetFunction.JET_ETA, etaW);
        Map<String, double[]> out = new LinkedHashMap<>();
        Map<String, double[]> windows = new HashMap<>();
        // Text sources of one file share bins and knots: locate each jet once for all of them.
        List<String> grouped = new ArrayList<>();
        List<TextUncertainty> group = new ArrayList<>();
        for (Map.Entry<String, JetFunction> s : sources.entrySet()) {
            if (s.getValue() instanceof TextUncertaintyFunction t
                    && (group.isEmpty() || group.get(0).sameLayout(t.uncertainty))) {
                grouped.add(s.getKey());
                group.add(t.uncertainty);
            }
        }
        if (group.size() > 1) {
            double[][] res = new double[group.size()][n];
            TextUncertainty.evaluateAll(group, true,
                    JetFunction.columnsFor(group.get(0), cols, group.get(0).inputs(), n), n, res);
            for (int g = 0; g < group.size(); g++) {
                TextUncertaintyFunction.noRecordToZero(res[g], n);
                windows.put(grouped.get(g), res[g]);
            }
        }
        for (Map.Entry<String, JetFunction> s : sources.entrySet()) {
            double[] window = windows.get(s.getKey());
            if (window == null) {
                window = new double[n];
                s.getValue().evaluate(cols, n, window);
            }
            double[] d;
            if (from == 0 && window.length == pt.length) {
                d = window;
            } else {
                d = new double[pt.length];
                System.arraycopy(window, 0, d, from, n);
            }
            out.put(s.getKey(), d);
        }
        return new Result(offsets, Collections.unmodifiableMap(out));
    }
}
