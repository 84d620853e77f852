package org.crema.processor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.Selection;
import org.crema.nano.CrossReference;
import org.crema.nano.EventTable;
import org.crema.nano.NanoSchema;
import org.crema.processor.nano.Electrons;
import org.crema.processor.nano.FatJets;
import org.crema.processor.nano.GenJets;
import org.crema.processor.nano.GenParticles;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.MissingEt;
import org.crema.processor.nano.Muons;
import org.crema.processor.nano.Photons;
import org.crema.processor.nano.PhysicsObjects;
import org.crema.processor.nano.Taus;

/**
 * The events of one chunk, as a lazy columnar view: nothing is read until a column is touched, and
 * each column is read at most once per chunk. Carries the dataset's metadata ({@link #dataset()}) and
 * where the events come from ({@link #chunk()}).
 *
 * <p>{@link #filter} returns a new view of a subset of events (e.g. after a skim); its columns are
 * gathered from the parent's on first use.
 *
 * <p>Not thread-safe: one chunk is processed by one thread.
 *
 * <pre>{@code
 * ListColumn<RecordColumn> muons = events.collection("Muon");
 * FloatColumn pt = muons.content().field("pt", FloatColumn.class);
 * }</pre>
 */
public final class Events implements EventTable {
    private static final NanoSchema SCHEMA = NanoSchema.nanoAOD();

    private final Chunk chunk;
    private final ColumnSource source;
    private final Events parent;
    private final int[] selected;
    private final int length;
    private final Map<String, Column> cache = new HashMap<>();
    private final Map<String, ListColumn<RecordColumn>> collections = new HashMap<>();
    private final Map<String, CrossReference> crossReferences = new HashMap<>();
    private final Map<String, int[]> offsets = new HashMap<>();
    private final Map<Object, Object> memo = new HashMap<>();

    private Events(Chunk chunk, ColumnSource source, Events parent, int[] selected, int length) {
        this.chunk = chunk;
        this.source = source;
        this.parent = parent;
        this.selected = selected;
        this.length = length;
    }

    /**
     * @param chunk where the events come from (dataset, file, entry range)
     * @param source the columns of that range
     * @return a lazy view of all events of the chunk
     */
    public static Events of(Chunk chunk, ColumnSource source) {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(source, "source");
        return new Events(chunk, source, null, null, source.length());
    }

    /** @return the dataset's name and metadata */
    public DatasetInfo dataset() {
        return chunk.dataset();
    }

    /** @return file, tree and entry range of the chunk these events come from */
    public Chunk chunk() {
        return chunk;
    }

    /** @return true for simulation */
    public boolean isMC() {
        return chunk.dataset().isMC();
    }

    /** @return the number of events in this view */
    @Override
    public int size() {
        return length;
    }

    /** @return names of the available columns */
    @Override
    public Set<String> columnNames() {
        return source.columnNames();
    }

    /**
     * @param name column name
     * @return true if the input has that column
     */
    @Override
    public boolean has(String name) {
        return source.columnNames().contains(name);
    }

    /**
     * @return Σ genEventSumw of the chunk's whole file from its {@code Runs} tree, or empty when the
     *     file has none; add it once per file (when {@code chunk().isFirstOfFile()})
     */
    public OptionalDouble fileSumGenWeights() {
        try {
            return source.fileSumGenWeights();
        } catch (ProcessorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputReadException(chunk.describe() + ": cannot read the Runs tree: " + e.getMessage(), e);
        }
    }

    /** @return compressed bytes read from storage for this chunk so far */
    public long bytesRead() {
        return source.bytesRead();
    }

