package org.crema.io.rntuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.ElementType;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.ShortColumn;
import org.crema.io.NameSuggestions;
import org.crema.io.RootException;
import org.crema.io.internal.rntuple.ClusterDescriptor;
import org.crema.io.internal.rntuple.ColumnDescriptor;
import org.crema.io.internal.rntuple.ColumnType;
import org.crema.io.internal.rntuple.FieldDescriptor;
import org.crema.io.internal.rntuple.FieldTree;
import org.crema.io.internal.rntuple.NTupleContext;
import org.crema.io.internal.rntuple.NTupleDescriptor;
import org.crema.io.internal.rntuple.PageRange;
import org.crema.io.internal.rntuple.PageSource;

/**
 * One RNTuple of an open file: its schema, clusters and entries, and reads of one leaf field (or a
 * collection's offsets) over an entry range into the same primitive columns the TTree reader
 * returns: a flat column for one value per entry, a {@code ListColumn} for a collection member.
 *
 * <p>Thread-safe and immutable once opened: any number of threads may read fields at once. Each
 * read fetches and decodes only the pages that hold the range; with an {@link Executor} the pages of
 * one read are decompressed in parallel.
 *
 * <pre>{@code
 * try (RNTupleReader reader = RNTupleReader.open(Path.of("nano.root"))) {
 *     RNTuple events = reader.ntuple("Events");
 *     ListColumn<?> jetPt = (ListColumn<?>) events.read("Jet._0.pt", 0, events.entries());
 *     int[] offsets = events.readOffsets("Jet", 0, events.entries());
 * }
 * }</pre>
 */
