package org.crema.corrections.weights;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.correctionlib.Corrector;
import org.crema.correctionlib.Inputs;
import org.crema.correctionlib.Variable;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.jme.Variation;

/**
 * Lepton (or other object) scale factors from a correctionlib correction, and their event weights
 * {@code w = Π_selected SF} with up and down variations. Inputs are bound by name: the η input
 * ({@code abseta} gets |η|, {@code eta} the signed value), the {@code pt} input, the string input
 * that selects the variation, and fixed string inputs such as {@code year} or {@code WorkingPoint}.
 *
 * <p>correctionlib fails the whole chunk on a value outside a binning with flow "error" (muon pt
 * below 15 GeV, for instance). Select objects inside the measured range, or set a pt window with
 * {@link #withPtRange} to clip pt into it first, as PocketCoffea does. Immutable and thread-safe.
 *
 * <pre>{@code
 * ObjectScaleFactors id = ObjectScaleFactors.muon(muonZ.correction("NUM_TightID_DEN_TrackerMuons"), "2018_UL");
 * EventWeights w = id.eventWeights(offsets, eta, pt, selected);
 * }</pre>
 */
public final class ObjectScaleFactors {
    private final Corrector corrector;
    private final String etaInput;
    private final boolean absEta;
    private final String ptInput;
    private final String variationInput;
    private final Map<Variation, String> keys;
    private final Map<String, String> constants;
    private final double ptMin;
    private final double ptMax;

    private ObjectScaleFactors(Corrector corrector, String etaInput, boolean absEta, String ptInput,
            String variationInput, Map<Variation, String> keys, Map<String, String> constants, double ptMin,
            double ptMax) {
        this.corrector = corrector;
        this.etaInput = etaInput;
        this.absEta = absEta;
        this.ptInput = ptInput;
        this.variationInput = variationInput;
        this.keys = keys;
        this.constants = constants;
        this.ptMin = ptMin;
        this.ptMax = ptMax;
    }

    /**
     * A general object SF.
     *
     * @param corrector the correction
     * @param etaInput name of the η input ({@code abseta} receives |η|)
     * @param ptInput name of the pt input
     * @param variationInput name of the string input choosing nominal/up/down
     * @param nominal its key for the nominal value, e.g. {@code sf}
     * @param up its key for up, e.g. {@code systup}
     * @param down its key for down, e.g. {@code systdown}
     * @param constants other string inputs and their values
     * @return the scale factors
     * @throws CorrectionLookupException when an input named here, or one left unbound, does not fit
     */
    public static ObjectScaleFactors of(Corrector corrector, String etaInput, String ptInput, String variationInput,
            String nominal, String up, String down, Map<String, String> constants) {
        Map<Variation, String> keys = new EnumMap<>(Variation.class);
        keys.put(Variation.NOMINAL, nominal);
        keys.put(Variation.UP, up);
        keys.put(Variation.DOWN, down);
        List<String> bound = new java.util.ArrayList<>(List.of(etaInput, ptInput, variationInput));
        bound.addAll(constants.keySet());
        for (String name : bound) {
            if (corrector.inputIndex(name) < 0) {
                throw new CorrectionLookupException("correction '" + corrector.name() + "' has no input '" + name
                        + "'; its inputs are " + names(corrector));
            }
        }
        for (Variable v : corrector.inputs()) {
            if (!bound.contains(v.name())) {
                throw new CorrectionLookupException("correction '" + corrector.name() + "': input '" + v.name()
                        + "' is not bound; pass it in constants");
            }
        }
        return new ObjectScaleFactors(corrector, etaInput, etaInput.toLowerCase(java.util.Locale.ROOT).startsWith("abs"),
                ptInput, variationInput, keys, new LinkedHashMap<>(constants), Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    /**
     * A MUO {@code muon_Z} correction ({@code NUM_…_DEN_…}): inputs {@code [year,] abseta|eta, pt,
     * ValType|scale_factors} with keys sf/systup/systdown (or nominal/systup/systdown).
     *
     * @param corrector e.g. {@code NUM_TightID_DEN_TrackerMuons}
     * @param year the {@code year} input (e.g. {@code "2018_UL"}); ignored when the correction has none
     * @return the scale factors
     */
    public static ObjectScaleFactors muon(Corrector corrector, String year) {
        Map<String, String> constants = new LinkedHashMap<>();
        if (corrector.inputIndex("year") >= 0) {
            constants.put("year", year);
        }
        String eta = corrector.inputIndex("abseta") >= 0 ? "abseta" : "eta";
        if (corrector.inputIndex("scale_factors") >= 0) {
            return of(corrector, eta, "pt", "scale_factors", "nominal", "systup", "systdown", constants);
        }
        return of(corrector, eta, "pt", "ValType", "sf", "systup", "systdown", constants);
    }

    /**
     * The EGM {@code UL-Electron-ID-SF} correction: inputs {@code year, ValType (sf/sfup/sfdown),
     * WorkingPoint, eta, pt}.
     *
     * @param corrector the correction
     * @param year e.g. {@code "2018"}
     * @param workingPoint e.g. {@code "Tight"}, {@code "RecoAbove20"}, {@code "wp90iso"}
     * @return the scale factors
     */
    public static ObjectScaleFactors electron(Corrector corrector, String year, String workingPoint) {
        Map<String, String> constants = new LinkedHashMap<>();
        constants.put("year", year);
        constants.put("WorkingPoint", workingPoint);
        return of(corrector, "eta", "pt", "ValType", "sf", "sfup", "sfdown", constants);
    }

    /**
     * Clips pt into {@code [min, max]} before evaluation, so objects just outside the measured
     * range take the edge bin instead of failing the chunk.
     *
     * @param min lower bound
     * @param max upper bound
     * @return a copy with the window
     */
    public ObjectScaleFactors withPtRange(double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("pt range needs min <= max, got [" + min + ", " + max + "]");
        }
        return new ObjectScaleFactors(corrector, etaInput, absEta, ptInput, variationInput, keys, constants, min, max);
    }

    /**
     * Per-object scale factors.
     *
     * @param variation nominal, up or down
     * @param eta per object
     * @param pt per object
     * @param n number of objects
     * @return a new array of SFs
     */
    public double[] evaluate(Variation variation, float[] eta, float[] pt, int n) {
        if (eta.length < n || pt.length < n) {
            throw new IllegalArgumentException("eta and pt need n=" + n + " entries, have " + eta.length + " and "
                    + pt.length);
        }
        double[] e = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = absEta ? Math.abs(eta[i]) : eta[i];
            p[i] = Math.min(Math.max(pt[i], ptMin), ptMax);
        }
        return evaluate(variation, e, p, n);
    }

