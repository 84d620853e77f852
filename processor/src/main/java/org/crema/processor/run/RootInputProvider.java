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
import org.crema.nano.NanoCollection;
import org.crema.nano.NanoEvents;
import org.crema.nano.RunsSummary;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.InputReadException;

/**
 * Reads local NanoAOD ROOT files with crema's reader ({@code org.crema.io}, {@code org.crema.nano}).
 * Each column is read for the chunk's entry range only when the processor touches it; collections come
 * from the reader's {@code NanoEvents} (counter-checked, fields read in parallel). Σ genWeight comes from
 * the {@code Runs} tree ({@code genEventSumw} or {@code genEventSumw_}).
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
    private final int maxOpenFiles;
    private final boolean allowTruncated;
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
            Tree t = h.tree;
            return new FileInfo(t.entries(), t.clusterStarts(), h.file.size(),
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
        try {
            if (h.tree.entries() != chunk.fileEntries()) {
                throw new InputReadException("the tree now has " + h.tree.entries() + " entries, the plan saw "
                        + chunk.fileEntries() + " (file changed during the run?)", null);
            }
            return new RootSource(cache(), h, chunk);
        } catch (RuntimeException e) {
            cache().release(h);
            throw e;
        }
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

    /** One open file with its parsed event tree; {@code users} counts the chunks reading it. */
    private static final class Handle {
        final String key;
        final RootFile file;
        final Tree tree;
        final Set<String> names;
        int users;
        boolean closing;
        private OptionalDouble runsSum;

        Handle(String key, RootFile file, Tree tree) {
            this.key = key;
            this.file = file;
            this.tree = tree;
            Set<String> n = new LinkedHashSet<>();
            for (BranchInfo b : tree.branches()) {
                if (b.readable()) {
                    n.add(b.name());
                }
            }
            this.names = Collections.unmodifiableSet(n);
        }

        /** The Runs tree is read once per open, not once per chunk. */
        synchronized OptionalDouble runsSum() {
            if (runsSum == null) {
                RunsSummary runs = RunsSummary.of(file);
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
                fresh = new Handle(key, f, f.tree(treeName));
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
            toClose.forEach(x -> x.file.close());
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
                h.file.close();
            }
            toClose.forEach(x -> x.file.close());
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
            toClose.forEach(x -> x.file.close());
        }

        synchronized int size() {
            return open.size();
        }
    }

    /** The columns of one chunk of one tree, through the reader's lazy NanoAOD view. */
    private static final class RootSource implements ColumnSource {
        private final OpenFiles cache;
        private final Handle handle;
        private final Tree tree;
        private final Chunk chunk;
        private final NanoEvents nano;
        private final Set<String> branchesRead = new LinkedHashSet<>();
        private boolean closed;

        RootSource(OpenFiles cache, Handle handle, Chunk chunk) {
            this.cache = cache;
            this.handle = handle;
            this.tree = handle.tree;
            this.chunk = chunk;
            this.nano = NanoEvents.of(tree, chunk.entryStart(), chunk.entryStop());
        }

        @Override
        public int length() {
            return Math.toIntExact(chunk.entries());
        }

        @Override
        public Set<String> columnNames() {
            return handle.names;
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

        @Override
        public OptionalDouble fileSumGenWeights() {
            return handle.runsSum();
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
                    total += (long) ((double) tree.branch(b).compressedBytes() * chunk.entries() / entries);
                }
            }
            return total;
        }

        /** Returns the file to the cache (it stays open for the file's next chunk). */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                cache.release(handle);
            }
        }
    }
}
