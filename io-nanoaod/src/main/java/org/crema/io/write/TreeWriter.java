package org.crema.io.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.ShortColumn;
import org.crema.io.internal.write.FileBuilder;
import org.crema.io.internal.write.TreeStreamer;
import org.crema.io.internal.write.WriteBuffer;

/**
 * Writes one NanoAOD-shaped TTree: flat branches and jagged branches with their counters. Each
 * {@link #append} call adds whole entries; every {@code clusterSize} entries (or fewer, at the end
 * of a call) become one cluster, written at once as one basket per branch. The tree record itself,
 * which lists every basket, is written when the file is closed.
 *
 * <pre>{@code
 * TreeWriter events = writer.tree("Events", "Events", List.of(
 *         BranchSpec.flat("nJet", LeafType.UINT),
 *         BranchSpec.jagged("Jet_pt", LeafType.FLOAT, "nJet")));
 * events.append(Map.of("Jet_pt", jetPt));   // nJet is derived from Jet_pt's offsets
 * }</pre>
 *
 * <p>Not thread-safe; the owning {@link RootWriter} serialises all writes to the file.
 */
public final class TreeWriter {
    private final RootWriter owner;
    private final FileBuilder.Directory dir;
    private final String name;
    private final String title;
    private final int clusterSize;
    private final List<BranchSpec> specs;
    private final List<State> states = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Long> clusters = new ArrayList<>();
    private long entries;
    private boolean finished;

    private static final class State {
        final BranchSpec spec;
        final int counter;
        boolean isCounter;
        long maximum;
        long totBytes;
        long zipBytes;
        final List<int[]> bytes = new ArrayList<>();
        final List<long[]> seeks = new ArrayList<>();
        final List<Long> firstEntries = new ArrayList<>();

        State(BranchSpec spec, int counter) {
            this.spec = spec;
            this.counter = counter;
        }
    }

    TreeWriter(RootWriter owner, FileBuilder.Directory dir, String name, String title, List<BranchSpec> specs,
            int clusterSize) {
        this.owner = owner;
        this.dir = dir;
        this.name = name;
        this.title = title;
        this.clusterSize = clusterSize;
        this.specs = List.copyOf(specs);
        for (BranchSpec s : this.specs) {
            if (index.containsKey(s.name())) {
                throw new IllegalArgumentException("tree '" + name + "': branch '" + s.name() + "' declared twice");
            }
            int counter = -1;
            if (s.isJagged()) {
                Integer c = index.get(s.counter());
                if (c == null) {
                    throw new IllegalArgumentException("tree '" + name + "': counter '" + s.counter() + "' of branch '"
                            + s.name() + "' must be declared before it");
                }
                BranchSpec cs = this.specs.get(c);
                if (cs.isJagged() || !isInteger(cs.type())) {
                    throw new IllegalArgumentException("tree '" + name + "': counter '" + s.counter()
                            + "' must be a flat integer branch, it is " + cs.type().rootName()
                            + (cs.isJagged() ? " jagged" : ""));
                }
                counter = c;
            }
            index.put(s.name(), states.size());
            states.add(new State(s, counter));
            if (counter >= 0) {
                states.get(counter).isCounter = true;
            }
        }
    }

    private static boolean isInteger(LeafType t) {
        return t != LeafType.FLOAT && t != LeafType.DOUBLE && t != LeafType.BOOL;
    }

    /** @return the tree name */
    public String name() {
        return name;
    }

    /** @return the branches, in file order */
    public List<BranchSpec> branches() {
        return specs;
    }

    /** @return entries appended so far */
    public long entries() {
        return entries;
    }

