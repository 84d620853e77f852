package org.crema.io.internal.column;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.crema.columnar.Column;
import org.crema.columnar.ElementType;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.BranchInfo;
import org.crema.io.NameSuggestions;
import org.crema.io.RootException;
import org.crema.io.internal.basket.BasketCache;
import org.crema.io.internal.basket.BasketLoader;
import org.crema.io.internal.basket.BasketTable;
import org.crema.io.internal.basket.ReadPlan;
import org.crema.io.internal.basket.ReadSettings;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.source.ByteSource;
import org.crema.io.internal.tree.BranchLayout;
import org.crema.io.internal.tree.BranchModel;
import org.crema.io.internal.tree.TreeModel;

/**
 * Everything a tree reads: its metadata, each readable branch's {@link BasketTable}, and the read
 * paths (one branch or many, their baskets as tasks on an executor or on the calling thread;
 * decompression alone, for benchmarks). Baskets a read uses in part are kept in the file's
 * {@link BasketCache}; on a remote file a read's baskets are fetched through a {@link ReadPlan}. The
 * public {@code Tree} is a facade over this class.
 *
 * <p>Construction checks that the tree's entry count agrees with every branch's, and each readable
 * branch's basket table with its entry count, so a damaged count fails at open instead of silently
 * cutting (or padding) the events. Immutable and thread-safe.
 */
public final class TreeReader {
    private final ByteSource source;
    private final TreeModel model;
    private final BranchLayout layout;
    private final Map<String, BasketTable> tables;
    private final ErrorContext context;
    private final ReadSettings settings;
    private final BasketCache cache;

    /**
     * A reader with the default settings and a basket cache of its own.
     *
     * @param source the file
     * @param model the streamed tree
     * @param context error context naming file and tree
     * @throws org.crema.io.RootFormatException if a branch's entry count differs from the tree's, or a
     *     readable branch's baskets do not hold exactly its entries
     */
    public TreeReader(ByteSource source, TreeModel model, ErrorContext context) {
        this(source, model, context, ReadSettings.defaults(),
                new BasketCache(ReadSettings.defaults().basketCacheBytes()));
    }

    /**
     * @param source the file
     * @param model the streamed tree
     * @param context error context naming file and tree
     * @param settings read plans of a remote file
     * @param cache the file's basket cache (shared by its trees)
     * @throws org.crema.io.RootFormatException if a branch's entry count differs from the tree's, or a
     *     readable branch's baskets do not hold exactly its entries
     */
    public TreeReader(ByteSource source, TreeModel model, ErrorContext context, ReadSettings settings,
            BasketCache cache) {
        this.settings = settings;
        this.cache = cache;
        this.source = source;
        this.model = model;
        this.layout = new BranchLayout(model);
        this.context = context;
        Map<String, BasketTable> t = new HashMap<>();
        for (BranchInfo info : layout.infos()) {
            BranchModel m = layout.model(info.name());
            if (t.containsKey(info.name()) || m.leaves().isEmpty()) {
                continue; // a second branch of the same name, or a container without data of its own
            }
            if (m.entries() != model.entries()) {
                throw context.withBranch(info.name()).format("the tree has " + model.entries()
                        + " entries (fEntries) but the branch has " + m.entries());
            }
            if (info.readable()) {
                t.put(info.name(), BasketTable.of(m, context.withBranch(info.name())));
            }
        }
        this.tables = t;
    }

    /** @return the streamed tree */
    public TreeModel model() {
        return model;
    }

    /** @return the branch descriptions and models */
    public BranchLayout layout() {
        return layout;
    }

    /** @return the file's basket cache, with its load and hit counts */
    public BasketCache basketCache() {
        return cache;
    }

    /** @return the read settings */
    public ReadSettings settings() {
        return settings;
    }

    /** @return the error context naming file and tree */
    public ErrorContext context() {
        return context;
    }

    /** @return the number of entries */
    public long entries() {
        return model.entries();
    }

