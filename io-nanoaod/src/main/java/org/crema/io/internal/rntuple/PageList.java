package org.crema.io.internal.rntuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The page list envelope of one cluster group: cluster summaries, then for every cluster, every
 * physical column, the column's pages, element offset and compression setting.
 */
public final class PageList {
    private PageList() {
    }

    /**
     * @param b payload cursor
     * @param headerChecksum checksum of the header this page list must belong to
     * @param firstClusterId id of the group's first cluster
     * @param columnCount physical columns known to the schema
     * @return the group's clusters
     */
    static List<ClusterDescriptor> read(EnvelopeBuffer b, long headerChecksum, long firstClusterId, int columnCount) {
        long checksum = b.i64();
        if (checksum != headerChecksum) {
            throw b.error("belongs to a header with checksum 0x" + Long.toHexString(checksum)
                    + ", but this ntuple's header has 0x" + Long.toHexString(headerChecksum));
        }
        int[] list = b.listFrame();
        long[] first = new long[list[1]];
        long[] entries = new long[list[1]];
        for (int i = 0; i < list[1]; i++) {
            int end = b.recordFrame();
            first[i] = b.i64();
            long word = b.i64();
            entries[i] = word & 0x00FFFFFFFFFFFFFFL;
            int flags = (int) (word >>> 56);
            if ((flags & 0x01) != 0) {
                throw b.error("cluster " + (firstClusterId + i) + " is sharded (flag 0x01), which format 1.0 reserves");
            }
            b.seek(end);
        }
        b.seek(list[0]);
        int[] clusters = b.listFrame();
        if (clusters[1] != first.length) {
            throw b.error(first.length + " cluster summaries but page locations for " + clusters[1] + " clusters");
        }
        List<ClusterDescriptor> out = new ArrayList<>(first.length);
        for (int c = 0; c < clusters[1]; c++) {
            int[] cols = b.listFrame();
            if (cols[1] > columnCount) {
                throw b.error("cluster " + (firstClusterId + c) + " lists pages of " + cols[1]
                        + " columns but the schema has " + columnCount);
            }
            PageRange[] ranges = new PageRange[cols[1]];
            for (int col = 0; col < cols[1]; col++) {
                int[] pages = b.listFrame();
                int n = pages[1];
                int[] elements = new int[n];
                long[] offsets = new long[n];
                long[] sizes = new long[n];
                boolean[] sums = new boolean[n];
                for (int p = 0; p < n; p++) {
                    int ne = b.i32();
                    sums[p] = ne < 0;
                    elements[p] = ne < 0 ? -ne : ne;
                    long[] loc = b.locator();
                    offsets[p] = loc[0];
                    sizes[p] = loc[1];
                }
                long elementOffset = b.i64();
                boolean suppressed = elementOffset < 0;
                int compression = suppressed ? -1 : b.i32();
                b.seek(pages[0]);
                ranges[col] = new PageRange(suppressed ? 0 : elementOffset, suppressed, compression, elements, offsets,
                        sizes, sums);
            }
            b.seek(cols[0]);
            out.add(new ClusterDescriptor(firstClusterId + c, first[c], entries[c], ranges));
        }
        b.seek(clusters[0]);
        return out;
    }
}
