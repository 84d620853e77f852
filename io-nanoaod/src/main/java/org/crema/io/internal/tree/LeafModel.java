package org.crema.io.internal.tree;

/**
 * A TLeaf as stored: its concrete class ({@code TLeafF}, {@code TLeafI}, …), name, title, fixed
 * length and signedness, and the counter leaf ({@code fLeafCount}) that makes it jagged.
 *
 * @param className concrete leaf class
 * @param name leaf name
 * @param title leaf title, e.g. {@code Jet_pt[nJet]}
 * @param len fixed number of values per entry (1 for scalars)
 * @param unsigned the {@code fIsUnsigned} flag
 * @param count the counter leaf or null
 */
public record LeafModel(String className, String name, String title, int len, boolean unsigned, LeafModel count) {
}
