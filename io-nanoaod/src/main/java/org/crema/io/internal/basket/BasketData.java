package org.crema.io.internal.basket;

/**
 * One basket's uncompressed data region and entry boundaries.
 *
 * @param data bytes; the data region is {@code [0, border)}
 * @param border end of the data region
 * @param entries number of entries in the basket
 * @param entryOffsets {@code entries + 1} byte offsets of entry starts within the data region (last =
 *     border), or null when every entry has the same size
 * @param payloadBytes uncompressed size of the whole basket payload (data plus entry-offset table)
 */
public record BasketData(byte[] data, int border, int entries, int[] entryOffsets, int payloadBytes) {
}
