package org.crema.correctionlib.internal;

import java.util.function.Supplier;

/**
 * Replaces a category whose constant input has no matching key: every element fails with the same
 * error, exactly as evaluating the category per element would.
 */
final class FailNode extends Node {
    private final int slot;
    private final Object value;
    private final String problem;
    private final Supplier<String> allowed;

    FailNode(int slot, Object value, String problem, Supplier<String> allowed) {
        this.slot = slot;
        this.value = value;
        this.problem = problem;
        this.allowed = allowed;
    }

    @Override
    public double eval(Frame f, int i) {
        throw new DomainError(slot, value, problem, allowed);
    }
}
