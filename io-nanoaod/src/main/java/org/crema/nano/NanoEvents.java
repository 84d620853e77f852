package org.crema.nano;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.crema.columnar.Column;
import org.crema.io.BranchInfo;
import org.crema.io.RootFormatException;
import org.crema.io.Tree;

/**
 * A lazy NanoAOD view of entries {@code [from, to)} of an {@code Events} tree. Nothing is read when
 * the view is made; each branch is read the first time a column needs it and then kept, so a
 * counter such as {@code nJet} that many fields share is read once.
 *
 * <p>Branches are grouped the NanoAOD way: a <em>collection</em> {@code X} exists when a counter
 * {@code nX} exists, and its fields are the jagged {@code X_*} branches; a <em>singleton</em> such as
 * {@code MET} groups flat {@code MET_*} branches; {@code *Idx} fields become {@link
 * CrossReference}s. Thread-safe: concurrent callers asking for the same branch wait for one read.
 */
public final class NanoEvents {
    private static final NanoSchema SCHEMA = NanoSchema.nanoAOD();
    private final Tree tree;
    private final long from;
    private final long to;
    private final Executor decompressors;
    private final Map<String, FutureTask<Column>> cache = new ConcurrentHashMap<>();
    private final Map<String, NanoCollection> collections = new ConcurrentHashMap<>();

    private NanoEvents(Tree tree, long from, long to, Executor decompressors) {
        this.tree = tree;
        this.from = from;
        this.to = to;
        this.decompressors = decompressors;
    }

    /**
     * @param tree an {@code Events} tree
     * @param from first entry
     * @param to end entry (exclusive)
     * @return a lazy view reading on the calling thread
     */
    public static NanoEvents of(Tree tree, long from, long to) {
        return of(tree, from, to, Runnable::run);
    }

    /**
     * @param tree an {@code Events} tree
     * @param from first entry, {@code 0 <= from <= to <= tree.entries()}
     * @param to end entry (exclusive)
     * @param decompressors executor on which {@link #column} and {@link #prefetch} decompress baskets
     *     (the reading thread runs the basket tasks no executor thread has started, so the pool the
     *     caller runs on is safe to pass)
     * @return a lazy view
     */
    public static NanoEvents of(Tree tree, long from, long to, Executor decompressors) {
        Objects.requireNonNull(tree, "tree");
        if (from < 0 || from > to || to > tree.entries()) {
            throw new IllegalArgumentException("entry range must satisfy 0 <= from <= to <= entries: from=" + from
                    + ", to=" + to + ", entries=" + tree.entries());
        }
        return new NanoEvents(tree, from, to, Objects.requireNonNull(decompressors, "decompressors"));
    }

    /** @return the underlying tree */
    public Tree tree() {
        return tree;
    }

    /** @return first entry of the view in the tree */
    public long from() {
        return from;
    }

    /** @return end entry (exclusive) of the view in the tree */
    public long to() {
        return to;
    }

    /** @return number of events in the view */
    public int length() {
        return Math.toIntExact(to - from);
    }

    /** @param branch branch name @return true if the tree has it */
    public boolean has(String branch) {
        return tree.has(branch);
    }

    /**
     * A branch's column for this view's events, read on first use and cached.
     *
     * @param branch branch name
     * @return a flat column, or a list column for jagged branches (with the branch's own offsets)
     * @throws org.crema.io.RootFormatException if there is no such branch
     */
    public Column column(String branch) {
        if (!cache.containsKey(branch)) {
            tree.branch(branch); // fail fast, with suggestions, for unknown names
        }
        return ComputeOnce.get(cache, branch, () -> tree.read(branch, from, to, decompressors));
    }

