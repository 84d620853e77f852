package org.crema.corrections.weights;

import org.crema.corrections.jme.Variation;

/**
 * Per-event weights with their up and down variations.
 *
 * @param nominal per event
 * @param up per event
 * @param down per event
 */
public record EventWeights(double[] nominal, double[] up, double[] down) {
    /** Checks that the three arrays have the same length. */
    public EventWeights {
        if (nominal.length != up.length || nominal.length != down.length) {
            throw new IllegalArgumentException("nominal, up and down must have equal lengths: " + nominal.length + ", "
                    + up.length + ", " + down.length);
        }
    }

    /**
     * @param variation which one
     * @return the weights of that variation
     */
    public double[] get(Variation variation) {
        return switch (variation) {
            case NOMINAL -> nominal;
            case UP -> up;
            case DOWN -> down;
        };
    }
}