    /**
     * One column of this view, read on first use.
     *
     * @param name branch name, e.g. {@code Muon_pt} or {@code genWeight}
     * @return a column of {@link #size()} entries
     * @throws NoSuchColumnException if the input has no such column
     * @throws InputReadException if the input cannot be read
     */
    @Override
    public Column column(String name) {
        Column c = cache.get(name);
        if (c == null) {
            if (parent == null) {
                if (!has(name)) {
                    throw new NoSuchColumnException("no column '" + name + "' in " + chunk.describe()
                            + " (" + source.columnNames().size() + " columns available)");
                }
                try {
                    c = source.column(name);
                } catch (ProcessorException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new InputReadException(chunk.describe() + ": cannot read column '" + name + "': "
                            + e.getMessage(), e);
                }
                if (c == null || c.length() != length) {
                    throw new InputReadException(chunk.describe() + ": column '" + name + "' has "
                            + (c == null ? "no data" : c.length() + " entries") + ", expected " + length, null);
                }
            } else {
                c = Selection.takeRows(parent.column(name), selected);
            }
            cache.put(name, c);
        }
        return c;
    }

    /**
     * Bytes held by the columns and collections this view has read or derived so far (their
     * {@code retainedSizeInBytes}); the runner admits chunks by this measure. Columns shared between
     * a collection and its branches are counted twice, so this errs on the high side.
     *
     * @return retained bytes of this view's caches
     */
    public long retainedSizeInBytes() {
        long n = 0;
        for (Column c : cache.values()) {
            n += c.retainedSizeInBytes();
        }
        for (ListColumn<RecordColumn> c : collections.values()) {
            n += c.retainedSizeInBytes();
        }
        return n;
    }

    /**
     * A column of an expected type.
     *
     * @param name column name
     * @param type expected class, e.g. {@code FloatColumn.class}
     * @param <T> the column type
     * @return the column
     * @throws NoSuchColumnException if absent or of another type
     */
    public <T extends Column> T column(String name, Class<T> type) {
        Column c = column(name);
        if (!type.isInstance(c)) {
            throw new NoSuchColumnException("column '" + name + "' is a " + c.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName() + ", in " + chunk.describe());
        }
        return type.cast(c);
    }

    /**
     * A NanoAOD collection: the {@code name_*} branches grouped as records over the {@code nName}
     * counter, e.g. {@code collection("Muon").content().field("pt")}. Reads every field; name the
     * fields you need with {@link #collection(String, String...)} to read less.
     *
     * @param name collection name, e.g. {@code Muon}
     * @return a list column of records, one list per event
     * @throws NoSuchColumnException if there is no {@code name_*} jagged branch
     */
    public ListColumn<RecordColumn> collection(String name) {
        return collection(name, new String[0]);
    }

    /**
     * A NanoAOD collection with only the named fields (only those branches are read).
     *
     * @param name collection name, e.g. {@code Muon}
     * @param fields field names without the prefix, e.g. {@code pt}, {@code eta}; none means all
     * @return a list column of records with those fields, in the order given
     * @throws NoSuchColumnException if the collection or a field does not exist
     */
    public ListColumn<RecordColumn> collection(String name, String... fields) {
        String key = fields.length == 0 ? name : name + "\0" + String.join("\0", fields);
        ListColumn<RecordColumn> c = collections.get(key);
        if (c != null) {
            return c;
        }
        if (parent != null) {
            c = Selection.takeRows(parent.collection(name, fields), selected);
        } else {
            for (String f : fields) {
                if (!has(name + "_" + f)) {
                    throw new NoSuchColumnException("collection '" + name + "' has no field '" + f + "' (no branch '"
                            + name + "_" + f + "') in " + chunk.describe());
                }
            }
            try {
                c = source.collection(name, java.util.List.of(fields));
            } catch (ProcessorException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InputReadException(chunk.describe() + ": cannot read collection '" + name + "': "
                        + e.getMessage(), e);
            }
            if (c == null) {
                c = groupCollection(name, fields);
            }
            if (c.length() != length) {
                throw new InputReadException(chunk.describe() + ": collection '" + name + "' has " + c.length()
                        + " entries, expected " + length, null);
            }
        }
        collections.put(key, c);
        return c;
    }

