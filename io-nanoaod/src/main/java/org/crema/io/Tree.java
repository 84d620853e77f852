package org.crema.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.crema.columnar.Column;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.internal.basket.BasketLoader;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.column.AlignedRead;
import org.crema.io.internal.column.BranchRead;
import org.crema.io.internal.source.FileSource;
import org.crema.io.internal.tree.BranchLayout;
import org.crema.io.internal.tree.BranchModel;
import org.crema.io.internal.tree.NameSuggestions;
import org.crema.io.internal.tree.TreeModel;

/**
 * A TTree of an open {@link RootFile}: its metadata (entries, branches, cluster boundaries) is in
 * memory; branch data is read from the file only when {@link #read} asks for it.
 *
 * <p>Thread-safe: any number of threads may call {@link #read} at once, for the same or different
 * branches and ranges. Each call reads and decodes its own baskets; nothing is cached here (the
 * {@code org.crema.nano.NanoEvents} view caches the columns it has read).
 *
 * <pre>{@code
 * try (RootFile file = RootFile.open(Path.of("nano.root"))) {
 *     Tree events = file.tree("Events");
 *     ListColumn<?> jetPt = (ListColumn<?>) events.read("Jet_pt", 0, events.entries());
 * }
 * }</pre>
 */
public final class Tree {
    private final FileSource source;
    private final TreeModel model;
    private final BranchLayout layout;
    private final ErrorContext context;

    Tree(FileSource source, TreeModel model, ErrorContext context) {
        this.source = source;
        this.model = model;
        this.layout = new BranchLayout(model);
        this.context = context;
    }

    /** @return "file F, tree T": where this tree is, for messages */
    public String location() {
        return context.describe();
    }

    /** @return the tree's name */
    public String name() {
        return model.name();
    }

    /** @return the tree's title */
    public String title() {
        return model.title();
    }

    /** @return the number of entries */
    public long entries() {
        return model.entries();
    }

    /** @return the TTree class version the writer used */
    public int classVersion() {
        return model.version();
    }

    /** @return every branch in tree order (sub-branches follow their parent) */
    public List<BranchInfo> branches() {
        return layout.infos();
    }

    /** @param name branch name @return true if the tree has that branch */
    public boolean has(String name) {
        return layout.info(name) != null;
    }