    private double[] evaluate(Variation variation, double[] eta, double[] pt, int n) {
        Inputs in = corrector.bind().column(etaInput, eta).column(ptInput, pt).constant(variationInput, keys.get(variation));
        constants.forEach(in::constant);
        double[] out = new double[n];
        in.evaluateInto(n, out);
        return out;
    }

    /**
     * Event weights: the product of the SFs of the selected objects, for nominal, up and down.
     *
     * @param offsets per-event object offsets
     * @param eta per object
     * @param pt per object
     * @param selected per object, or null for all
     * @return weights per event
     */
    public EventWeights eventWeights(int[] offsets, float[] eta, float[] pt, boolean[] selected) {
        int events = offsets.length - 1;
        int from = offsets[0];
        int to = offsets[events];
        if (eta.length < to || pt.length < to || (selected != null && selected.length < to)) {
            throw new IllegalArgumentException("per-object arrays need " + to + " entries, have eta " + eta.length
                    + ", pt " + pt.length + (selected == null ? "" : ", selected " + selected.length));
        }
        // Gather the selected objects so that rejected ones (e.g. below the pt range) are never evaluated.
        int m = 0;
        int[] idx = new int[to - from];
        double[] e = new double[to - from];
        double[] p = new double[to - from];
        for (int i = from; i < to; i++) {
            if (selected == null || selected[i]) {
                idx[m] = i;
                e[m] = absEta ? Math.abs(eta[i]) : eta[i];
                p[m] = Math.min(Math.max(pt[i], ptMin), ptMax);
                m++;
            }
        }
        double[][] w = new double[3][];
        Variation[] vs = {Variation.NOMINAL, Variation.UP, Variation.DOWN};
        for (int v = 0; v < 3; v++) {
            double[] sf = m == 0 ? new double[0] : evaluate(vs[v], e, p, m);
            double[] perObject = new double[to];
            java.util.Arrays.fill(perObject, 1.0);
            for (int k = 0; k < m; k++) {
                perObject[idx[k]] = sf[k];
            }
            double[] ev = new double[events];
            for (int ei = 0; ei < events; ei++) {
                double prod = 1.0;
                for (int i = offsets[ei]; i < offsets[ei + 1]; i++) {
                    prod *= perObject[i];
                }
                ev[ei] = prod;
            }
            w[v] = ev;
        }
        return new EventWeights(w[0], w[1], w[2]);
    }

    private static List<String> names(Corrector c) {
        return c.inputs().stream().map(Variable::name).toList();
    }

    @Override
    public String toString() {
        return "ObjectScaleFactors[" + corrector.name() + " " + keys + " " + constants + "]";
    }
}
