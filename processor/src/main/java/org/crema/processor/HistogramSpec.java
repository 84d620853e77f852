package org.crema.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.crema.hist.Axis;

/**
 * A histogram the {@link AnalysisProcessor} fills for every category and variation: its name, the
 * axis of the observable, and how to compute the observable from an {@link AnalysisContext}.
 *
 * <p>The values may be per event (a flat column or array) or per object (a {@code ListColumn}, e.g.
 * the pt of every selected jet): per-event weights and masks are broadcast to the objects, so every
 * object is filled with its event's weight. The processor adds a {@code category} axis in front and
 * a {@code variation} axis after it, so the histogram is {@code (category, variation, observable)}.
 *
 * <p>An observable may differ by category ({@link #perCategory}): the AGC fills H<sub>T</sub> in
 * {@code 4j1b} and the trijet mass in {@code 4j2b} into one histogram.
 *
 * <pre>{@code
 * new HistogramSpec("jetPt", RegularAxis.of("pt", 50, 0, 500), ctx -> ctx.get("GoodJet", Jets.class).pt());
 * HistogramSpec.perCategory("observable", axis, Map.of("4j1b", ctx -> ctx.variable("HT"),
 *         "4j2b", ctx -> ctx.variable("mbjj")));
 * }</pre>
 *
 * @param name histogram name, e.g. {@code dimuonMass}
 * @param axis the observable's axis
 * @param values computes the observable for the categories not in {@code byCategory}; null to fill
 *     only those
 * @param byCategory category name → the observable in that category (may be empty)
 */
public record HistogramSpec(String name, Axis axis, Function<AnalysisContext, Object> values,
        Map<String, Function<AnalysisContext, Object>> byCategory) {
    /** Rejects nulls (except {@code values} when {@code byCategory} is not empty) and copies the map. */
    public HistogramSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(axis, "axis");
        byCategory = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byCategory,
                "byCategory")));
        if (values == null && byCategory.isEmpty()) {
            throw new IllegalArgumentException("histogram '" + name + "' needs values for some category");
        }
    }

    /**
     * The same observable in every category.
     *
     * @param name histogram name
     * @param axis the observable's axis
     * @param values computes the observable
     */
    public HistogramSpec(String name, Axis axis, Function<AnalysisContext, Object> values) {
        this(name, axis, Objects.requireNonNull(values, "values"), Map.of());
    }

    /**
     * A histogram whose observable depends on the category; categories not in the map are not filled.
     *
     * @param name histogram name
     * @param axis the observable's axis
     * @param byCategory category name → observable, in any order
     * @return the spec
     */
    public static HistogramSpec perCategory(String name, Axis axis,
            Map<String, Function<AnalysisContext, Object>> byCategory) {
        return new HistogramSpec(name, axis, null, byCategory);
    }

    /**
     * @param category a category name
     * @return the observable for that category, or null when it is not filled there
     */
    public Function<AnalysisContext, Object> valuesFor(String category) {
        Function<AnalysisContext, Object> f = byCategory.get(category);
        return f != null ? f : values;
    }
}
