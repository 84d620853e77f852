package org.crema.configs.internal.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crema.configs.Diagnostic;
import org.crema.configs.internal.expr.Compiled;
import org.crema.hist.Axis;
import org.crema.processor.analysis.Categories;
import org.crema.processor.run.Fileset;

/**
 * A loaded, validated and compiled configuration: everything the processor needs per chunk.
 *
 * @param name analysis name
 * @param parameters the resolved parameters (defaults merged with the configuration's)
 * @param luminosity year → integrated luminosity in pb⁻¹
 * @param fileset the datasets (null when compiled inside a processor)
 * @param schema the input branches
 * @param inputFields input collection → the fields any expression reads
 * @param simulationFields input collection → further fields only simulation reads (weights)
 * @param subsamples dataset → subsample name → per-event mask over input branches
 * @param skim skim cuts
 * @param calibrations input collection → its calibration
 * @param variations shape variations
 * @param objects derived collections in order
 * @param variables per-event or per-object variables in order
 * @param preselection preselection cuts
 * @param cuts category cuts
 * @param categories the categories
 * @param weights weights
 * @param histograms histograms
 * @param columns per-event columns saved per category
 * @param warnings systematics lint
 * @param muonCalibrations input collection → its Rochester momentum calibration
 * @param metCalibrations MET branch prefix → the jets it follows
 */
