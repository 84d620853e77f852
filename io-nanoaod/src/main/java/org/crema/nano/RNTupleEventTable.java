package org.crema.nano;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.io.NameSuggestions;
import org.crema.io.RootFormatException;
import org.crema.io.rntuple.BranchNames;
import org.crema.io.rntuple.RNTuple;

/**
 * A lazy NanoAOD view of entries {@code [from, to)} of an {@code Events} RNTuple, under the names
 * of the TTree: the RNTuple twin of {@link NanoEvents}, so that {@code Events}, {@link NanoSchema}
 * and the typed views work on either format unchanged.
 *
 * <p>CMSSW writes a collection as one field ({@code Muon}, members {@code Muon._0.pt}) and no
 * counter; {@link BranchNames} gives every member its TTree name ({@code Muon_pt}) and every
 * collection a counter ({@code nMuon}, from the collection's offsets), so {@link #columnNames()}
 * lists what the TTree would, and {@link NanoSchema#collectionNames} finds the same collections.
 * A collection's offsets come from its own index column, read once per view; members are read
 * only when asked for and checked against those offsets.
 *
 * <p>Each column is read on first use and kept; concurrent callers asking for the same column wait
 * for one read. Thread-safe.
 *
 * <pre>{@code
 * try (RNTupleReader reader = RNTupleReader.open(Path.of("nano_dy_zstd5.root"))) {
 *     RNTupleEventTable events = RNTupleEventTable.of(reader.ntuple("Events"), 0, 40);
 *     int[] muons = events.offsets("Muon");                       // nMuon as offsets
 *     ListColumn<RecordColumn> mu = events.collection("Muon", List.of("pt", "eta"));
 *     CrossReference jet = events.crossReference("Muon", "jetIdx", "Jet");
 * }
 * }</pre>
 */
public final class RNTupleEventTable implements EventTable {
    private static final NanoSchema SCHEMA = NanoSchema.nanoAOD();

    private final RNTuple ntuple;
    private final BranchNames names;
    private final long from;
    private final long to;
    private final Executor decoders;
    private final Set<String> columnNames;
    private final Map<String, FutureTask<Column>> columns = new ConcurrentHashMap<>();
    private final Map<String, FutureTask<int[]>> offsets = new ConcurrentHashMap<>();
    private final Map<String, FutureTask<CrossReference>> crossReferences = new ConcurrentHashMap<>();
    private volatile List<String> collectionNames;

    private RNTupleEventTable(RNTuple ntuple, BranchNames names, long from, long to, Executor decoders) {
        this.ntuple = ntuple;
        this.names = names;
        this.from = from;
        this.to = to;
        this.decoders = decoders;
        this.columnNames = Collections.unmodifiableSet(new LinkedHashSet<>(names.names()));
    }

    /**
     * @param ntuple an {@code Events} RNTuple
     * @param from first entry
     * @param to end entry (exclusive)
     * @return a lazy view decoding pages on the calling thread
     */
    public static RNTupleEventTable of(RNTuple ntuple, long from, long to) {
        Objects.requireNonNull(ntuple, "ntuple");
        return of(ntuple, BranchNames.of(ntuple), from, to, null);
    }

    /**
     * A view sharing one {@link BranchNames} with the other views of the same ntuple (building it
     * walks the whole schema, ~1 500 fields for a NanoAOD file).
     *
     * @param ntuple an {@code Events} RNTuple
     * @param names {@code BranchNames.of(ntuple)}
     * @param from first entry, {@code 0 <= from <= to <= ntuple.entries()}
     * @param to end entry (exclusive)
     * @param decoders executor on which the pages of one read are decompressed and decoded, or null
     *     for the calling thread
     * @return a lazy view
     */
    public static RNTupleEventTable of(RNTuple ntuple, BranchNames names, long from, long to, Executor decoders) {
        Objects.requireNonNull(ntuple, "ntuple");
        Objects.requireNonNull(names, "names");
        if (from < 0 || from > to || to > ntuple.entries()) {
            throw new IllegalArgumentException("entry range must satisfy 0 <= from <= to <= entries: from=" + from
                    + ", to=" + to + ", entries=" + ntuple.entries());
        }
        return new RNTupleEventTable(ntuple, names, from, to, decoders);
    }

    /** @return the underlying ntuple */
    public RNTuple ntuple() {
        return ntuple;
    }

    /** @return first entry of the view in the ntuple */
    public long from() {
        return from;
    }

    /** @return end entry (exclusive) of the view in the ntuple */
    public long to() {
        return to;
    }

    @Override
    public int size() {
        return Math.toIntExact(to - from);
    }

    /** @return the TTree branch names of the ntuple: leaf fields, then collection counters ({@link BranchNames#names}) */
    @Override
    public Set<String> columnNames() {
        return columnNames;
    }

    @Override
    public boolean has(String branch) {
        return columnNames.contains(branch);
    }