    /**
     * Reads several branches at once, decompressing their baskets in parallel on this view's
     * executor, and caches them.
     *
     * @param branches branch names
     */
    public void prefetch(List<String> branches) {
        List<String> missing = branches.stream().filter(b -> !cache.containsKey(b)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Column> read = tree.read(missing, from, to, decompressors);
        read.forEach((name, column) -> {
            FutureTask<Column> done = new FutureTask<>(() -> column);
            done.run();
            cache.putIfAbsent(name, done);
        });
    }

    /** @return names of the collections: every {@code X} with a counter branch {@code nX} */
    public List<String> collectionNames() {
        List<String> out = new ArrayList<>();
        for (BranchInfo b : tree.branches()) {
            String n = b.name();
            if (n.length() > 1 && n.charAt(0) == 'n' && Character.isUpperCase(n.charAt(1)) && !b.jagged()
                    && n.indexOf('_') < 0 && !fieldsOf(n.substring(1)).isEmpty()) {
                out.add(n.substring(1));
            }
        }
        return out;
    }

    /**
     * @param name collection name, e.g. {@code Jet}
     * @return the collection view (fields are read when asked for)
     * @throws org.crema.io.RootFormatException if there is no counter {@code n<name>}
     */
    public NanoCollection collection(String name) {
        return collections.computeIfAbsent(name, n -> {
            BranchInfo counter = tree.branch("n" + n);
            if (counter.jagged()) {
                throw new RootFormatException(tree.location() + ": n" + n + " is jagged, not a collection counter");
            }
            return new NanoCollection(this, n, counter.name(), fieldsOf(n));
        });
    }

    /** Jagged branches that belong to collection {@code name}, field name → branch name. */
    Map<String, String> fieldsOf(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (BranchInfo b : tree.branches()) {
            if (!b.jagged() || !b.readable()) {
                continue;
            }
            if (SCHEMA.isField(name, b.name(), b.counter())) {
                out.put(SCHEMA.fieldName(name, b.name()), b.name());
            }
        }
        return out;
    }

    /** @return prefixes of flat branches named {@code PREFIX_field} that are not collections (MET, PV, …) */
    public List<String> singletonNames() {
        Set<String> out = new LinkedHashSet<>();
        for (BranchInfo b : tree.branches()) {
            int u = b.name().indexOf('_');
            if (!b.jagged() && b.readable() && u > 0 && u < b.name().length() - 1) {
                String prefix = b.name().substring(0, u);
                if (!tree.has("n" + prefix)) {
                    out.add(prefix);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param prefix e.g. {@code MET}, {@code PV}, {@code Pileup}
     * @return the flat {@code prefix_*} branches as named fields
     * @throws org.crema.io.RootFormatException if no flat branch has that prefix
     */
    public NanoSingleton singleton(String prefix) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (BranchInfo b : tree.branches()) {
            if (!b.jagged() && b.readable() && b.name().startsWith(prefix + "_")) {
                fields.put(b.name().substring(prefix.length() + 1), b.name());
            }
        }
        if (fields.isEmpty()) {
            tree.branch(prefix + "_"); // throws with suggestions
        }
        return new NanoSingleton(this, prefix, fields);
    }

    /**
     * A cross-reference from an index field, e.g. {@code crossReference("Jet", "genJetIdx")}; the
     * target collection is inferred from the field name ({@code genJetIdx} → {@code GenJet},
     * {@code genPartIdxMother} → {@code GenPart}, {@code muonIdx1} → {@code Muon}).
     *
     * @param collection source collection
     * @param idxField index field of the source collection
     * @return the cross-reference
     */
    public CrossReference crossReference(String collection, String idxField) {
        String target = SCHEMA.target(collection, idxField, collectionNames());
        if (target == null) {
            throw new RootFormatException(tree.location() + ": cannot tell which collection " + collection + "_"
                    + idxField + " points into; use crossReference(source, field, target)");
        }
        return crossReference(collection, idxField, target);
    }

    /**
     * @param collection source collection
     * @param idxField index field of the source collection
     * @param target collection the indices point into
     * @return the cross-reference
     */
    public CrossReference crossReference(String collection, String idxField, String target) {
        NanoCollection source = collection(collection);
        return NanoSchema.resolve(collection, idxField, target, source.field(idxField),
                collection(target).offsets());
    }

    /**
     * @param collection a collection
     * @return every index field of the collection whose target collection exists, field → target
     */
    public Map<String, String> crossReferenceFields(String collection) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = collectionNames();
        for (String f : collection(collection).fieldNames()) {
            String t = SCHEMA.target(collection, f, names);
            if (t != null) {
                out.put(f, t);
            }
        }
        return out;
    }
}