    /**
     * @param name branch name
     * @return the branch's description
     * @throws RootFormatException if there is no such branch; the message suggests close names
     */
    public BranchInfo branch(String name) {
        Objects.requireNonNull(name, "name");
        BranchInfo info = layout.info(name);
        if (info == null) {
            List<String> close = NameSuggestions.closest(name, branches().stream().map(BranchInfo::name).toList(), 5);
            throw context.format("no branch named '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        }
        return info;
    }

    /**
     * First entries of the tree's clusters, for cutting work into chunks that do not split baskets.
     * Taken from the tree's cluster ranges and auto-flush size when the writer set them, otherwise
     * from the basket boundaries of the first branch that has baskets.
     *
     * @return ascending entry numbers, starting at 0, each below {@link #entries()} (empty for an
     *     empty tree)
     */
    public long[] clusterStarts() {
        long n = entries();
        if (n == 0) {
            return new long[0];
        }
        TreeSet<Long> starts = new TreeSet<>();
        starts.add(0L);
        long[] ends = model.clusterRangeEnd();
        long[] sizes = model.clusterSize();
        long autoFlush = model.autoFlush();
        boolean fromClusters = autoFlush > 0 || ends.length > 0;
        if (fromClusters) {
            long entry = 0;
            for (int r = 0; r <= ends.length && entry < n; r++) {
                long rangeEnd = r < ends.length ? Math.min(ends[r] + 1, n) : n;
                long size = r < sizes.length && sizes[r] > 0 ? sizes[r] : autoFlush;
                if (size <= 0) {
                    fromClusters = false;
                    break;
                }
                while (entry < rangeEnd) {
                    starts.add(entry);
                    entry += size;
                }
                entry = Math.max(entry, rangeEnd);
                if (r < ends.length && entry > rangeEnd) {
                    entry = rangeEnd;
                }
            }
        }
        if (!fromClusters) {
            starts.clear();
            starts.add(0L);
            for (BranchInfo info : branches()) {
                BranchModel m = layout.model(info.name());
                if (m.writeBasket() + m.embedded().size() > 1) {
                    for (long s : BranchRead.basketStarts(m, context.withBranch(info.name()))) {
                        if (s < n) {
                            starts.add(s);
                        }
                    }
                    break;
                }
            }
        }
        return starts.stream().mapToLong(Long::longValue).filter(s -> s < n).toArray();
    }

    /**
     * Reads entries {@code [fromEntry, toEntry)} of one branch on the calling thread.
     *
     * @param branch branch name
     * @param fromEntry first entry, {@code 0 <= fromEntry <= toEntry}
     * @param toEntry end entry (exclusive), {@code <= entries()}
     * @return a flat {@code PrimitiveColumn} for scalar leaves, or a {@code ListColumn} of one for
     *     jagged (and fixed-length array) leaves
     */
    public Column read(String branch, long fromEntry, long toEntry) {
        BranchRead read = plan(branch, fromEntry, toEntry);
        try {
            return read.start(Runnable::run).finish();
        } catch (RootException e) {
            throw e;
        } catch (RuntimeException e) {
            // Safety net: bad data must surface as a format error with its context, never as a JDK exception.
            throw context.withBranch(branch).format("cannot decode entries [" + fromEntry + ", " + toEntry + "): " + e, e);
        }
    }

    /**
     * Reads entries {@code [from, to)} of several branches. The counters of jagged branches are read
     * first (they are small); with their offsets every value's place is known, so each basket is read,
     * decompressed and converted into its span of the output as an independent task on {@code
     * decompressors}. Jagged columns that share a counter share one offsets array. Each basket's own
     * entry-offset table is checked against its counter.
     *
     * @param branchNames branches to read
     * @param from first entry
     * @param to end entry (exclusive)
     * @param decompressors executor for basket tasks ({@code Runnable::run} for the calling thread)
     * @return branch name → column, in the order given
     */
    public Map<String, Column> read(Collection<String> branchNames, long from, long to, Executor decompressors) {
        Objects.requireNonNull(decompressors, "decompressors");
        List<String> names = new ArrayList<>(new LinkedHashSet<>(branchNames));
        // Counters first (small): with their offsets every value's destination is known before any
        // basket is decompressed, so baskets convert straight into the output in parallel.
        checkRange(from, to);
        Map<String, int[]> counterOffsets = new HashMap<>();
        Map<String, Column> counterColumns = new HashMap<>();
        for (String name : names) {
            BranchInfo info = branch(name);
            if (!info.readable()) {
                throw context.withBranch(name).unsupported(info.unsupportedReason());
            }
            String counter = info.counter();
            if (info.jagged() && !counterOffsets.containsKey(counter) && counterUsable(counter)) {
                Column c = read(counter, from, to);
                counterColumns.put(counter, c);
                counterOffsets.put(counter, zeroBasedOffsets(counter, c));
            }
        }
        List<CompletableFuture<Column>> columns = new ArrayList<>();
        for (String name : names) {
            BranchInfo info = branch(name);
            ErrorContext where = context.withBranch(name);
            int[] offsets = info.jagged() ? counterOffsets.get(info.counter()) : null;
            try {
                if (counterColumns.containsKey(name)) {
                    columns.add(CompletableFuture.completedFuture(counterColumns.get(name)));
                } else if (!info.jagged() || offsets != null) {
                    columns.add(new AlignedRead(source, layout.model(name), info.elementType(), info.fixedLength(),
                            offsets, from, to, where).start(decompressors));
                } else {
                    BranchRead r = plan(name, from, to).start(decompressors);
                    columns.add(r.finishAsync(decompressors));
                }
            } catch (RootException e) {
                throw e;
            } catch (RuntimeException e) {
                throw where.format("cannot decode entries [" + from + ", " + to + "): " + e, e);
            }
        }
        Map<String, Column> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                out.put(names.get(i), columns.get(i).join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RootException re) {
                    throw re;
                }
                throw context.withBranch(names.get(i)).format("cannot decode entries [" + from + ", " + to + "): "
                        + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    private boolean counterUsable(String counter) {
        BranchInfo c = layout.info(counter);
        return c != null && c.readable() && !c.jagged() && c.fixedLength() == 1
                && !c.elementType().isFloatingPoint() && c.elementType() != org.crema.columnar.ElementType.BOOL;
    }

    private int[] zeroBasedOffsets(String counter, Column column) {
        PrimitiveColumn counts = (PrimitiveColumn) column;
        int[] offsets = new int[counts.length() + 1];
        for (int i = 0; i < counts.length(); i++) {
            long c = counts.getLong(i);
            if (c < 0 || offsets[i] + c > Integer.MAX_VALUE - 16) {
                throw context.withBranch(counter).format("counter value " + c + " at entry " + i
                        + " is negative or overflows a column");
            }
            offsets[i + 1] = (int) (offsets[i] + c);
        }
        return offsets;
    }

    private void checkRange(long from, long to) {
        if (from < 0 || from > to || to > entries()) {
            throw new IllegalArgumentException("entry range must satisfy 0 <= from <= to <= entries: from=" + from
                    + ", to=" + to + ", entries=" + entries());
        }
    }

    /**
     * Reads and decompresses the baskets that {@link #read(Collection, long, long, Executor)} would,
     * without converting them into columns: the codec-bound limit that benchmarks compare a full read
     * against.
     *
     * @param branchNames branches
     * @param from first entry
     * @param to end entry (exclusive)
     * @param decompressors executor for basket tasks
     * @return total uncompressed bytes of the baskets (data and entry-offset tables)
     */
    public long decompressOnly(Collection<String> branchNames, long from, long to, Executor decompressors) {
        checkRange(from, to);
        List<CompletableFuture<Long>> tasks = new ArrayList<>();
        for (String name : new LinkedHashSet<>(branchNames)) {
            BranchInfo info = branch(name);
            ErrorContext where = context.withBranch(name);
            if (!info.readable()) {
                throw where.unsupported(info.unsupportedReason());
            }
            BranchModel model = layout.model(name);
            long[] starts = BranchRead.basketStarts(model, where);
            for (int i = 0; i + 1 < starts.length; i++) {
                if (starts[i + 1] <= from || starts[i] >= to || starts[i + 1] == starts[i]) {
                    continue;
                }
                int index = i;
                int expected = Math.toIntExact(starts[i + 1] - starts[i]);
                // Decompress into the per-thread scratch array and drop the result: the codec's cost alone.
                tasks.add(CompletableFuture.supplyAsync(() -> (long) BasketLoader.load(source, model, index, expected,
                        where, true).payloadBytes(), decompressors));
            }
        }
        long bytes = 0;
        for (CompletableFuture<Long> t : tasks) {
            try {
                bytes += t.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RootException re) {
                    throw re;
                }
                throw context.format("cannot decompress baskets: " + e.getCause(), e.getCause());
            }
        }
        return bytes;
    }

    private BranchRead plan(String branch, long from, long to) {
        if (from < 0 || from > to || to > entries()) {
            throw new IllegalArgumentException("entry range must satisfy 0 <= from <= to <= entries: from=" + from
                    + ", to=" + to + ", entries=" + entries());
        }
        BranchInfo info = branch(branch);
        ErrorContext where = context.withBranch(branch);
        if (!info.readable()) {
            throw where.unsupported(info.unsupportedReason());
        }
        return new BranchRead(source, layout.model(branch), info.elementType(), info.fixedLength(), info.jagged(),
                from, to, where);
    }

    @Override
    public String toString() {
        return "Tree[" + name() + ", " + entries() + " entries, " + branches().size() + " branches]";
    }
}
