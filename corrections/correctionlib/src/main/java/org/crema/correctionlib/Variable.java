package org.crema.correctionlib;

import java.util.Objects;

/**
 * A named, typed input or output of a correction.
 *
 * @param name the name inputs are bound by
 * @param type real, int or string
 * @param description free text, empty when the file has none
 */
public record Variable(String name, VariableType type, String description) {
    /** Checks that no component is null. */
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
