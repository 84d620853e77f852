package org.crema.io.internal.rntuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The footer envelope: feature flags, the header's checksum, the schema extension (fields and
 * columns added while writing) and the cluster groups.
 *
 * @param headerChecksum XXH3-64 of the header envelope it belongs to
 * @param groups cluster groups in order
 */
public record Footer(long headerChecksum, List<ClusterGroup> groups) {

    /**
     * Parses the footer and appends its schema extension to {@code schema}.
     *
     * @param b payload cursor
     * @param schema the header's schema, extended in place
     * @return the footer
     */
    static Footer read(EnvelopeBuffer b, Schema schema) {
        b.featureFlags();
        long headerChecksum = b.i64();
        int extensionEnd = b.recordFrame();
        if (b.position() < extensionEnd) {
            schema.readDescription(b);
        }
        b.seek(extensionEnd);
        int[] list = b.listFrame();
        List<ClusterGroup> groups = new ArrayList<>();
        for (int i = 0; i < list[1]; i++) {
            int end = b.recordFrame();
            long minEntry = b.i64();
            long span = b.i64();
            long clusters = b.u32();
            long length = b.i64();
            long[] loc = b.locator();
            b.seek(end);
            groups.add(new ClusterGroup(minEntry, span, clusters, length, loc[0], loc[1]));
        }
        b.seek(list[0]);
        return new Footer(headerChecksum, List.copyOf(groups));
    }
}
