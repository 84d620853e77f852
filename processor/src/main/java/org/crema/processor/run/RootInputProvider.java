package org.crema.processor.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.io.BranchInfo;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.rntuple.BranchNames;
import org.crema.io.rntuple.ClusterInfo;
import org.crema.io.rntuple.RNTuple;
import org.crema.io.rntuple.RNTupleReader;
import org.crema.nano.NanoCollection;
import org.crema.nano.NanoEvents;
import org.crema.nano.RNTupleEventTable;
import org.crema.nano.RunsSummary;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.InputReadException;

/**
 * Reads NanoAOD ROOT files with crema's reader ({@code org.crema.io}, {@code org.crema.nano}), whether
 * the events are a TTree or an RNTuple: the file itself decides ({@link RNTupleReader#isNTuple}: an
 * RNTuple anchor under the fileset's tree name, default {@code Events}, and no TTree of that name), so
 * one fileset may mix both. Each column is read for the chunk's entry range only when the processor
 * touches it; collections come from the reader's {@code NanoEvents} (TTree: counter-checked, fields
 * read in parallel) or {@code RNTupleEventTable} (RNTuple: the TTree's names, offsets from each
 * collection's own index column). Σ genWeight comes from the {@code Runs} tree or RNTuple
 * ({@code genEventSumw} or {@code genEventSumw_}).
 *
 * <p><b>One open per file.</b> Opening a NanoAOD file parses the metadata of its ~1 500 branches;
 * doing that for every chunk costs more than reading a small chunk. The provider therefore keeps open
 * files, with their parsed tree and column names, in a cache shared by all threads and bounded by
 * {@code maxOpenFiles} idle files (least recently used closed first; files in use are never closed).
 * The planning pre-pass goes through the same cache, so a file's first chunk reuses the plan's open.
 * {@link #release} (called by the runner at the end of every run) closes them all. {@link RootFile}
 * and {@link Tree} are thread-safe, so two workers on chunks of one file share one open.
 */
