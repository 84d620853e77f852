package org.crema.configs.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key a configuration may use, by section; {@code *} stands for a name the analyst chooses
 * (a dataset, object, weight, histogram…). The loader rejects anything else, and a test checks that
 * docs/configs.md documents exactly these keys.
 */
public final class Keys {
    private Keys() {
    }

    /** Section path → allowed keys, in documentation order. */
    public static final Map<String, List<String>> SECTIONS = sections();

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("", List.of("name", "parameters", "datasets", "skim", "calibrations", "variations", "objects", "variables",
                "preselection", "cuts", "categories", "weights", "histograms", "columns"));
        m.put("datasets", List.of("fileset", "inline", "subsamples", "select"));
        m.put("datasets.inline.*", List.of("files", "treename", "metadata", "subsamples"));
        m.put("datasets.select", List.of("datasets", "samples", "years"));
        m.put("calibrations.*", List.of("type", "jec", "jerResolution", "jerScaleFactor", "jesSources", "rochester",
                "jets"));
        m.put("variations.*", List.of("type", "collection", "field", "shift", "factor", "sources", "up", "down",
                "part", "datasets", "samples"));
        m.put("objects.*", List.of("from", "where", "sortBy", "descending", "cleanAgainst"));
        m.put("categories", List.of("standard", "cartesian"));
        m.put("weights.*", List.of("type", "value", "up", "down", "sources", "collection", "file", "correction",
                "lightCorrection", "year", "workingPoint", "ptRange", "discriminant", "systematics", "threshold",
                "efficiency", "datasets", "samples", "categories"));
        m.put("weights.*.efficiency", List.of("b", "c", "light"));
        m.put("weights.*.sources.*", List.of("up", "down"));
        m.put("histograms.*", List.of("expr", "axis", "categories", "variations"));
        m.put("histograms.*.axis", List.of("type", "name", "label", "bins", "start", "stop", "edges"));
        m.put("columns.*", List.of("category", "format", "values"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** @return every full key path, e.g. {@code objects.*.where} */
    public static List<String> paths() {
        List<String> out = new ArrayList<>();
        SECTIONS.forEach((section, keys) -> {
            for (String k : keys) {
                out.add(section.isEmpty() ? k : section + "." + k);
            }
        });
        return out;
    }
}
