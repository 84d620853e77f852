package org.crema.io;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.crema.columnar.Column;
import org.crema.io.internal.column.TreeReader;
import org.crema.io.internal.column.TreeReaders;

/**
 * A TTree of an open {@link RootFile}: its metadata (entries, branches, cluster boundaries) is in
 * memory; branch data is read from the file only when {@link #read} asks for it.
 *
 * <p>Thread-safe: any number of threads may call {@link #read} at once, for the same or different
 * branches and ranges. Each call reads and decodes its own baskets and returns new columns; only the
 * decompressed baskets a read used in part are kept, in the file's basket cache, so that the read of
 * the next entry range does not decompress them again (the {@code org.crema.nano.NanoEvents} view
 * caches the columns it has read).
 *
 * <pre>{@code
 * try (RootFile file = RootFile.open(Path.of("nano.root"))) {
 *     Tree events = file.tree("Events");
 *     ListColumn<?> jetPt = (ListColumn<?>) events.read("Jet_pt", 0, events.entries());
 * }
 * }</pre>
 */
public final class Tree {
    static {
        TreeReaders.register(t -> t.reader);
    }

    private final TreeReader reader;

    Tree(TreeReader reader) {
        this.reader = reader;
    }

    /** @return "file F, tree T": where this tree is, for messages */
    public String location() {
        return reader.context().describe();
    }

    /** @return the tree's name */
    public String name() {
        return reader.model().name();
    }

    /** @return the tree's title */
    public String title() {
        return reader.model().title();
    }

    /**
     * @return the number of entries; every branch holds exactly this many (checked when the tree is
     *     opened)
     */
    public long entries() {
        return reader.entries();
    }

    /** @return the TTree class version the writer used */
    public int classVersion() {
        return reader.model().version();
    }

    /** @return every branch in tree order (sub-branches follow their parent) */
    public List<BranchInfo> branches() {
        return reader.layout().infos();
    }

    /** @param name branch name @return true if the tree has that branch */
    public boolean has(String name) {
        return reader.layout().info(name) != null;
    }

    /**
     * @param name branch name
     * @return the branch's description
     * @throws RootFormatException if there is no such branch; the message suggests close names
     */
    public BranchInfo branch(String name) {
        Objects.requireNonNull(name, "name");
        return reader.branch(name);
    }

    /**
     * First entries of the tree's clusters, for cutting work into chunks that do not split baskets.
     * Taken from the tree's cluster ranges and auto-flush size when the writer set them, otherwise
     * from the basket boundaries of the first branch that has more than one basket.
     *
     * @return ascending entry numbers, starting at 0, each below {@link #entries()} (empty for an
     *     empty tree)
     */
    public long[] clusterStarts() {
        return reader.clusterStarts();
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
        Objects.requireNonNull(branch, "branch");
        return reader.read(branch, fromEntry, toEntry);
    }

    /**
     * Reads entries {@code [fromEntry, toEntry)} of one branch, its baskets read and decompressed as
     * independent tasks on {@code decompressors}; the calling thread runs the tasks no executor
     * thread has started, so a caller may pass the pool it runs on (no deadlock). Gives the same
     * column as {@link #read(String, long, long)}.
     *
     * @param branch branch name
     * @param fromEntry first entry, {@code 0 <= fromEntry <= toEntry}
     * @param toEntry end entry (exclusive), {@code <= entries()}
     * @param decompressors executor for basket tasks ({@code Runnable::run} for the calling thread)
     * @return the column, as {@link #read(String, long, long)}
     */
    public Column read(String branch, long fromEntry, long toEntry, Executor decompressors) {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(decompressors, "decompressors");
        return reader.read(branch, fromEntry, toEntry, decompressors);
    }

    /**
     * Reads entries {@code [from, to)} of several branches. The counters of jagged branches are read
     * first (they are small); with their offsets every value's place is known, so each basket is read,
     * decompressed and converted into its span of the output as an independent task on {@code
     * decompressors}, submitted in file order; the calling thread runs the tasks no executor thread
     * has started. Jagged columns that share a counter share one offsets array. Each basket's own
     * entry-offset table is checked against its counter.
     *
     * @param branchNames branches to read
     * @param from first entry
     * @param to end entry (exclusive)
     * @param decompressors executor for basket tasks ({@code Runnable::run} for the calling thread)
     * @return branch name → column, in the order given
     */
    public Map<String, Column> read(Collection<String> branchNames, long from, long to, Executor decompressors) {
        Objects.requireNonNull(branchNames, "branchNames");
        Objects.requireNonNull(decompressors, "decompressors");
        return reader.read(branchNames, from, to, decompressors);
    }

    @Override
    public String toString() {
        return "Tree[" + name() + ", " + entries() + " entries, " + branches().size() + " branches]";
    }
}
