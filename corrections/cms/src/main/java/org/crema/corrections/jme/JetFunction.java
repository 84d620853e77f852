package org.crema.corrections.jme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crema.correctionlib.Corrector;
import org.crema.correctionlib.Inputs;
import org.crema.correctionlib.Variable;
import org.crema.correctionlib.VariableType;
import org.crema.corrections.CorrectionLookupException;
import org.crema.corrections.text.TextCorrection;
import org.crema.corrections.text.TextJerScaleFactor;
import org.crema.corrections.text.TextUncertainty;

/**
 * A per-jet quantity computed from named per-jet columns: a JEC level or compound, a JER
 * resolution or scale factor, a JES uncertainty. Inputs are bound by name, using the names of the
 * JetMET files: {@link #JET_PT}, {@link #JET_ETA}, {@link #JET_A} (area), {@link #RHO}, {@link
 * #JET_PHI}, {@link #JET_E}, {@link #JET_MASS}. Text files and correctionlib files implement the
 * same interface, so the kernels ({@link JetEnergyCorrection}, {@link JetSmearing}, {@link
 * JesVariations}) do not care where a correction comes from.
 *
 * <p>Implementations are immutable and thread-safe; {@code evaluate} allocates only scratch space.
 */
public interface JetFunction {
    /** Jet transverse momentum (GeV). */
    String JET_PT = "JetPt";
    /** Jet pseudorapidity. */
    String JET_ETA = "JetEta";
    /** Jet azimuth. */
    String JET_PHI = "JetPhi";
    /** Jet catchment area. */
    String JET_A = "JetA";
    /** Median energy density of the event, broadcast to its jets. */
    String RHO = "Rho";
    /** Jet energy (GeV). */
    String JET_E = "JetE";
    /** Jet mass (GeV). */
    String JET_MASS = "JetMass";

    /** @return the column names this function reads */
    List<String> inputs();

    /**
     * @param columns name → per-jet values; must contain every name of {@link #inputs()}
     * @param n number of jets
     * @param out receives one value per jet
     * @throws CorrectionLookupException when an input column is missing
     */
    void evaluate(Map<String, double[]> columns, int n, double[] out);