    /*
     * Sources without a reader-side grouping (in-memory tables) carry no branch → counter links, so
     * each jagged branch's counter is recovered from the columns present: nX when its values are the
     * branch's counts, or the branch's own n<branch> (files written by uproot). Which branches then
     * belong to the collection is NanoSchema's rule, the same the ROOT reader applies.
     */
    private ListColumn<RecordColumn> groupCollection(String name, String[] wanted) {
        String counter = SCHEMA.counter(name);
        java.util.List<String> names = new java.util.ArrayList<>();
        if (wanted.length == 0) {
            for (String col : new TreeSet<>(source.columnNames())) {
                if (col.startsWith(name + "_") || col.equals(name)) {
                    names.add(col);
                }
            }
        } else {
            for (String f : wanted) {
                names.add(name + "_" + f);
            }
        }
        Map<String, Column> fields = new LinkedHashMap<>();
        int[] offsets = null;
        for (String col : names) {
            if (column(col) instanceof ListColumn<?> list && list.content() instanceof PrimitiveColumn) {
                String counterOfBranch = counterOf(col, list, counter);
                if (!SCHEMA.isField(name, col, counterOfBranch)) {
                    if (wanted.length > 0) {
                        throw new InputReadException(chunk.describe() + ": branch '" + col + "' is not counted by '"
                                + counter + "'" + (has(counter) ? " (its counts differ)" : " (no such counter)"), null);
                    }
                    continue; // a branch with another counter (e.g. a nested index list) is not a field
                }
                if (offsets == null) {
                    offsets = NanoSchema.offsets(list.counts(), chunk.describe() + ", branch " + col,
                            chunk.entryStart());
                }
                fields.put(SCHEMA.fieldName(name, col), list.content().region(list.offsets()[list.offsetsFrom()],
                        list.totalCount()));
            } else if (wanted.length > 0) {
                throw new NoSuchColumnException("'" + col + "' is not a jagged branch of collection '" + name
                        + "' in " + chunk.describe());
            }
        }
        if (offsets == null) {
            throw new NoSuchColumnException("no collection '" + name + "' (no jagged '" + name + "_*' branch counted by '"
                    + counter + "') in " + chunk.describe());
        }
        return ListColumn.ofTrusted(offsets, RecordColumn.of(fields, offsets[offsets.length - 1]));
    }

    /** @return the counter whose values are the list's counts: {@code counter}, {@code n<branch>}, or null */
    private String counterOf(String branch, ListColumn<?> list, String counter) {
        for (String c : new String[] {counter, "n" + branch}) {
            if (has(c) && column(c) instanceof PrimitiveColumn counts && sameCounts(list, counts)) {
                return c;
            }
        }
        return null;
    }