public record Model(String name, Map<String, Object> parameters, Map<String, Double> luminosity, Fileset fileset,
        Schema schema, Map<String, List<String>> inputFields, Map<String, List<String>> simulationFields,
        Map<String, Map<String, Compiled>> subsamples, List<Cut> skim,
        Map<String, org.crema.configs.internal.calib.JetCalibration> calibrations, List<Variation> variations,
        List<ObjectDef> objects, List<Var> variables, List<Cut> preselection, List<Cut> cuts, Categories categories,
        List<WeightDef> weights, List<HistDef> histograms, List<ColumnsDef> columns, List<Diagnostic> warnings,
        Map<String, org.crema.configs.internal.calib.MuonCalibration> muonCalibrations,
        Map<String, org.crema.configs.internal.calib.MetCalibration> metCalibrations) {

    /** @param other datasets @return this model over those datasets */
    public Model withFileset(Fileset other) {
        return new Model(name, parameters, luminosity, other, schema, inputFields, simulationFields, subsamples, skim,
                calibrations, variations, objects, variables, preselection, cuts, categories, weights, histograms,
                columns, warnings, muonCalibrations,
                metCalibrations);
    }

    /**
     * @param simulation true for simulated datasets
     * @return input collection → every field read for that kind of dataset
     */
    public Map<String, List<String>> fields(boolean simulation) {
        if (!simulation || simulationFields.isEmpty()) {
            return inputFields;
        }
        Map<String, List<String>> out = new java.util.LinkedHashMap<>(inputFields);
        simulationFields.forEach((c, f) -> {
            List<String> all = new java.util.ArrayList<>(out.getOrDefault(c, List.of()));
            all.addAll(f);
            out.put(c, List.copyOf(all));
        });
        return out;
    }

    /** A named event cut. */
    public record Cut(String name, Compiled expr) {
    }

    /** A named variable. */
    public record Var(String name, Compiled expr) {
    }

    /**
     * A shape variation pair {@code nameUp}/{@code nameDown}.
     *
     * @param name base name
     * @param type {@code scale}, {@code jer}, {@code jes}, {@code rochester} or {@code expression}
     * @param collection input collection varied
     * @param field field scaled ({@code scale}) or replaced ({@code expression})
     * @param shift relative shift: up multiplies by {@code 1 + shift}, down by {@code 1 - shift}
     * @param factor one-sided {@code scale}: the factor of the single variation {@code name} (NaN for a pair)
     * @param sources JES sources ({@code jes}): one pair {@code name_sourceUp/Down} each
     * @param datasets datasets it runs for (empty = all simulation)
     * @param samples samples it runs for (empty = all)
     * @param up {@code expression}: the field's new value per object in {@code nameUp} (null = none)
     * @param down {@code expression}: the field's new value per object in {@code nameDown} (null = none);
     *     with only one of the two, the single variation {@code name} uses it
     * @param part {@code rochester}: which RoccoR sets δk sums
     */
    public record Variation(String name, String type, String collection, String field, double shift,
            double factor, List<String> sources, Set<String> datasets, Set<String> samples, Compiled up,
            Compiled down, org.crema.configs.internal.calib.MuonCalibration.Part part) {

        /** A variation without an expression or a Rochester part. */
        public Variation(String name, String type, String collection, String field, double shift, double factor,
                List<String> sources, Set<String> datasets, Set<String> samples) {
            this(name, type, collection, field, shift, factor, sources, datasets, samples, null, null,
                    org.crema.configs.internal.calib.MuonCalibration.Part.TOTAL);
        }

        /** @return true for a single variation named {@code name}, without {@code Up}/{@code Down} */
        public boolean oneSided() {
            return !Double.isNaN(factor) || type.equals("expression") && (up == null || down == null);
        }

        /**
         * @param variation a shape variation name
         * @return the expression giving the field's values in that variation, or null when it is not one of
         *     this expression variation's names
         */
        public Compiled expressionFor(String variation) {
            if (!type.equals("expression")) {
                return null;
            }
            if (oneSided()) {
                return variation.equals(name) ? (up != null ? up : down) : null;
            }
            return variation.equals(name + "Up") ? up : variation.equals(name + "Down") ? down : null;
        }

        /** @return the shape variation names, in run order */
        public List<String> names() {
            List<String> out = new java.util.ArrayList<>();
            if (oneSided()) {
                out.add(name);
            } else if (type.equals("jes")) {
                for (String s : sources) {
                    out.add(name + "_" + s + "Up");
                    out.add(name + "_" + s + "Down");
                }
            } else {
                out.add(name + "Up");
                out.add(name + "Down");
            }
            return out;
        }
    }

    /**
     * A derived collection.
     *
     * @param name its name
     * @param from source collection
     * @param where per-object mask (null = keep all)
     * @param sortBy per-object key (null = keep order)
     * @param descending sort order
     * @param cleanAgainst collection → ΔR below which an object is dropped
     */
    public record ObjectDef(String name, String from, Compiled where, Compiled sortBy, boolean descending,
            Map<String, Double> cleanAgainst) {
    }

    /**
     * A weight factor, applied to simulation.
     *
     * @param name factor name; variations {@code nameUp}/{@code nameDown}
     * @param value nominal
     * @param up up variation (null = none)
     * @param down down variation (null = none)
     * @param sources source → (up, down): independent variations {@code name_sourceUp/Down}
     * @param datasets datasets it applies to (empty = all)
     * @param samples samples it applies to (empty = all)
     * @param standard a correction-file weight ({@code type:} pileup, muonSF, …), or null for an
     *     expression weight (then {@code value} is set)
     * @param categories categories it applies to (empty = all)
     */
    public record WeightDef(String name, Compiled value, Compiled up, Compiled down,
            Map<String, Compiled[]> sources, Set<String> datasets, Set<String> samples,
            org.crema.configs.internal.weights.StandardWeight standard, Set<String> categories) {
    }

    /**
     * A histogram.
     *
     * @param name its name
     * @param axis the observable's axis
     * @param expr the observable
     * @param axis2 the second axis of a 2-D histogram, else null
     * @param expr2 the second observable of a 2-D histogram, else null
     * @param categories categories filled (empty = all)
     * @param variations variations filled besides nominal (null = all)
     */
    public record HistDef(String name, Axis axis, Compiled expr, Axis axis2, Compiled expr2, Set<String> categories,
            Set<String> variations) {
    }

    /**
     * Per-event columns saved for the events of one category, one file per dataset.
     *
     * @param name output name: files {@code columns/NAME/DATASET.parquet} (or {@code .arrow})
     * @param category the category whose events are saved (null = every preselected event)
     * @param format {@code parquet} or {@code arrow}
     * @param values column name → per-event expression, in file order
     */
    public record ColumnsDef(String name, String category, String format, java.util.SequencedMap<String, Compiled> values) {
        /** @return the accumulator key of its rows */
        public String key() {
            return "columns:" + name;
        }
    }
}
