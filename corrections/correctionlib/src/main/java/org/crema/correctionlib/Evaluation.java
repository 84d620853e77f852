package org.crema.correctionlib;

import java.util.List;

/**
 * The result of a vectorised evaluation under {@link ErrorPolicy#COLLECT}.
 *
 * @param values one output per element; NaN where the element failed
 * @param errors the failing elements in increasing index order (empty when none failed)
 */
public record Evaluation(double[] values, List<ElementError> errors) {
    /** Makes {@code errors} unmodifiable. */
    public Evaluation {
        errors = List.copyOf(errors);
    }

    /** @return whether every element was evaluated */
    public boolean ok() {
        return errors.isEmpty();
    }

    /**
     * One failing element.
     *
     * @param index element index within the chunk
     * @param message names the correction, the input, the value and the allowed range
     */
    public record ElementError(int index, String message) {
    }
}