    /**
     * Appends entries. Every branch needs a column of the same length: a primitive column of the
     * branch's element type for a flat branch, a {@code ListColumn} of one for a jagged branch. A
     * counter branch may be omitted: its values are then the list lengths of the branches it counts
     * (which must agree); when given, they must equal those lengths.
     *
     * @param columns branch name → column (a view is fine: only the selected range is written)
     * @return this writer
     * @throws IllegalArgumentException if a column is missing, has the wrong type or length, or a
     *     counter disagrees with its lists (the file is left unchanged)
     */
    public TreeWriter append(Map<String, ? extends Column> columns) {
        if (finished) {
            throw new IllegalStateException("tree '" + name + "' is already written; append before closing the file");
        }
        for (String k : columns.keySet()) {
            if (!index.containsKey(k)) {
                throw new IllegalArgumentException("tree '" + name + "' has no branch '" + k + "'; declared: "
                        + specs.stream().map(BranchSpec::name).toList());
            }
        }
        // Resolve every branch to (offsets, content) before writing anything, so a bad chunk leaves
        // the file as it was.
        int n = -1;
        Map<Integer, int[]> counts = new HashMap<>();
        PrimitiveColumn[] content = new PrimitiveColumn[states.size()];
        int[][] offsets = new int[states.size()][];
        for (int i = 0; i < states.size(); i++) {
            State s = states.get(i);
            if (!s.spec.isJagged()) {
                continue;
            }
            Column c = require(columns, s.spec.name());
            if (!(c instanceof ListColumn<?> list) || !(list.content() instanceof PrimitiveColumn p)) {
                throw new IllegalArgumentException("tree '" + name + "': jagged branch '" + s.spec.name()
                        + "' needs a ListColumn of " + s.spec.type().elementType() + ", got " + describe(c));
            }
            checkType(s.spec, p);
            n = checkLength(n, list.length(), s.spec.name());
            int[] off = new int[list.length() + 1];
            int[] cnt = new int[list.length()];
            for (int e = 0; e < list.length(); e++) {
                off[e] = list.start(e);
                cnt[e] = list.count(e);
            }
            off[list.length()] = list.length() == 0 ? 0 : list.end(list.length() - 1);
            offsets[i] = off;
            content[i] = p;
            int[] prior = counts.putIfAbsent(s.counter, cnt);
            if (prior != null && !java.util.Arrays.equals(prior, cnt)) {
                throw new IllegalArgumentException("tree '" + name + "': branch '" + s.spec.name()
                        + "' has list lengths that differ from other branches counted by '" + s.spec.counter() + "'"
                        + firstDifference(prior, cnt));
            }
        }
        for (int i = 0; i < states.size(); i++) {
            State s = states.get(i);
            if (s.spec.isJagged()) {
                continue;
            }
            Column c = columns.get(s.spec.name());
            if (c == null && s.isCounter && counts.containsKey(i)) {
                int[] cnt = counts.get(i);
                content[i] = counterColumn(s.spec.type(), cnt);
                n = checkLength(n, cnt.length, s.spec.name());
                continue;
            }
            c = require(columns, s.spec.name());
            if (!(c instanceof PrimitiveColumn p)) {
                throw new IllegalArgumentException("tree '" + name + "': flat branch '" + s.spec.name()
                        + "' needs a primitive column of " + s.spec.type().elementType() + ", got " + describe(c));
            }
            checkType(s.spec, p);
            n = checkLength(n, p.length(), s.spec.name());
            int[] cnt = counts.get(i);
            if (cnt != null) {
                for (int e = 0; e < cnt.length; e++) {
                    if (p.getLong(e) != cnt[e]) {
                        throw new IllegalArgumentException("tree '" + name + "': counter '" + s.spec.name()
                                + "' is " + p.getLong(e) + " at entry " + e + " of this chunk but its lists have "
                                + cnt[e] + " elements");
                    }
                }
            }
            content[i] = p;
        }
        if (n <= 0) {
            return this;
        }
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).isCounter) {
                PrimitiveColumn p = content[i];
                for (int e = 0; e < n; e++) {
                    states.get(i).maximum = Math.max(states.get(i).maximum, p.getLong(e));
                }
            }
        }
        final int total = n;
        owner.run(() -> {
            for (int from = 0; from < total; from += clusterSize) {
                int to = Math.min(total, from + clusterSize);
                for (int i = 0; i < states.size(); i++) {
                    writeBasket(states.get(i), content[i], offsets[i], from, to);
                }
                clusters.add((long) (to - from));
                entries += to - from;
            }
        });
        return this;
    }

    private Column require(Map<String, ? extends Column> columns, String branch) {
        Column c = columns.get(branch);
        if (c == null) {
            throw new IllegalArgumentException("tree '" + name + "': no column for branch '" + branch
                    + "' in this chunk (given: " + columns.keySet() + ")");
        }
        return c;
    }

    private int checkLength(int n, int len, String branch) {
        if (n >= 0 && n != len) {
            throw new IllegalArgumentException("tree '" + name + "': branch '" + branch + "' has " + len
                    + " entries in this chunk, other branches have " + n);
        }
        return len;
    }

    private void checkType(BranchSpec spec, PrimitiveColumn p) {
        if (p.elementType() != spec.type().elementType()) {
            throw new IllegalArgumentException("tree '" + name + "': branch '" + spec.name() + "' is "
                    + spec.type().rootName() + " (" + spec.type().elementType() + "), column holds " + p.elementType());
        }
    }

    private static String describe(Column c) {
        if (c instanceof ListColumn<?> l) {
            return "ListColumn of " + describe(l.content());
        }
        return c instanceof PrimitiveColumn p ? p.getClass().getSimpleName() + " (" + p.elementType() + ")"
                : c.getClass().getSimpleName();
    }

    private static String firstDifference(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return " (entry " + i + ": " + a[i] + " vs " + b[i] + ")";
            }
        }
        return " (" + a.length + " vs " + b.length + " entries)";
    }

    private static PrimitiveColumn counterColumn(LeafType type, int[] counts) {
        return switch (type) {
            case INT -> IntColumn.of(counts);
            case UINT -> IntColumn.ofUnsigned(counts);
            default -> {
                long[] l = new long[counts.length];
                for (int i = 0; i < l.length; i++) {
                    l[i] = counts[i];
                }
                yield switch (type) {
                    case LONG64 -> LongColumn.of(l);
                    default -> throw new IllegalArgumentException("counter of type " + type.rootName()
                            + " must be given explicitly");
                };
            }
        };
    }

    private void writeBasket(State s, PrimitiveColumn values, int[] offsets, int from, int to) throws IOException {
        int size = s.spec.type().size();
        int nev = to - from;
        int keylen = FileBuilder.basketKeyLength(s.spec.name(), name, 19);
        WriteBuffer data = new WriteBuffer();
        int first;
        int last;
        if (offsets != null) {
            first = offsets[from];
            last = offsets[to];
        } else {
            first = from;
            last = to;
        }
        putValues(data, values, first, last);
        int dataLen = data.length();
        if (offsets != null) {
            // Entry offsets from the start of the record, then one unused element, as ROOT writes them.
            data.i32(nev + 1);
            for (int e = from; e < to; e++) {
                data.i32(keylen + (offsets[e] - first) * size);
            }
            data.i32(0);
        }
        WriteBuffer header = new WriteBuffer();
        header.i16(3); // TBasket version
        header.i32(32000); // fBufferSize
        header.i32(offsets != null ? nev + 1 : size); // fNevBufSize: entry size, or offset capacity
        header.i32(nev);
        header.i32(keylen + dataLen); // fLast, measured from the record start
        header.i8(0);
        long[] placed = owner.builder().writeBasket(dir, s.spec.name(), name, s.bytes.size(), header.toByteArray(),
                data.array(), data.length());
        s.bytes.add(new int[] {(int) placed[1]});
        s.seeks.add(new long[] {placed[0]});
        s.firstEntries.add(entries);
        s.totBytes += keylen + data.length();
        s.zipBytes += placed[1];
    }

    private static void putValues(WriteBuffer b, PrimitiveColumn c, int from, int to) {
        switch (c) {
            case FloatColumn f -> {
                for (int i = from; i < to; i++) {
                    b.f32(f.get(i));
                }
            }
            case DoubleColumn d -> {
                for (int i = from; i < to; i++) {
                    b.f64(d.get(i));
                }
            }
            case IntColumn v -> {
                for (int i = from; i < to; i++) {
                    b.i32(v.get(i));
                }
            }
            case LongColumn v -> {
                for (int i = from; i < to; i++) {
                    b.i64(v.get(i));
                }
            }
            case ShortColumn v -> {
                for (int i = from; i < to; i++) {
                    b.i16(v.get(i));
                }
            }
            case ByteColumn v -> {
                for (int i = from; i < to; i++) {
                    b.i8(v.get(i));
                }
            }
            case BoolColumn v -> {
                for (int i = from; i < to; i++) {
                    b.bool(v.get(i));
                }
            }
            default -> throw new IllegalArgumentException("unsupported column " + c.getClass().getSimpleName());
        }
    }

    /** Writes the tree record; called by the file when it closes. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        List<TreeStreamer.Branch> branches = new ArrayList<>();
        for (State s : states) {
            int nb = s.bytes.size();
            int[] bytes = new int[nb];
            long[] seeks = new long[nb];
            long[] firstEntry = new long[nb + 1];
            for (int i = 0; i < nb; i++) {
                bytes[i] = s.bytes.get(i)[0];
                seeks[i] = s.seeks.get(i)[0];
                firstEntry[i] = s.firstEntries.get(i);
            }
            firstEntry[nb] = entries;
            String branchTitle = s.spec.title().isEmpty() ? s.spec.leafList() : s.spec.title();
            branches.add(new TreeStreamer.Branch(s.spec.name(), branchTitle, s.spec.leafTitle(),
                    s.spec.type().leafClass(), s.spec.type().size(), s.spec.type().unsigned(), s.isCounter, s.counter,
                    s.isCounter ? s.maximum : 0, owner.builder().compression(), s.spec.isJagged() ? 1000 : 0, entries,
                    s.totBytes, s.zipBytes, bytes, firstEntry, seeks));
        }
        long[][] ranges = clusterRanges();
        FileBuilder fb = owner.builder();
        int keylen = fb.keyLengthHere("TTree", name, title);
        WriteBuffer b = new WriteBuffer(keylen);
        TreeStreamer.write(b, name, title, entries, ranges[0], ranges[1], ranges[2][0], branches);
        fb.streamed("TTree");
        for (State s : states) {
            fb.streamed(s.spec.type().leafClass());
        }
        fb.writeObject(dir, "TTree", name, title, b.array(), b.length());
    }

    /** Groups equal consecutive cluster sizes into ranges; the last group is the open-ended one. */
    private long[][] clusterRanges() {
        if (clusters.isEmpty()) {
            return new long[][] {new long[0], new long[0], {0}};
        }
        List<long[]> groups = new ArrayList<>(); // {size, count}
        for (long c : clusters) {
            if (!groups.isEmpty() && groups.getLast()[0] == c) {
                groups.getLast()[1]++;
            } else {
                groups.add(new long[] {c, 1});
            }
        }
        // A short final cluster (the end of the data) belongs to the range before it.
        if (groups.size() > 1 && groups.getLast()[1] == 1 && groups.getLast()[0] < groups.get(groups.size() - 2)[0]) {
            groups.removeLast();
        }
        long[] ends = new long[groups.size() - 1];
        long[] sizes = new long[groups.size() - 1];
        long entry = 0;
        for (int i = 0; i < groups.size() - 1; i++) {
            entry += groups.get(i)[0] * groups.get(i)[1];
            ends[i] = entry - 1;
            sizes[i] = groups.get(i)[0];
        }
        return new long[][] {ends, sizes, {groups.getLast()[0]}};
    }

    /** @return branch name → index, in declaration order (for tests) */
    Map<String, Integer> index() {
        return new LinkedHashMap<>(index);
    }
}
