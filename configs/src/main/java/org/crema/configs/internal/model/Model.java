package org.crema.configs.internal.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crema.configs.Diagnostic;
import org.crema.configs.internal.expr.Compiled;
import org.crema.hist.Axis;
import org.crema.processor.Categories;
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
 * @param warnings systematics lint
 */
public record Model(String name, Map<String, Object> parameters, Map<String, Double> luminosity, Fileset fileset,
        Schema schema, Map<String, List<String>> inputFields, List<Cut> skim,
        Map<String, org.crema.configs.internal.calib.JetCalibration> calibrations, List<Variation> variations,
        List<ObjectDef> objects, List<Var> variables, List<Cut> preselection, List<Cut> cuts, Categories categories,
        List<WeightDef> weights, List<HistDef> histograms, List<Diagnostic> warnings) {

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
     * @param type {@code scale}, {@code jer} or {@code jes}
     * @param collection input collection varied
     * @param field field scaled ({@code scale})
     * @param shift relative shift: up multiplies by {@code 1 + shift}, down by {@code 1 - shift}
     * @param sources JES sources ({@code jes}): one pair {@code name_sourceUp/Down} each
     * @param datasets datasets it runs for (empty = all simulation)
     * @param samples samples it runs for (empty = all)
     */
    public record Variation(String name, String type, String collection, String field, double shift,
            List<String> sources, Set<String> datasets, Set<String> samples) {
        /** @return the shape variation names, in run order */
        public List<String> names() {
            List<String> out = new java.util.ArrayList<>();
            if (type.equals("jes")) {
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
     */
    public record WeightDef(String name, Compiled value, Compiled up, Compiled down,
            Map<String, Compiled[]> sources, Set<String> datasets, Set<String> samples) {
    }

    /**
     * A histogram.
     *
     * @param name its name
     * @param axis the observable's axis
     * @param expr the observable
     * @param categories categories filled (empty = all)
     * @param variations variations filled besides nominal (null = all)
     */
    public record HistDef(String name, Axis axis, Compiled expr, Set<String> categories, Set<String> variations) {
    }
}
