package org.crema.io.internal.tree;

/**
 * A basket serialised inside its branch in the tree record (fBaskets) rather than in its own key:
 * typically the last, unflushed basket of each branch.
 *
 * @param entries number of entries (fNevBuf)
 * @param data the basket's data region, {@code border} bytes
 * @param entryOffsets start of each entry relative to the data region, or null for fixed-size entries
 */
public record EmbeddedBasket(int entries, byte[] data, int[] entryOffsets) {
}
