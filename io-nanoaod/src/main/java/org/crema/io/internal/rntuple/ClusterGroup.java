package org.crema.io.internal.rntuple;

/**
 * A cluster group record of the footer: entry range, cluster count and the link to its page list
 * envelope.
 *
 * @param minEntry first entry of the group
 * @param entrySpan entries covered
 * @param clusterCount clusters in the group
 * @param pageListLength uncompressed size of the page list envelope
 * @param pageListOffset byte offset of the stored page list envelope
 * @param pageListSize stored bytes of the page list envelope
 */
public record ClusterGroup(long minEntry, long entrySpan, long clusterCount, long pageListLength,
        long pageListOffset, long pageListSize) {
}
