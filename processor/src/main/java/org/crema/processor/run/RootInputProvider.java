package org.crema.processor.run;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.List;
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
 * Each chunk opens its file (only the header and key list are read), and each column is read for the
 * chunk's entry range only when the processor touches it; collections come from the reader's
 * {@code NanoEvents} (counter-checked, fields read in parallel). Σ genWeight comes from the
 * {@code Runs} tree ({@code genEventSumw} or {@code genEventSumw_}). Thread-safe; its only state is the
 * truncated-file option.
 */
public final class RootInputProvider implements InputProvider {
    private static final long serialVersionUID = 1L;

    private final boolean allowTruncated;

    /** Creates the provider; files shorter than their header says are refused. */
    public RootInputProvider() {
        this(false);
    }

    /**
     * @param allowTruncated read files that are shorter than their header says (a copy that stopped
     *     early) instead of refusing them; chunks whose baskets lie past the end still fail
     */
    public RootInputProvider(boolean allowTruncated) {
        this.allowTruncated = allowTruncated;
    }

    private RootFile openFile(String file) {
        return allowTruncated ? RootFile.open(Path.of(file), RootFile.Option.ALLOW_TRUNCATED)
                : RootFile.open(Path.of(file));
    }

    @Override
    public FileInfo inspect(String file, String treeName) {
        try (RootFile f = openFile(file)) {
            Tree t = f.tree(treeName);
            return new FileInfo(t.entries(), t.clusterStarts(), f.size());
        }
    }

    @Override
    public ColumnSource open(Chunk chunk) {
        RootFile f = openFile(chunk.file());
        try {
            Tree t = f.tree(chunk.treeName());
            if (t.entries() != chunk.fileEntries()) {
                throw new InputReadException(chunk.describe() + ": the tree now has " + t.entries()
                        + " entries, the plan saw " + chunk.fileEntries() + " (file changed during the run?)", null);
            }
            return new RootSource(f, t, chunk);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /** The columns of one chunk of one tree, through the reader's lazy NanoAOD view. */
    private static final class RootSource implements ColumnSource {
        private final RootFile file;
        private final Tree tree;
        private final Chunk chunk;
        private final NanoEvents nano;
        private final Set<String> names;
        private final Set<String> branchesRead = new LinkedHashSet<>();

        RootSource(RootFile file, Tree tree, Chunk chunk) {
            this.file = file;
            this.tree = tree;
            this.chunk = chunk;
            this.nano = NanoEvents.of(tree, chunk.entryStart(), chunk.entryStop());
            Set<String> n = new LinkedHashSet<>();
            for (BranchInfo b : tree.branches()) {
                if (b.readable()) {
                    n.add(b.name());
                }
            }
            this.names = Collections.unmodifiableSet(n);
        }

        @Override
        public int length() {
            return Math.toIntExact(chunk.entries());
        }

        @Override
        public Set<String> columnNames() {
            return names;
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
            RunsSummary runs = RunsSummary.of(file);
            return runs.present() ? OptionalDouble.of(runs.sumGenWeights()) : OptionalDouble.empty();
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

        @Override
        public void close() {
            file.close();
        }
    }
}