    private static boolean sameCounts(ListColumn<?> list, PrimitiveColumn counts) {
        if (list.length() != counts.length() || counts instanceof BoolColumn || counts.elementType().isFloatingPoint()) {
            return false;
        }
        for (int i = 0; i < list.length(); i++) {
            if (list.count(i) != counts.getLong(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A NanoAOD singleton: the flat {@code name_*} branches as one record per event (e.g. {@code MET}).
     *
     * @param name singleton name, e.g. {@code MET}
     * @return a record column of {@link #size()} entries
     */
    public RecordColumn singleton(String name) {
        String prefix = name + "_";
        Map<String, Column> fields = new LinkedHashMap<>();
        for (String col : new TreeSet<>(source.columnNames())) {
            if (col.startsWith(prefix) && !(column(col) instanceof ListColumn<?>)) {
                fields.put(col.substring(prefix.length()), column(col));
            }
        }
        if (fields.isEmpty()) {
            throw new NoSuchColumnException("no singleton '" + name + "' (no flat '" + prefix + "*' branch) in "
                    + chunk.describe());
        }
        return RecordColumn.of(fields, length);
    }

    /**
     * Names of the NanoAOD collections of the input: every {@code X} with a counter {@code nX} and at
     * least one {@code X_*} branch.
     *
     * @return collection names, sorted
     */
    @Override
    public java.util.List<String> collectionNames() {
        return SCHEMA.collectionNames(source.columnNames());
    }

    /**
     * A cross-reference from an index field, with the target collection inferred from the field's
     * name as the NanoAOD reader does ({@code genJetIdx} → {@code GenJet}, {@code jetIdx} → {@code
     * Jet}, {@code genPartIdxMother} → {@code GenPart}, {@code electronIdx} → {@code Electron}, …).
     *
     * @param collection source collection, e.g. {@code Jet}
     * @param idxField index field of that collection, e.g. {@code genJetIdx}
     * @return local and global indices, −1 for no match or an index outside the target event
     * @throws NoSuchColumnException if the branch is missing or no collection matches the field name
     */
    public CrossReference crossReference(String collection, String idxField) {
        String target = SCHEMA.target(collection, idxField, collectionNames());
        if (target == null) {
            throw new NoSuchColumnException("cannot tell which collection '" + collection + "_" + idxField
                    + "' points into (collections: " + collectionNames()
                    + "); use crossReference(collection, idxField, target)");
        }
        return crossReference(collection, idxField, target);
    }

    /**
     * A cross-reference from an index field into a named collection. Computed once per view; works
     * on filtered views (the indices stay per-event, so filtering events keeps them valid).
     *
     * @param collection source collection, e.g. {@code Jet}
     * @param idxField index field of that collection, e.g. {@code genJetIdx}
     * @param target the collection the index points into, e.g. {@code GenJet}
     * @return local and global indices, −1 for no match or an index outside the target event
     * @throws NoSuchColumnException if the index branch or the target collection is missing
     */
    @Override
    public CrossReference crossReference(String collection, String idxField, String target) {
        String key = collection + "\0" + idxField + "\0" + target;
        CrossReference x = crossReferences.get(key);
        if (x != null) {
            return x;
        }
        String branch = collection + "_" + idxField;
        if (!(column(branch) instanceof ListColumn<?> idx) || !(idx.content() instanceof PrimitiveColumn)) {
            throw new NoSuchColumnException("'" + branch + "' is not a jagged index branch in " + chunk.describe());
        }
        try {
            x = NanoSchema.resolve(collection, idxField, target, idx, offsets(target));
        } catch (org.crema.io.RootException e) {
            throw new InputReadException(chunk.describe() + ": " + e.getMessage(), e);
        }
        crossReferences.put(key, x);
        return x;
    }

    /**
     * The number of objects of a collection per event.
     *
     * @param name collection name, e.g. {@code Jet}
     * @return per event, the counter {@code nName} when present, otherwise the list lengths of the
     *     collection's first jagged branch
     * @throws NoSuchColumnException if there is neither
     */
    public IntColumn counts(String name) {
        int[] o = offsets(name);
        int[] c = new int[length];
        for (int e = 0; e < length; e++) {
            c[e] = o[e + 1] - o[e];
        }
        return IntColumn.of(c);
    }

    /**
     * The collection's list offsets, from its counter {@code nName} by the schema's one rule
     * ({@link NanoSchema#offsets}), or else from the lists of its first jagged branch (inputs
     * without counters, such as in-memory tests). Computed once per view.
     *
     * @param name collection name, e.g. {@code Jet}
     * @return {@link #size()} + 1 offsets from 0; shared, do not modify
     * @throws NoSuchColumnException if there is neither a counter nor a jagged branch
     */
    @Override
    public int[] offsets(String name) {
        int[] o = offsets.get(name);
        if (o == null) {
            o = computeOffsets(name);
            offsets.put(name, o);
        }
        return o;
    }

    private int[] computeOffsets(String name) {
        String counter = SCHEMA.counter(name);
        if (has(counter) && column(counter) instanceof PrimitiveColumn counts && !(counts instanceof BoolColumn)) {
            try {
                return NanoSchema.offsets(counts, chunk.describe() + ", counter " + counter, 0);
            } catch (org.crema.io.RootException e) {
                throw new InputReadException(e.getMessage(), e);
            }
        }
        for (String col : new TreeSet<>(source.columnNames())) {
            if (col.startsWith(name + "_") && column(col) instanceof ListColumn<?> list) {
                return list.zeroBasedOffsets();
            }
        }
        throw new NoSuchColumnException("no collection '" + name + "' (no counter '" + counter + "' and no jagged '"
                + name + "_*' branch) in " + chunk.describe());
    }

    /**
     * Reads the named fields of a collection together (the ROOT input decompresses their baskets in
     * parallel) and keeps them like any column; fields already read are skipped. Views call it from
     * {@code prefetch(...)}.
     */
    @Override
    public void prefetch(String collection, java.util.List<String> fields) {
        if (parent != null) {
            parent.prefetch(collection, fields);
            return;
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String f : fields) {
            String branch = collection + "_" + f;
            if (!cache.containsKey(branch) && has(branch)) {
                missing.add(f);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        ListColumn<RecordColumn> c;
        try {
            c = source.collection(collection, missing);
        } catch (ProcessorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputReadException(chunk.describe() + ": cannot read collection '" + collection + "': "
                    + e.getMessage(), e);
        }
        if (c == null || c.length() != length) {
            return; // the source reads branch by branch; column() will
        }
        int[] off = c.zeroBasedOffsets();
        RecordColumn rec = (RecordColumn) c.flatContent();
        for (String f : missing) {
            cache.put(collection + "_" + f, ListColumn.ofTrusted(off, rec.field(f)));
        }
    }

    @Override
    public String describe() {
        return chunk.describe();
    }

    /**
     * A value computed once for this view of events and dropped with it: a per-chunk cache for work
     * that every shape variation shares (e.g. jet energy corrections). Unlike a {@code ThreadLocal}
     * keyed on the events, it lives exactly as long as the chunk.
     *
     * @param key identifies the value (e.g. a record or a string naming it)
     * @param compute computes the value on first use
     * @param <T> the value type
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = Objects.requireNonNull(compute.get(), "memo: the computed value must not be null");
            memo.put(key, v);
        }
        return (T) v;
    }

    /**
     * @param name any collection, e.g. {@code SoftActivityJet}
     * @return a generic view of all its objects
     */
    public PhysicsObjects objects(String name) {
        return PhysicsObjects.of(this, name);
    }

    /** @return the {@code Jet} collection */
    public Jets jets() {
        return Jets.of(this);
    }

    /** @return the {@code Muon} collection */
    public Muons muons() {
        return Muons.of(this);
    }

    /** @return the {@code Electron} collection */
    public Electrons electrons() {
        return Electrons.of(this);
    }

    /** @return the {@code Photon} collection */
    public Photons photons() {
        return Photons.of(this);
    }

    /** @return the {@code Tau} collection */
    public Taus taus() {
        return Taus.of(this);
    }

    /** @return the {@code FatJet} collection */
    public FatJets fatJets() {
        return FatJets.of(this);
    }

    /** @return the {@code GenJet} collection (simulation) */
    public GenJets genJets() {
        return GenJets.of(this);
    }

    /** @return the {@code GenPart} collection (simulation) */
    public GenParticles genParticles() {
        return GenParticles.of(this);
    }

    /** @return the {@code MET} record */
    public MissingEt met() {
        return MissingEt.of(this, "MET");
    }

    /**
     * A view of the events whose flag is set; columns are gathered lazily.
     *
     * @param mask one flag per event of this view
     * @return a new view (this one is unchanged)
     */
    public Events filter(BoolColumn mask) {
        if (mask.length() != length) {
            throw new IllegalArgumentException("mask must have one flag per event: mask length " + mask.length()
                    + " != " + length + " events");
        }
        int[] idx = Selection.trueIndices(mask);
        return new Events(chunk, source, this, idx, idx.length);
    }

    /**
     * A view of the events whose flag is set, labelled as another dataset: a subsample of this
     * chunk's dataset ({@link AnalysisProcessor#subsamples}). Columns are gathered lazily.
     *
     * @param mask one flag per event of this view
     * @param dataset the dataset the selected events belong to
     * @return a new view (this one is unchanged)
     */
    public Events filter(BoolColumn mask, DatasetInfo dataset) {
        Objects.requireNonNull(dataset, "dataset");
        Events f = filter(mask);
        Chunk c = new Chunk(chunk.index(), dataset, chunk.file(), chunk.treeName(), chunk.entryStart(),
                chunk.entryStop(), chunk.fileEntries());
        return new Events(c, source, this, f.selected, f.length);
    }
}
