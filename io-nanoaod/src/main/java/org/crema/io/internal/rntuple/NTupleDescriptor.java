package org.crema.io.internal.rntuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crema.io.internal.source.FileSource;

/**
 * Everything known about one RNTuple before reading pages: anchor, header (name, description,
 * writer, schema), footer (schema extension, cluster groups) and every cluster group's page list.
 * Immutable once read; page lists are small next to the data, so all of them are read at open.
 */
public final class NTupleDescriptor {
    private final String name;
    private final String description;
    private final String writer;
    private final Anchor anchor;
    private final Schema schema;
    private final List<ClusterGroup> groups;
    private final List<ClusterDescriptor> clusters;
    private final long entries;

    private NTupleDescriptor(String name, String description, String writer, Anchor anchor, Schema schema,
            List<ClusterGroup> groups, List<ClusterDescriptor> clusters) {
        this.name = name;
        this.description = description;
        this.writer = writer;
        this.anchor = anchor;
        this.schema = schema;
        this.groups = groups;
        this.clusters = clusters;
        long n = 0;
        for (ClusterDescriptor c : clusters) {
            n = Math.max(n, c.firstEntry() + c.entries());
        }
        this.entries = n;
    }

    /**
     * Reads header, footer and page lists.
     *
     * @param source the file
     * @param anchor the anchor
     * @param where context naming file and ntuple
     * @return the descriptor
     */
    public static NTupleDescriptor read(FileSource source, Anchor anchor, NTupleContext where) {
        if (anchor.maxKeySize() > 0 && (anchor.nbytesHeader() > anchor.maxKeySize()
                || anchor.nbytesFooter() > anchor.maxKeySize())) {
            throw where.unsupported("envelopes split across several RBlobs (larger than fMaxKeySize "
                    + anchor.maxKeySize() + ")");
        }
        byte[] header = Envelope.read(source, anchor.seekHeader(), anchor.nbytesHeader(), anchor.lenHeader(),
                Envelope.HEADER, where);
        long headerChecksum = EnvelopeBuffer.le64(header, header.length - 8);
        EnvelopeBuffer h = Envelope.payload(header, Envelope.HEADER, where.at(anchor.seekHeader()));
        h.featureFlags();
        String name = h.string();
        String description = h.string();
        String writer = h.string();
        Schema schema = new Schema();
        schema.readDescription(h);

        byte[] footer = Envelope.read(source, anchor.seekFooter(), anchor.nbytesFooter(), anchor.lenFooter(),
                Envelope.FOOTER, where);
        EnvelopeBuffer f = Envelope.payload(footer, Envelope.FOOTER, where.at(anchor.seekFooter()));
        Footer foot = Footer.read(f, schema);
        if (foot.headerChecksum() != headerChecksum) {
            throw where.at(anchor.seekFooter()).format("footer envelope belongs to a header with checksum 0x"
                    + Long.toHexString(foot.headerChecksum()) + ", but the header's checksum is 0x"
                    + Long.toHexString(headerChecksum));
        }
        schema.validate(f);

        List<ClusterDescriptor> clusters = new ArrayList<>();
        long nextId = 0;
        for (ClusterGroup g : foot.groups()) {
            byte[] pl = Envelope.read(source, g.pageListOffset(), g.pageListSize(), g.pageListLength(),
                    Envelope.PAGE_LIST, where);
            EnvelopeBuffer p = Envelope.payload(pl, Envelope.PAGE_LIST, where.at(g.pageListOffset()));
            List<ClusterDescriptor> got = PageList.read(p, headerChecksum, nextId, schema.physicalColumns().size());
            if (got.size() != g.clusterCount()) {
                throw where.at(g.pageListOffset()).format("page list envelope: the cluster group declares "
                        + g.clusterCount() + " clusters, its page list describes " + got.size());
            }
            clusters.addAll(got);
            nextId += got.size();
        }
        clusters.sort((a, b) -> Long.compare(a.firstEntry(), b.firstEntry()));
        return new NTupleDescriptor(name, description, writer, anchor, schema, List.copyOf(foot.groups()),
                Collections.unmodifiableList(clusters));
    }

    /** @return the name stored in the header */
    public String name() {
        return name;
    }

    /** @return the header's description */
    public String description() {
        return description;
    }

    /** @return the writing library, e.g. "ROOT v6.37.01" */
    public String writer() {
        return writer;
    }

    /** @return the anchor */
    public Anchor anchor() {
        return anchor;
    }

    /** @return the schema (header plus extension) */
    public Schema schema() {
        return schema;
    }

    /** @return the cluster groups */
    public List<ClusterGroup> groups() {
        return groups;
    }

    /** @return every cluster ordered by first entry */
    public List<ClusterDescriptor> clusters() {
        return clusters;
    }

    /** @return number of entries */
    public long entries() {
        return entries;
    }
}