    /**
     * @param name branch name
     * @return the branch's description
     * @throws org.crema.io.RootFormatException if there is no such branch; the message suggests close names
     */
    public BranchInfo branch(String name) {
        BranchInfo info = layout.info(name);
        if (info == null) {
            List<String> close = NameSuggestions.closest(name,
                    layout.infos().stream().map(BranchInfo::name).toList(), 5);
            throw context.format("no branch named '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        }
        return info;
    }

    /**
     * @param name a readable branch
     * @return its baskets
     */
    public BasketTable table(String name) {
        BasketTable t = tables.get(name);
        if (t == null) {
            BranchInfo info = branch(name);
            throw context.withBranch(name).unsupported(info.readable() ? "branch holds no data"
                    : info.unsupportedReason());
        }
        return t;
    }

    /**
     * @param from first entry
     * @param to end entry (exclusive)
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= entries()}
     */
    public void checkRange(long from, long to) {
        if (from < 0 || from > to || to > entries()) {
            throw new IllegalArgumentException("entry range must satisfy 0 <= from <= to <= entries: from=" + from
                    + ", to=" + to + ", entries=" + entries());
        }
    }

    /** @return first entries of the clusters; see {@code Tree.clusterStarts} */
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
            for (BranchInfo info : layout.infos()) {
                BasketTable t = tables.get(info.name());
                if (t != null && t.count() > 1) {
                    for (long s : t.starts()) {
                        starts.add(s);
                    }
                    break;
                }
            }
        }
        return starts.stream().mapToLong(Long::longValue).filter(s -> s < n).toArray();
    }

    /**
     * Reads entries {@code [from, to)} of one branch on the calling thread.
     *
     * @param name branch
     * @param from first entry
     * @param to end entry (exclusive)
     * @return the column
     */
    public Column read(String name, long from, long to) {
        return read(name, from, to, Runnable::run);
    }

    /**
     * Reads entries {@code [from, to)} of one branch, its baskets fetched and decompressed as tasks
     * on {@code decompressors} (the calling thread runs those no executor thread has started).
     *
     * @param name branch
     * @param from first entry
     * @param to end entry (exclusive)
     * @param decompressors executor for basket tasks
     * @return the column
     */
    public Column read(String name, long from, long to, Executor decompressors) {
        checkRange(from, to);
        readable(name);
        try {
            return reader(name, from, to, planned(List.of(name), from, to), null).start(decompressors).finish();
        } catch (RootException e) {
            throw e;
        } catch (RuntimeException e) {
            // Safety net: bad data must surface as a format error with its context, never as a JDK exception.
            throw context.withBranch(name).format("cannot decode entries [" + from + ", " + to + "): " + e, e);
        }
    }