public final class RootInputProvider implements InputProvider {
    private static final long serialVersionUID = 2L;
    /**
     * Decompresses the baskets of a chunk's branches in parallel, so that a run with fewer chunks
     * than cores (a fresh run over one file) still uses every core. A thread waiting for a basket
     * decompresses it itself when no pool thread has started it, so workers never wait on a busy
     * pool. The pool is used only while fewer chunks are being read than there are cores: when every
     * core already reads a chunk of its own, pool threads would only compete with them (measured on
     * 2 cores, AGC task, 4 chunks on 2 workers: 97k events/s through the pool, 121k without).
     * {@code -Dcrema.io.parallelDecompression=false} decompresses on the reading thread only.
     */
    private static final java.util.concurrent.Executor DECOMPRESSORS =
            "false".equalsIgnoreCase(System.getProperty("crema.io.parallelDecompression")) ? null
                    : java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                            Thread.ofPlatform().daemon().name("crema-decompress-", 0).factory());
    /** Chunks being read at this moment, in this JVM. */
    private static final java.util.concurrent.atomic.AtomicInteger READING =
            new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Whether a chunk reads at once, in parallel, the branches that earlier chunks of its dataset read
     * ({@code -Dcrema.io.prefetchPreviousBranches=false} turns it off). A processor asks for its columns
     * one at a time, so without it only the baskets of one branch decompress together; with it, every
     * branch the analysis is known to need decompresses at once on the pool.
     */
    private static final boolean PREFETCH_PREVIOUS =
            !"false".equalsIgnoreCase(System.getProperty("crema.io.prefetchPreviousBranches"));
    private final int maxOpenFiles;
    private final boolean allowTruncated;
    /** Dataset → the branches its closed chunks read (built on first use, like {@link #cache}). */
    private transient volatile java.util.concurrent.ConcurrentHashMap<String, Set<String>> branchesOfDataset;
    /** Built on first use, so a deserialized copy (on a distributed worker) has its own. */
    private transient volatile OpenFiles cache;

    /** A provider keeping up to {@code max(4, 2 × cores)} idle files open. */
    public RootInputProvider() {
        this(false);
    }

    /**
     * @param allowTruncated read files that are shorter than their header says (a copy that stopped
     *     early) instead of refusing them; chunks whose baskets lie past the end still fail
     */
    public RootInputProvider(boolean allowTruncated) {
        this(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), allowTruncated);
    }

    /**
     * @param maxOpenFiles idle open files kept between chunks, at least 0 (0: close each file as soon as
     *     no chunk uses it)
     */
    public RootInputProvider(int maxOpenFiles) {
        this(maxOpenFiles, false);
    }

    /**
     * @param maxOpenFiles idle open files kept between chunks, at least 0
     * @param allowTruncated read files shorter than their header says instead of refusing them
     */
    public RootInputProvider(int maxOpenFiles, boolean allowTruncated) {
        this.allowTruncated = allowTruncated;
        if (maxOpenFiles < 0) {
            throw new IllegalArgumentException("maxOpenFiles must be >= 0, got " + maxOpenFiles);
        }
        this.maxOpenFiles = maxOpenFiles;
    }

    private OpenFiles cache() {
        OpenFiles c = cache;
        if (c == null) {
            synchronized (this) {
                c = cache;
                if (c == null) {
                    c = new OpenFiles(maxOpenFiles, allowTruncated);
                    cache = c;
                }
            }
        }
        return c;
    }

    @Override
    public FileInfo inspect(String file, String treeName) {
        Handle h = cache().acquire(file, treeName);
        try {
            return new FileInfo(h.entries(), h.clusterStarts(), h.file.size(),
                    h.names.contains("genWeight") ? FileInfo.GenWeight.PRESENT : FileInfo.GenWeight.ABSENT);
        } finally {
            cache().release(h);
        }
    }

    @Override
    public Set<String> columnNames(String file, String treeName) {
        try {
            Handle h = cache().acquire(file, treeName);
            try {
                return h.names;
            } finally {
                cache().release(h);
            }
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public ColumnSource open(Chunk chunk) {
        Handle h = cache().acquire(chunk.file(), chunk.treeName());
        int reading = READING.incrementAndGet();
        try {
            if (h.entries() != chunk.fileEntries()) {
                throw new InputReadException("the " + (h.tree != null ? "tree" : "ntuple") + " now has " + h.entries()
                        + " entries, the plan saw " + chunk.fileEntries() + " (file changed during the run?)", null);
            }
            java.util.concurrent.Executor pool =
                    reading < Runtime.getRuntime().availableProcessors() ? DECOMPRESSORS : null;
            if (h.tree == null) {
                return new NTupleSource(cache(), h, chunk, pool);
            }
            Set<String> datasetBranches = branchesOf(chunk.dataset().name());
            // Prefetching pays only with the pool: on the reading thread it would read the same baskets in turn.
            return new RootSource(cache(), h, chunk, pool, datasetBranches, pool != null && PREFETCH_PREVIOUS);
        } catch (RuntimeException e) {
            READING.decrementAndGet();
            cache().release(h);
            throw e;
        }
    }

    /** @return the branches the closed chunks of a dataset read so far, for tests */
    Set<String> rememberedBranches(String dataset) {
        return Set.copyOf(branchesOf(dataset));
    }

    private Set<String> branchesOf(String dataset) {
        java.util.concurrent.ConcurrentHashMap<String, Set<String>> m = branchesOfDataset;
        if (m == null) {
            synchronized (this) {
                m = branchesOfDataset;
                if (m == null) {
                    m = new java.util.concurrent.ConcurrentHashMap<>();
                    branchesOfDataset = m;
                }
            }
        }
        return m.computeIfAbsent(dataset, d -> java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    @Override
    public void release() {
        OpenFiles c = cache;
        if (c != null) {
            c.closeAll();
        }
    }

    /** @return files currently open (in use or idle), for tests and diagnostics */
    int openFiles() {
        OpenFiles c = cache;
        return c == null ? 0 : c.size();
    }

    /** @return files opened since the provider was created, for tests and diagnostics */
    long opens() {
        OpenFiles c = cache;
        return c == null ? 0 : c.opens;
    }

    /**
     * One open file with its parsed event tree, or its event RNTuple (then {@code tree} is null);
     * {@code users} counts the chunks reading it.
     */
    private static final class Handle {
        final String key;
        final RootFile file;
        final Tree tree;
        final RNTupleReader ntupleReader;
        final RNTuple ntuple;
        final BranchNames branchNames;
        final Set<String> names;
        int users;
        boolean closing;
        private OptionalDouble runsSum;

        Handle(String key, RootFile file, Tree tree) {
            this.key = key;
            this.file = file;
            this.tree = tree;
            this.ntupleReader = null;
            this.ntuple = null;
            this.branchNames = null;
            Set<String> n = new LinkedHashSet<>();
            for (BranchInfo b : tree.branches()) {
                if (b.readable()) {
                    n.add(b.name());
                }
            }
            this.names = Collections.unmodifiableSet(n);
        }

        Handle(String key, RootFile file, RNTupleReader reader, RNTuple ntuple) {
            this.key = key;
            this.file = file;
            this.tree = null;
            this.ntupleReader = reader;
            this.ntuple = ntuple;
            // The TTree names over the RNTuple, built once per open: every chunk's view shares them.
            this.branchNames = BranchNames.of(ntuple);
            this.names = Collections.unmodifiableSet(new LinkedHashSet<>(branchNames.names()));
        }

        long entries() {
            return tree != null ? tree.entries() : ntuple.entries();
        }

        long[] clusterStarts() {
            if (tree != null) {
                return tree.clusterStarts();
            }
            return ntuple.clusters().stream().mapToLong(ClusterInfo::firstEntry).toArray();
        }

        void close() {
            try {
                if (ntupleReader != null) {
                    ntupleReader.close();
                }
            } finally {
                file.close();
            }
        }

        /** The Runs tree (or RNTuple) is read once per open, not once per chunk. */
        synchronized OptionalDouble runsSum() {
            if (runsSum == null) {
                RunsSummary runs = tree != null ? RunsSummary.of(file) : RunsSummary.of(ntupleReader);
                runsSum = runs.present() ? OptionalDouble.of(runs.sumGenWeights()) : OptionalDouble.empty();
            }
            return runsSum;
        }
    }

    /** The shared cache: open files by (path, tree), idle ones in least-recently-used order. */
    private static final class OpenFiles {
        private final int maxIdle;
        private final Map<String, Handle> open = new LinkedHashMap<>(16, 0.75f, true);
        volatile long opens;

        private final boolean allowTruncated;

        OpenFiles(int maxIdle, boolean allowTruncated) {
            this.maxIdle = maxIdle;
            this.allowTruncated = allowTruncated;
        }

        Handle acquire(String file, String treeName) {
            String key = file + "\u0000" + treeName;
            synchronized (this) {
                Handle h = open.get(key);
                if (h != null) {
                    h.users++;
                    return h;
                }
            }
            // Open outside the lock: parsing a large tree's metadata must not stall other workers.
            // A path or an http(s) / root:// URL: RootFile.open(String) tells them apart.
            RootFile f = allowTruncated ? RootFile.open(file, RootFile.Option.ALLOW_TRUNCATED) : RootFile.open(file);
            Handle fresh;
            try {
                if (RNTupleReader.isNTuple(f, treeName)) {
                    RNTupleReader r = RNTupleReader.open(f);
                    try {
                        fresh = new Handle(key, f, r, r.ntuple(treeName));
                    } catch (RuntimeException e) {
                        r.close();
                        throw e;
                    }
                } else {
                    fresh = new Handle(key, f, f.tree(treeName));
                }
            } catch (RuntimeException e) {
                f.close();
                throw e;
            }
            List<Handle> toClose = new ArrayList<>();
            Handle h;
            synchronized (this) {
                opens++;
                h = open.get(key);
                if (h == null) {
                    h = fresh;
                    open.put(key, h);
                } else {
                    toClose.add(fresh); // another thread opened it meanwhile
                }
                h.users++;
                evictIdle(toClose);
            }
            toClose.forEach(Handle::close);
            return h;
        }

        void release(Handle h) {
            boolean close;
            List<Handle> toClose = new ArrayList<>();
            synchronized (this) {
                h.users--;
                close = h.closing && h.users == 0;
                if (!close) {
                    evictIdle(toClose);
                }
            }
            if (close) {
                h.close();
            }
            toClose.forEach(Handle::close);
        }

        /** Removes the least recently used idle files beyond the bound; the caller closes them. */
        private void evictIdle(List<Handle> out) {
            int idle = 0;
            for (Handle h : open.values()) {
                if (h.users == 0) {
                    idle++;
                }
            }
            for (Iterator<Handle> it = open.values().iterator(); it.hasNext() && idle > maxIdle;) {
                Handle h = it.next();
                if (h.users == 0) {
                    it.remove();
                    out.add(h);
                    idle--;
                }
            }
        }

        void closeAll() {
            List<Handle> toClose = new ArrayList<>();
            synchronized (this) {
                for (Handle h : open.values()) {
                    h.closing = true;
                    if (h.users == 0) {
                        toClose.add(h);
                    }
                }
                open.clear();
            }
            toClose.forEach(Handle::close);
        }

        synchronized int size() {
            return open.size();
        }
    }

    /**
     * What the sources of one chunk of a file have in common: the chunk, the open file they return to
     * the cache when closed, and the branches read (for the bytes-read estimate).
     */
    private abstract static class FileChunkSource implements ColumnSource {
        final OpenFiles cache;
        final Handle handle;
        final Chunk chunk;
        final Set<String> branchesRead = new LinkedHashSet<>();
        /** Where the branches read are remembered for the dataset's next chunks, or null. */
        private final Set<String> rememberRead;
        private boolean closed;

        FileChunkSource(OpenFiles cache, Handle handle, Chunk chunk, Set<String> rememberRead) {
            this.cache = cache;
            this.handle = handle;
            this.chunk = chunk;
            this.rememberRead = rememberRead;
        }

        @Override
        public final int length() {
            return Math.toIntExact(chunk.entries());
        }

        @Override
        public final Set<String> columnNames() {
            return handle.names;
        }

        @Override
        public final OptionalDouble fileSumGenWeights() {
            return handle.runsSum();
        }

        /** @return this chunk's share of a branch's stored bytes: partial reads are charged by entries */
        final long chunkShare(long storedBytes, long fileEntries) {
            return (long) ((double) storedBytes * chunk.entries() / fileEntries);
        }

        /** Returns the file to the cache (it stays open for the file's next chunk). */
        @Override
        public final void close() {
            if (!closed) {
                closed = true;
                if (rememberRead != null) {
                    rememberRead.addAll(branchesRead);
                }
                READING.decrementAndGet();
                cache.release(handle);
            }
        }
    }

    /** The columns of one chunk of one tree, through the reader's lazy NanoAOD view. */
    private static final class RootSource extends FileChunkSource {
        private final Tree tree;
        private final NanoEvents nano;

        /**
         * @param pool decompresses baskets beside the reading thread, or null to decompress on it
         * @param datasetBranches the branches earlier chunks of the dataset read; this chunk's are added on close
         * @param prefetch read those of them this tree has now, all at once
         */
        RootSource(OpenFiles cache, Handle handle, Chunk chunk, java.util.concurrent.Executor pool,
                Set<String> datasetBranches, boolean prefetch) {
            super(cache, handle, chunk, datasetBranches);
            this.tree = handle.tree;
            this.nano = NanoEvents.of(tree, chunk.entryStart(), chunk.entryStop(), pool != null ? pool : Runnable::run);
            if (prefetch && !datasetBranches.isEmpty()) {
                nano.prefetch(datasetBranches.stream().filter(tree::has).sorted().toList());
            }
        }

        @Override
        public Column column(String name) {
            Column c = nano.column(name);
            branchesRead.add(name);
            return c;
        }

        @Override
        public ListColumn<RecordColumn> collection(String name, List<String> fields) {
            if (!nano.collectionNames().contains(name)) {
                return null;
            }
            NanoCollection c = nano.collection(name);
            List<String> chosen = fields.isEmpty() ? c.fieldNames() : fields;
            branchesRead.add(c.counterName());
            for (String f : chosen) {
                branchesRead.add(name + "_" + f);
            }
            return c.asRecord(chosen);
        }

        /**
         * The reader reports whole-branch sizes; each branch read is charged this chunk's share of its
         * entries (coffea's bytesread makes the same estimate for partial reads).
         */
        @Override
        public long bytesRead() {
            long entries = tree.entries();
            if (entries == 0) {
                return 0;
            }
            long total = 0;
            for (String b : branchesRead) {
                if (tree.has(b)) {
                    total += chunkShare(tree.branch(b).compressedBytes(), entries);
                }
            }
            return total;
        }
    }

    /**
     * The columns of one chunk of an RNTuple, under the TTree's names, through the reader's lazy
     * {@link RNTupleEventTable}.
     */
    private static final class NTupleSource extends FileChunkSource {
        private final RNTupleEventTable table;

        /** @param pool decompresses pages beside the reading thread, or null to decompress on it */
        NTupleSource(OpenFiles cache, Handle handle, Chunk chunk, java.util.concurrent.Executor pool) {
            super(cache, handle, chunk, null);
            this.table = RNTupleEventTable.of(handle.ntuple, handle.branchNames, chunk.entryStart(), chunk.entryStop(),
                    pool);
        }

        @Override
        public Column column(String name) {
            Column c = table.column(name);
            branchesRead.add(name);
            return c;
        }

        @Override
        public ListColumn<RecordColumn> collection(String name, List<String> fields) {
            if (!table.collectionNames().contains(name)) {
                return null;
            }
            ListColumn<RecordColumn> c = table.collection(name, fields);
            branchesRead.add("n" + name);
            for (String f : c.content().fieldNames()) {
                branchesRead.add(name + "_" + f);
            }
            return c;
        }

        /** Like the TTree's: each field read is charged this chunk's share of its stored bytes. */
        @Override
        public long bytesRead() {
            RNTuple nt = handle.ntuple;
            if (nt.entries() == 0) {
                return 0;
            }
            long total = 0;
            for (String b : branchesRead) {
                String field = handle.branchNames.fields().get(b);
                if (field == null) {
                    field = handle.branchNames.counters().get(b);
                }
                if (field != null) {
                    total += chunkShare(nt.storedBytes(field), nt.entries());
                }
            }
            return total;
        }
    }
}