    /**
     * Looks up the columns a function needs, with a message listing what is missing.
     *
     * @param function the caller (for the message)
     * @param columns the available columns
     * @param names the names needed
     * @param n minimum length
     * @return the columns in {@code names} order
     */
    static double[][] columnsFor(Object function, Map<String, double[]> columns, List<String> names, int n) {
        double[][] out = new double[names.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] c = columns.get(names.get(i));
            if (c == null) {
                throw new CorrectionLookupException(function + ": input column '" + names.get(i) + "' is missing; have "
                        + columns.keySet());
            }
            if (c.length < n) {
                throw new IllegalArgumentException(function + ": input column '" + names.get(i) + "' has " + c.length
                        + " values, need " + n);
            }
            out[i] = c;
        }
        return out;
    }

    /**
     * @param correction a JEC level or JER resolution from a text file
     * @return it as a jet function
     */
    static JetFunction of(TextCorrection correction) {
        return new JetFunction() {
            @Override
            public List<String> inputs() {
                return correction.inputs();
            }

            @Override
            public void evaluate(Map<String, double[]> columns, int n, double[] out) {
                correction.evaluate(columnsFor(correction, columns, correction.inputs(), n), n, out);
            }

            @Override
            public String toString() {
                return correction.toString();
            }
        };
    }

    /**
     * A JES uncertainty δ (the up column; text files are symmetric). Points outside every record
     * ({@link TextUncertainty#NO_RECORD}) give δ = 0, i.e. no variation, rather than a factor of
     * −998.
     *
     * @param uncertainty a JES source from a text file
     * @return δ per jet
     */
    static JetFunction of(TextUncertainty uncertainty) {
        return new TextUncertaintyFunction(uncertainty);
    }

    /**
     * @param scaleFactor a JER scale factor from a text file
     * @param variation which column
     * @return the scale factor per jet
     */
    static JetFunction of(TextJerScaleFactor scaleFactor, Variation variation) {
        return new TextScaleFactorFunction(scaleFactor, variation);
    }

    /**
     * A correctionlib correction or compound (JEC level or {@code L1L2L3Res} compound, {@code
     * PtResolution}, {@code ScaleFactor}, a JES source) as a jet function. Real inputs are bound by
     * name to the columns ({@code JetPt}, {@code JetEta}, {@code JetA}, {@code Rho}, …); string
     * inputs (e.g. {@code systematic}) are fixed by {@code constants}.
     *
     * @param corrector from {@code CorrectionSet.correction(name)} or {@code .compound(name)}
     * @param constants string input name → value, e.g. {@code Map.of("systematic", "nom")}
     * @return the function
     * @throws CorrectionLookupException when a string input has no constant
     */
    static JetFunction of(Corrector corrector, Map<String, String> constants) {
        List<String> names = new ArrayList<>();
        for (Variable v : corrector.inputs()) {
            if (constants.containsKey(v.name())) {
                continue;
            }
            if (v.type() == VariableType.STRING) {
                throw new CorrectionLookupException("correction '" + corrector.name() + "': string input '" + v.name()
                        + "' needs a constant (e.g. Map.of(\"" + v.name() + "\", \"nom\"))");
            }
            names.add(v.name());
        }
        List<String> inputs = List.copyOf(names);
        Map<String, String> fixed = Map.copyOf(constants);
        return new JetFunction() {
            @Override
            public List<String> inputs() {
                return inputs;
            }

            @Override
            public void evaluate(Map<String, double[]> columns, int n, double[] out) {
                double[][] cols = columnsFor(corrector.name(), columns, inputs, n);
                Inputs bound = corrector.bind();
                for (int i = 0; i < cols.length; i++) {
                    bound.column(inputs.get(i), cols[i]);
                }
                fixed.forEach(bound::constant);
                bound.evaluateInto(n, out);
            }

            @Override
            public String toString() {
                return "correctionlib " + corrector.name() + (fixed.isEmpty() ? "" : " " + fixed);
            }
        };
    }

    /**
     * Chains JEC levels as CMSSW's {@code FactorizedJetCorrector} does: level {@code i} is
     * evaluated at the pt (and energy, when given) already corrected by levels {@code 0..i-1}; the
     * result is the product of all levels.
     *
     * @param levels e.g. L1FastJet, L2Relative, L3Absolute (and L2L3Residual for data)
     * @return the total factor per jet, as a function of the uncorrected inputs
     */
    static JetFunction chain(List<JetFunction> levels) {
        List<JetFunction> copy = List.copyOf(levels);
        List<String> names = new ArrayList<>();
        for (JetFunction f : copy) {
            for (String s : f.inputs()) {
                if (!names.contains(s)) {
                    names.add(s);
                }
            }
        }
        List<String> inputs = List.copyOf(names);
        return new JetFunction() {
            @Override
            public List<String> inputs() {
                return inputs;
            }

            @Override
            public void evaluate(Map<String, double[]> columns, int n, double[] out) {
                Map<String, double[]> local = new HashMap<>(columns);
                double[] pt0 = columns.get(JET_PT);
                double[] e0 = columns.get(JET_E);
                double[] pt = pt0 == null ? null : java.util.Arrays.copyOf(pt0, n);
                double[] e = e0 == null ? null : java.util.Arrays.copyOf(e0, n);
                if (pt != null) {
                    local.put(JET_PT, pt);
                }
                if (e != null) {
                    local.put(JET_E, e);
                }
                double[] level = new double[n];
                java.util.Arrays.fill(out, 0, n, 1.0);
                for (int k = 0; k < copy.size(); k++) {
                    copy.get(k).evaluate(local, n, level);
                    boolean last = k == copy.size() - 1;
                    for (int i = 0; i < n; i++) {
                        out[i] *= level[i];
                    }
                    if (!last) {
                        // Later levels see the pt corrected so far, updated one level at a time as
                        // FactorizedJetCorrector and correctionlib's compound (input_op "*") do.
                        for (int i = 0; i < n; i++) {
                            if (pt != null) {
                                pt[i] *= level[i];
                            }
                            if (e != null) {
                                e[i] *= level[i];
                            }
                        }
                    }
                }
            }

            @Override
            public String toString() {
                return "chain" + copy;
            }
        };
    }
}