    /**
     * Reads entries {@code [from, to)} of several branches, counters first, then every basket as an
     * independent task; see {@code Tree.read(Collection, long, long, Executor)}. All basket tasks are
     * submitted in file order, so a sequential read moves forward through the file.
     *
     * @param branchNames branches
     * @param from first entry
     * @param to end entry (exclusive)
     * @param decompressors executor for basket tasks
     * @return branch name → column, in the order given
     */
    public Map<String, Column> read(Collection<String> branchNames, long from, long to, Executor decompressors) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(branchNames));
        checkRange(from, to);
        LinkedHashSet<String> all = new LinkedHashSet<>(names);
        for (String name : names) {
            BranchInfo info = readable(name);
            if (info.jagged() && counterUsable(info.counter())) {
                all.add(info.counter());
            }
        }
        ByteSource through = planned(all, from, to);
        // Counters first (small): with their offsets every value's destination is known before any
        // basket is decompressed, so baskets convert straight into the output in parallel.
        Map<String, int[]> counterOffsets = new HashMap<>();
        Map<String, Column> counterColumns = new HashMap<>();
        for (String name : names) {
            BranchInfo info = branch(name);
            String counter = info.counter();
            if (info.jagged() && !counterOffsets.containsKey(counter) && counterUsable(counter)) {
                Column c = finish(() -> reader(counter, from, to, through, null).start(decompressors).finish(), counter,
                        from, to);
                counterColumns.put(counter, c);
                counterOffsets.put(counter, zeroBasedOffsets(counter, c));
            }
        }
        List<Supplier<Column>> columns = new ArrayList<>();
        List<BasketTask<?>> tasks = new ArrayList<>();
        for (String name : names) {
            BranchInfo info = branch(name);
            ErrorContext where = context.withBranch(name);
            int[] offsets = info.jagged() ? counterOffsets.get(info.counter()) : null;
            try {
                if (counterColumns.containsKey(name)) {
                    Column c = counterColumns.get(name);
                    columns.add(() -> c);
                } else {
                    ColumnRead r = reader(name, from, to, through, offsets);
                    tasks.addAll(r.tasks());
                    columns.add(r::finish);
                }
            } catch (RootException e) {
                throw e;
            } catch (RuntimeException e) {
                throw where.format("cannot decode entries [" + from + ", " + to + "): " + e, e);
            }
        }
        tasks.sort((a, b) -> Long.compare(a.seek(), b.seek())); // stable: a branch's baskets stay in order
        for (BasketTask<?> t : tasks) {
            t.submit(decompressors);
        }
        Map<String, Column> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), finish(columns.get(i), names.get(i), from, to));
        }
        return out;
    }

    private Column finish(Supplier<Column> column, String name, long from, long to) {
        try {
            return column.get();
        } catch (RootException e) {
            throw e;
        } catch (RuntimeException e) {
            throw context.withBranch(name).format("cannot decode entries [" + from + ", " + to + "): " + e, e);
        }
    }

    /**
     * The source a read of these branches goes through: on a remote file, a plan that fetches their
     * baskets (those not in the cache) in merged ranges; otherwise the file itself, whose positional
     * reads of single baskets need no merging.
     */
    private ByteSource planned(Collection<String> names, long from, long to) {
        if (!source.remote() || settings.coalesceGapBytes() < 0) {
            return source;
        }
        List<long[]> records = new ArrayList<>();
        for (String name : names) {
            BasketTable t = tables.get(name);
            if (t == null) {
                continue;
            }
            int[] range = t.overlapping(from, to);
            for (int i = range[0]; i < range[1]; i++) {
                if (t.embedded(i) == null && !cache.contains(t, i)) {
                    records.add(new long[] {t.seek(i), t.bytes(i)});
                }
            }
        }
        if (records.size() < 2) {
            return source;
        }
        return ReadPlan.of(source, records, settings.coalesceGapBytes(), settings.prefetchBytes(), context);
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
            readable(name);
            BasketTable table = table(name);
            ErrorContext where = context.withBranch(name);
            int[] range = table.overlapping(from, to);
            for (int i = range[0]; i < range[1]; i++) {
                int index = i;
                // Decompress into the per-thread scratch array and drop the result: the codec's cost alone.
                tasks.add(CompletableFuture.supplyAsync(
                        () -> (long) BasketLoader.load(source, table, index, where, true).payloadBytes(), decompressors));
            }
        }
        long bytes = 0;
        for (CompletableFuture<Long> t : tasks) {
            bytes += join(t, context, "cannot decompress baskets");
        }
        return bytes;
    }

    private static <T> T join(CompletableFuture<T> f, ErrorContext where, String what) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RootException re) {
                throw re;
            }
            throw where.format(what + ": " + e.getCause(), e.getCause());
        }
    }

    private BranchInfo readable(String name) {
        BranchInfo info = branch(name);
        if (!info.readable()) {
            throw context.withBranch(name).unsupported(info.unsupportedReason());
        }
        return info;
    }

    private boolean counterUsable(String counter) {
        BranchInfo c = layout.info(counter);
        return c != null && c.readable() && !c.jagged() && c.fixedLength() == 1
                && !c.elementType().isFloatingPoint() && c.elementType() != ElementType.BOOL;
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

    /**
     * The read of one branch that allocates least: every value placed before any basket is
     * decompressed when its place can be known (a flat leaf; a jagged leaf with its counter's
     * offsets, or on a local file from its baskets' key headers), each basket then converted from
     * the thread's scratch array; otherwise baskets decompressed into arrays of their own and kept
     * until the branch is complete.
     *
     * @param counterOffsets zero-based offsets of a jagged branch's counter over the range, or null
     */
    private ColumnRead reader(String name, long from, long to, ByteSource through, int[] counterOffsets) {
        BranchInfo info = readable(name);
        ErrorContext where = context.withBranch(name);
        if (!info.jagged() || counterOffsets != null) {
            return new AlignedRead(through, cache, table(name), info.elementType(), info.fixedLength(), counterOffsets,
                    from, to, where);
        }
        int entryOffsetLen = layout.model(name).entryOffsetLen();
        if (!through.remote()) {
            return new JaggedRead(through, cache, table(name), entryOffsetLen, info.elementType(), from, to, where);
        }
        return new BranchRead(through, cache, table(name), entryOffsetLen, info.elementType(), info.fixedLength(),
                info.jagged(), from, to, where);
    }
}
