package org.crema.corrections.jme;

/** A systematic direction: the nominal value or one of the two shifted ones. */
public enum Variation {
    /** The central value. */
    NOMINAL,
    /** The upward shift. */
    UP,
    /** The downward shift. */
    DOWN
}