    /**
     * A branch by its TTree name, read on first use and kept.
     *
     * @param branch e.g. {@code Muon_pt} (a {@code ListColumn}), {@code nMuon} (unsigned counts),
     *     {@code MET_pt}, {@code HLT_IsoMu24}
     * @return a column of {@link #size()} entries
     * @throws RootFormatException naming file, ntuple and the name (with close names) when there is
     *     no such branch
     */
    @Override
    public Column column(String branch) {
        if (!has(branch)) {
            List<String> close = NameSuggestions.closest(branch, columnNames, 5);
            throw new RootFormatException(describe() + ": no field or branch named '" + branch + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        }
        return ComputeOnce.get(columns, branch, () -> names.read(branch, from, to, decoders));
    }

    /** @return collections by {@link NanoSchema#collectionNames}: every {@code X} with {@code nX} and an {@code X_*} branch */
    @Override
    public List<String> collectionNames() {
        List<String> c = collectionNames;
        if (c == null) {
            c = SCHEMA.collectionNames(columnNames);
            collectionNames = c;
        }
        return c;
    }

    /**
     * The fields of a collection: the jagged {@code X_*} branches, in field order.
     *
     * @param collection e.g. {@code Muon}
     * @return field names without the prefix, e.g. {@code pt}
     */
    public List<String> fieldNames(String collection) {
        String prefix = collection + "_";
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : names.fields().entrySet()) {
            if (e.getKey().startsWith(prefix) && ntuple.field(e.getValue()).jagged()) {
                out.add(e.getKey().substring(prefix.length()));
            }
        }
        return out;
    }

    /**
     * List offsets of a collection: from the collection field's own index column when the counter
     * is no field (CMSSW's layout), else from the counter {@code nX} by {@link NanoSchema#offsets}
     * (RNTupleImporter's cardinality fields), else from the lists of the first {@code X_*} member.
     *
     * @param collection e.g. {@code Muon}
     * @return {@link #size()} + 1 offsets from 0; shared, do not modify
     */
    @Override
    public int[] offsets(String collection) {
        return ComputeOnce.get(offsets, collection, () -> computeOffsets(collection));
    }

    private int[] computeOffsets(String collection) {
        String counter = SCHEMA.counter(collection);
        String field = names.counters().get(counter);
        if (field != null) {
            return ntuple.readOffsets(field, from, to, decoders);
        }
        if (has(counter) && column(counter) instanceof PrimitiveColumn counts && !(counts instanceof BoolColumn)) {
            return NanoSchema.offsets(counts, describe() + ", counter " + counter, from);
        }
        List<String> fields = fieldNames(collection);
        if (fields.isEmpty()) {
            throw new RootFormatException(describe() + ": no collection '" + collection + "' (no counter '" + counter
                    + "' and no jagged '" + collection + "_*' field)");
        }
        return ((ListColumn<?>) column(collection + "_" + fields.getFirst())).zeroBasedOffsets();
    }

    /**
     * One member of a collection over the collection's offsets.
     *
     * @param collection e.g. {@code Muon}
     * @param field e.g. {@code pt}
     * @return a list column sharing {@link #offsets(String)}
     * @throws RootFormatException when the member is missing, not jagged, or holds another number of
     *     values than the collection counts
     */
    public ListColumn<PrimitiveColumn> field(String collection, String field) {
        String branch = collection + "_" + field;
        if (!has(branch)) {
            throw new RootFormatException(describe() + ": collection '" + collection + "' has no field '" + field
                    + "' (no branch '" + branch + "'); fields are " + fieldNames(collection));
        }
        if (!(column(branch) instanceof ListColumn<?> list) || !(list.content() instanceof PrimitiveColumn content)) {
            throw new RootFormatException(describe() + ": '" + branch + "' (field " + names.fields().get(branch)
                    + ") is not a member of a collection");
        }
        int[] o = offsets(collection);
        if (list.totalCount() != o[o.length - 1]) {
            throw new RootFormatException(describe() + ", field " + names.fields().get(branch) + ": holds "
                    + list.totalCount() + " values but collection " + collection + " counts " + o[o.length - 1]);
        }
        int start = list.length() == 0 ? 0 : list.start(0);
        return ListColumn.ofTrusted(o, start == 0 ? content : content.region(start, list.totalCount()));
    }

    /**
     * Members of a collection as one record per object.
     *
     * @param collection e.g. {@code Muon}
     * @param fields members to include, in this order; empty means every member
     * @return a list column of records over the collection's offsets
     */
    public ListColumn<RecordColumn> collection(String collection, List<String> fields) {
        List<String> chosen = fields.isEmpty() ? fieldNames(collection) : fields;
        Map<String, Column> contents = new LinkedHashMap<>();
        for (String f : chosen) {
            contents.put(f, field(collection, f).content());
        }
        int[] o = offsets(collection);
        return ListColumn.ofTrusted(o, RecordColumn.of(contents, o[o.length - 1]));
    }

    @Override
    public CrossReference crossReference(String collection, String idxField, String target) {
        return ComputeOnce.get(crossReferences, collection + "\0" + idxField + "\0" + target,
                () -> NanoSchema.resolve(collection, idxField, target, field(collection, idxField), offsets(target)));
    }

    /** Reads the named members now; they are then kept like any column. */
    @Override
    public void prefetch(String collection, List<String> fields) {
        for (String f : fields) {
            if (has(collection + "_" + f)) {
                column(collection + "_" + f);
            }
        }
    }

    /** @return "file F, ntuple N, entries [a, b)" */
    @Override
    public String describe() {
        return ntuple.location() + ", entries [" + from + ", " + to + ")";
    }
}