public final class RNTuple {
    private final NTupleDescriptor descriptor;
    private final FieldTree tree;
    private final PageSource pages;
    private final NTupleContext context;
    private final List<FieldInfo> fields;
    private final List<FieldInfo> leaves;
    private final List<ClusterInfo> clusters;
    // The members of a collection share its index column: reading Jet._0.pt, Jet._0.eta, ... for
    // the same range would decode the same offsets once per member. A few recent results are kept.
    private final Map<OffsetsKey, Offsets> recentOffsets = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<OffsetsKey, Offsets> eldest) {
            return size() > 16;
        }
    };

    private record OffsetsKey(int column, long from, long to) {
    }

    /**
     * Offsets of an entry range, shared read-only between list columns, and where the range's items
     * lie in each cluster it touches.
     *
     * @param offsets zero-based offsets, {@code to - from + 1}
     * @param clusters index (in entry order) of each cluster the range touches
     * @param localStart first item of the range in each of those clusters, counted from the cluster's first item
     * @param localEnd end item of the range in each of those clusters
     * @param destStart position of each cluster's first item of the range in the result
     */
    private record Offsets(int[] offsets, int[] clusters, long[] localStart, long[] localEnd, int[] destStart) {
    }

    RNTuple(NTupleDescriptor descriptor, PageSource pages, NTupleContext context) {
        this.descriptor = descriptor;
        this.tree = new FieldTree(descriptor.schema());
        this.pages = pages;
        this.context = context;
        List<FieldInfo> all = new ArrayList<>();
        List<FieldInfo> leafList = new ArrayList<>();
        for (FieldDescriptor f : descriptor.schema().fields()) {
            if (tree.name(f.id()) == null) {
                continue;
            }
            FieldInfo info = info(f);
            all.add(info);
            if (info.leaf()) {
                leafList.add(info);
            }
        }
        this.fields = List.copyOf(all);
        this.leaves = List.copyOf(leafList);
        List<ClusterInfo> cl = new ArrayList<>();
        for (ClusterDescriptor c : descriptor.clusters()) {
            cl.add(new ClusterInfo(c.id(), c.firstEntry(), c.entries()));
        }
        this.clusters = List.copyOf(cl);
    }

    private FieldInfo info(FieldDescriptor f) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (ColumnDescriptor c : tree.columns(f.id())) {
            cols.add(new ColumnInfo(c.physicalId(), c.typeName(), c.bits(), c.representation(), c.alias(),
                    c.firstElement()));
        }
        FieldTree.Leaf leaf = tree.leaf(f.id());
        boolean isLeaf = leaf != null;
        String source = f.projected() ? tree.name(f.sourceFieldId()) : null;
        boolean jagged = isLeaf && leaf.unsupported() == null && leaf.indexColumn() != null;
        return new FieldInfo(f.id(), tree.name(f.id()), f.name(), f.typeName(), f.typeAlias(), f.description(),
                Structure.of(f.role()), f.projected(), source, List.copyOf(cols), isLeaf,
                isLeaf ? leaf.elementType() : null, jagged, jagged ? tree.name(leaf.collectionId()) : null,
                isLeaf ? leaf.unsupported() : null);
    }

    /** @return the ntuple's name */
    public String name() {
        return descriptor.name();
    }

    /** @return "file F, ntuple N", the context every message about this ntuple starts with */
    public String location() {
        return context.describe();
    }

    /** @return the ntuple's description */
    public String description() {
        return descriptor.description();
    }

    /** @return the library that wrote it, e.g. "ROOT v6.37.01" */
    public String writer() {
        return descriptor.writer();
    }

    /** @return the anchor's format version, e.g. "1.0.0.2" */
    public String formatVersion() {
        return descriptor.anchor().formatVersion();
    }

    /** @return number of entries */
    public long entries() {
        return descriptor.entries();
    }

    /** @return number of cluster groups */
    public int clusterGroupCount() {
        return descriptor.groups().size();
    }

    /** @return clusters in entry order */
    public List<ClusterInfo> clusters() {
        return clusters;
    }

    /** @return every field (parents and leaves) in field id order */
    public List<FieldInfo> fields() {
        return fields;
    }

    /** @return every leaf field in field id order (the fields {@link #read} takes) */
    public List<FieldInfo> leafFields() {
        return leaves;
    }

    /**
     * @param name full dotted name, e.g. {@code Jet._0.pt}, {@code Jet} or {@code MET.pt}
     * @return the field
     * @throws org.crema.io.RootFormatException if there is no such field (the message suggests close names)
     */
    public FieldInfo field(String name) {
        int id = tree.id(Objects.requireNonNull(name, "name"));
        if (id < 0) {
            List<String> close = NameSuggestions.closest(name, tree.names(), 5);
            throw context.format("no field named '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        }
        for (FieldInfo f : fields) {
            if (f.id() == id) {
                return f;
            }
        }
        throw new IllegalStateException(name);
    }

    /**
     * Reads a leaf field for entries {@code [from, to)} on the calling thread.
     *
     * @param field full dotted name of a leaf field
     * @param from first entry
     * @param to end entry (exclusive)
     * @return a new primitive column (one value per entry) or {@code ListColumn} of one (a collection member)
     */
    public Column read(String field, long from, long to) {
        return read(field, from, to, null);
    }

    /**
     * Reads a leaf field for entries {@code [from, to)}, decompressing and decoding its pages on
     * {@code executor} (null: the calling thread). The result owns fresh arrays (a copy).
     *
     * @param field full dotted name of a leaf field
     * @param from first entry
     * @param to end entry (exclusive)
     * @param executor runs page decoding tasks, or null
     * @return a new primitive column (one value per entry) or {@code ListColumn} of one (a collection member)
     * @throws org.crema.io.UnsupportedRootFeatureException for fields this reader cannot decode
     * @throws org.crema.io.RootFormatException for corrupt data, naming file, ntuple, field, column and page
     */
    public Column read(String field, long from, long to, Executor executor) {
        FieldTree.Leaf leaf = leafFor(field);
        checkRange(from, to);
        NTupleContext where = context.withField(leaf.name());
        try {
            if (leaf.cardinality()) {
                int[] offsets = offsets(leaf.valueColumn(), from, to, executor, where).offsets();
                int n = offsets.length - 1;
                if (leaf.elementType() == ElementType.UINT64) {
                    long[] counts = new long[n];
                    for (int i = 0; i < n; i++) {
                        counts[i] = offsets[i + 1] - offsets[i];
                    }
                    return LongColumn.ofUnsigned(counts);
                }
                int[] counts = new int[n];
                for (int i = 0; i < n; i++) {
                    counts[i] = offsets[i + 1] - offsets[i];
                }
                return IntColumn.ofUnsigned(counts);
            }
            ColumnDescriptor value = leaf.valueColumn();
            if (leaf.indexColumn() == null) {
                Object values = pages.read(value.physicalId(), value.type(), from, to, executor, where);
                return column(values, value.type(), leaf.elementType(), where);
            }
            Offsets o = offsets(leaf.indexColumn(), from, to, executor, where);
            int[] offsets = o.offsets();
            // Each cluster's items are located through the value column's own element offset in that
            // cluster; a cluster where the (deferred) column has no pages reads as zeros.
            int k = o.clusters().length;
            long[] segFrom = new long[k];
            long[] segTo = new long[k];
            for (int i = 0; i < k; i++) {
                PageRange r = descriptor.clusters().get(o.clusters()[i]).column(value.physicalId());
                long base = r == null || r.suppressed() ? -1 : r.firstElement();
                segFrom[i] = base < 0 ? 0 : base + o.localStart()[i];
                segTo[i] = base < 0 ? 0 : base + o.localEnd()[i];
            }
            Object values = pages.read(value.physicalId(), value.type(), segFrom, segTo, o.destStart(),
                    offsets[offsets.length - 1], executor, where);
            return ListColumn.ofTrusted(offsets, column(values, value.type(), leaf.elementType(), where));
        } catch (RootException e) {
            throw e;
        } catch (RuntimeException e) {
            throw where.format("cannot read entries [" + from + ", " + to + "): " + e, e);
        }
    }

    /**
     * Reads the offsets of a collection field ({@code Jet}, {@code Jet_pt} or {@code LHEPdfWeight}) for
     * entries {@code [from, to)}: entry {@code i}'s items are {@code [offsets[i], offsets[i+1])},
     * counted from the range's first item (so {@code offsets[0] == 0}).
     *
     * @param collection full dotted name of a collection field
     * @param from first entry
     * @param to end entry (exclusive)
     * @return a new {@code int[to - from + 1]}
     */
    public int[] readOffsets(String collection, long from, long to) {
        return readOffsets(collection, from, to, null);
    }

    /**
     * Like {@link #readOffsets(String, long, long)}, decoding pages on {@code executor}.
     *
     * @param collection full dotted name of a collection field
     * @param from first entry
     * @param to end entry (exclusive)
     * @param executor runs page decoding tasks, or null
     * @return a new {@code int[to - from + 1]}
     */
    public int[] readOffsets(String collection, long from, long to, Executor executor) {
        FieldInfo f = field(collection);
        NTupleContext where = context.withField(f.name());
        if (f.structure() != Structure.COLLECTION) {
            throw where.format("is a " + f.structure().name().toLowerCase() + " field, not a collection");
        }
        ColumnDescriptor index = null;
        for (ColumnDescriptor c : tree.columns(f.id())) {
            if (c.representation() == 0 && c.type() != null && c.type().isIndex()) {
                index = c;
                break;
            }
        }
        if (index == null) {
            throw where.format("collection has no index column");
        }
        FieldDescriptor fd = descriptor.schema().fields().get(f.id());
        if (!fd.topLevel() && enclosingCollection(fd)) {
            throw where.unsupported("offsets of a collection nested in another collection");
        }
        checkRange(from, to);
        return offsets(index, from, to, executor, where).offsets().clone();
    }

    /**
     * Stored (compressed) bytes of a field's own columns over the whole ntuple: every page of its
     * physical columns in every cluster, without checksums. For a collection field, its index
     * column. Read from the page lists; no page is touched.
     *
     * @param field full dotted name of any field
     * @return stored bytes, 0 when the field has no columns of its own
     */
    public long storedBytes(String field) {
        FieldInfo f = field(field);
        java.util.Set<Integer> physical = new java.util.HashSet<>();
        for (ColumnDescriptor c : tree.columns(f.id())) {
            physical.add(c.physicalId());
        }
        long total = 0;
        for (ClusterDescriptor c : descriptor.clusters()) {
            for (int id : physical) {
                PageRange r = c.column(id);
                if (r == null || r.suppressed()) {
                    continue;
                }
                for (int p = 0; p < r.pageCount(); p++) {
                    total += r.size(p);
                }
            }
        }
        return total;
    }

    /**
     * The number of items per entry of a collection field.
     *
     * @param collection full dotted name of a collection field
     * @param from first entry
     * @param to end entry (exclusive)
     * @return a new column of {@code to - from} counts
     */
    public IntColumn readCounts(String collection, long from, long to) {
        int[] offsets = readOffsets(collection, from, to);
        int[] counts = new int[offsets.length - 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = offsets[i + 1] - offsets[i];
        }
        return IntColumn.of(counts);
    }

    private boolean enclosingCollection(FieldDescriptor f) {
        List<FieldDescriptor> all = descriptor.schema().fields();
        for (FieldDescriptor p = all.get(f.parentId()); ; p = all.get(p.parentId())) {
            if (p.role() == FieldDescriptor.COLLECTION) {
                return true;
            }
            if (p.topLevel()) {
                return false;
            }
        }
    }

    private FieldTree.Leaf leafFor(String field) {
        FieldInfo f = field(field);
        FieldTree.Leaf leaf = tree.leaf(f.id());
        NTupleContext where = context.withField(f.name());
        if (leaf == null) {
            throw where.format("is a " + f.structure().name().toLowerCase()
                    + " field; read one of its leaf fields, or its offsets with readOffsets");
        }
        if (leaf.unsupported() != null) {
            throw where.unsupported("cannot be read: " + leaf.unsupported());
        }
        return leaf;
    }

    private void checkRange(long from, long to) {
        if (from < 0 || to < from || to > entries()) {
            throw new IndexOutOfBoundsException("entry range [" + from + ", " + to + ") is outside [0, " + entries()
                    + ") of ntuple " + name());
        }
    }

    /** Offsets of entries [from, to) of an index column, from the recent results when possible. */
    private Offsets offsets(ColumnDescriptor index, long from, long to, Executor executor, NTupleContext where) {
        OffsetsKey key = new OffsetsKey(index.physicalId(), from, to);
        synchronized (recentOffsets) {
            Offsets cached = recentOffsets.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Offsets o = decodeOffsets(index, from, to, executor, where);
        synchronized (recentOffsets) {
            recentOffsets.put(key, o);
        }
        return o;
    }

    /**
     * Offsets of entries [from, to) from an index column whose values count items from the start of
     * each cluster: every cluster restarts at zero, so a cluster's first entry begins at item 0.
     */
    private Offsets decodeOffsets(ColumnDescriptor index, long from, long to, Executor executor, NTupleContext where) {
        int n = (int) (to - from);
        int[] out = new int[n + 1];
        if (n == 0) {
            return new Offsets(out, new int[0], new long[0], new long[0], new int[0]);
        }
        long idxFrom = from > 0 ? from - 1 : 0;
        long[] idx = (long[]) pages.read(index.physicalId(), index.type(), idxFrom, to, executor, where);
        List<ClusterDescriptor> cl = descriptor.clusters();
        int first = clusterOf(from);
        int last = clusterOf(to - 1);
        int k = last - first + 1;
        int[] clusters = new int[k];
        long[] localStart = new long[k];
        long[] localEnd = new long[k];
        int[] destStart = new int[k];
        int c = first;
        long total = 0;
        for (long e = from; e < to; e++) {
            boolean clusterStart = e == cl.get(c).firstEntry();
            while (e >= cl.get(c).firstEntry() + cl.get(c).entries()) {
                c++;
                clusterStart = true;
            }
            long start = clusterStart ? 0 : idx[(int) (e - 1 - idxFrom)];
            long end = idx[(int) (e - idxFrom)];
            if (end < start) {
                throw where.withColumn(index.physicalId()).format("offsets decrease at entry " + e + ": " + start
                        + " then " + end + " (corrupt index column)");
            }
            if (e == from || clusterStart) {
                int s = c - first;
                clusters[s] = c;
                localStart[s] = start;
                destStart[s] = (int) total;
            }
            localEnd[c - first] = end;
            total += end - start;
            if (total > Integer.MAX_VALUE - 8) {
                throw where.format("more than 2^31 items in entries [" + from + ", " + to + "); read a smaller range");
            }
            out[(int) (e - from + 1)] = (int) total;
        }
        return new Offsets(out, clusters, localStart, localEnd, destStart);
    }

    private int clusterOf(long entry) {
        List<ClusterDescriptor> cl = descriptor.clusters();
        int lo = 0;
        int hi = cl.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cl.get(mid).firstEntry() <= entry) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static Column column(Object values, ColumnType type, ElementType target, NTupleContext where) {
        ColumnType.Storage storage = type.storage();
        boolean unsigned = target.isUnsigned();
        switch (target) {
            case BOOL -> {
                if (storage == ColumnType.Storage.BOOLEAN) {
                    return BoolColumn.of((boolean[]) values);
                }
                long[] v = widen(values, type);
                boolean[] b = new boolean[v.length];
                for (int i = 0; i < v.length; i++) {
                    b[i] = v[i] != 0;
                }
                return BoolColumn.of(b);
            }
            case INT8, UINT8 -> {
                byte[] b = storage == ColumnType.Storage.BYTE ? (byte[]) values : narrowBytes(widen(values, type));
                return unsigned ? ByteColumn.ofUnsigned(b) : ByteColumn.of(b);
            }
            case INT16, UINT16 -> {
                short[] s;
                if (storage == ColumnType.Storage.SHORT) {
                    s = (short[]) values;
                } else {
                    long[] v = widen(values, type);
                    s = new short[v.length];
                    for (int i = 0; i < v.length; i++) {
                        s[i] = (short) v[i];
                    }
                }
                return unsigned ? ShortColumn.ofUnsigned(s) : ShortColumn.of(s);
            }
            case INT32, UINT32 -> {
                int[] a;
                if (storage == ColumnType.Storage.INT) {
                    a = (int[]) values;
                } else {
                    long[] v = widen(values, type);
                    a = new int[v.length];
                    for (int i = 0; i < v.length; i++) {
                        a[i] = (int) v[i];
                    }
                }
                return unsigned ? IntColumn.ofUnsigned(a) : IntColumn.of(a);
            }
            case INT64, UINT64 -> {
                long[] a = storage == ColumnType.Storage.LONG ? (long[]) values : widen(values, type);
                return unsigned ? LongColumn.ofUnsigned(a) : LongColumn.of(a);
            }
            case FLOAT32 -> {
                if (storage == ColumnType.Storage.FLOAT) {
                    return FloatColumn.of((float[]) values);
                }
                throw where.unsupported("float field stored in a " + type.specName() + " column");
            }
            case FLOAT64 -> {
                if (storage == ColumnType.Storage.DOUBLE) {
                    return DoubleColumn.of((double[]) values);
                }
                if (storage == ColumnType.Storage.FLOAT) {
                    // Double32_t and other doubles written at single precision: widening is exact.
                    float[] f = (float[]) values;
                    double[] d = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        d[i] = f[i];
                    }
                    return DoubleColumn.of(d);
                }
                throw where.unsupported("double field stored in a " + type.specName() + " column");
            }
            default -> throw where.unsupported("element type " + target);
        }
    }

    private static byte[] narrowBytes(long[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** Integer columns read into another integer type (the format's "R" conversions). */
    private static long[] widen(Object values, ColumnType type) {
        boolean unsigned = type.unsigned();
        switch (type.storage()) {
            case BOOLEAN -> {
                boolean[] a = (boolean[]) values;
                long[] v = new long[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = a[i] ? 1 : 0;
                }
                return v;
            }
            case BYTE -> {
                byte[] a = (byte[]) values;
                long[] v = new long[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = unsigned ? a[i] & 0xFF : a[i];
                }
                return v;
            }
            case SHORT -> {
                short[] a = (short[]) values;
                long[] v = new long[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = unsigned ? a[i] & 0xFFFF : a[i];
                }
                return v;
            }
            case INT -> {
                int[] a = (int[]) values;
                long[] v = new long[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = unsigned ? a[i] & 0xFFFFFFFFL : a[i];
                }
                return v;
            }
            case LONG -> {
                return (long[]) values;
            }
            default -> throw new IllegalArgumentException("cannot read a " + type.specName() + " column as an integer");
        }
    }

    @Override
    public String toString() {
        return "RNTuple[" + name() + ", " + entries() + " entries, " + leaves.size() + " leaf fields]";
    }
}
