package org.crema.io.internal.tree;

/**
 * A basket serialised inside its branch in the tree record (the branch's {@code fBaskets} array)
 * rather than in its own key: the in-memory basket that was not yet flushed when the tree was
 * written, after the keyed ones, or the only one of a tree that was never flushed.
 *
 * @param slot the basket's index in the branch's basket tables ({@code fBasketEntry[slot]} is its
 *     first entry)
 * @param entries number of entries (fNevBuf)
 * @param data the basket's data region
 * @param entryOffsets start of each entry relative to the data region, or null for fixed-size entries
 */
public record EmbeddedBasket(int slot, int entries, byte[] data, int[] entryOffsets) {
}
