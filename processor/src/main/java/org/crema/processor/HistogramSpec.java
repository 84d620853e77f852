package org.crema.processor;

import java.util.Objects;
import java.util.function.Function;
import org.crema.hist.Axis;

/**
 * A histogram the {@link AnalysisProcessor} fills for every category and variation: its name, the
 * axis of the observable, and how to compute the observable from an {@link AnalysisContext}.
 *
 * <p>The values may be per event (a flat column or array) or per object (a {@code ListColumn}, e.g.
 * the pt of every selected muon); per-event weights and masks are broadcast to objects. The processor
 * adds a {@code category} axis in front and a {@code variation} axis after it, so the histogram is
 * {@code (category, variation, observable)}.
 *
 * @param name histogram name, e.g. {@code dimuonMass}
 * @param axis the observable's axis
 * @param values computes the observable for the context's events
 */
public record HistogramSpec(String name, Axis axis, Function<AnalysisContext, Object> values) {
    /** Rejects nulls. */
    public HistogramSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(values, "values");
    }
}
