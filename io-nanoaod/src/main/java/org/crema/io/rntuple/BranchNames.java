package org.crema.io.rntuple;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.crema.columnar.Column;
import org.crema.columnar.IntColumn;

/**
 * NanoAOD's TTree branch names over an RNTuple, so that code written against the TTree names
 * ({@code Jet_pt}, {@code nJet}, {@code MET_pt}, {@code HLT_IsoMu24}) reads an RNTuple unchanged:
 * each name maps to the leaf field that holds it ({@code Jet._0.pt} in CMSSW's layout, {@code
 * _collection10._0.Jet_pt} in RNTupleImporter's), and a counter {@code nX} to the size of collection
 * {@code X} when no field of that name exists. Physical fields are preferred over projections of
 * the same name.
 *
 * <p>Immutable and thread-safe.
 */
public final class BranchNames {
    private final RNTuple ntuple;
    private final Map<String, String> fields;
    private final Map<String, String> counters;

    private BranchNames(RNTuple ntuple, Map<String, String> fields, Map<String, String> counters) {
        this.ntuple = ntuple;
        this.fields = fields;
        this.counters = counters;
    }

    /**
     * @param ntuple an RNTuple with NanoAOD content
     * @return its branch names
     */
    public static BranchNames of(RNTuple ntuple) {
        Objects.requireNonNull(ntuple, "ntuple");
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldInfo f : ntuple.leafFields()) {
            if (!f.readable()) {
                continue;
            }
            String branch = RNTupleStats.ttreeName(f.name());
            String prior = fields.get(branch);
            if (prior == null || (ntuple.field(prior).projected() && !f.projected())) {
                fields.put(branch, f.name());
            }
        }
        Map<String, String> counters = new LinkedHashMap<>();
        for (FieldInfo f : ntuple.fields()) {
            if (f.structure() != Structure.COLLECTION || f.name().contains(".") || f.projected()) {
                continue;
            }
            String counter = "n" + f.name();
            if (!fields.containsKey(counter)) {
                counters.put(counter, f.name());
            }
        }
        return new BranchNames(ntuple, Collections.unmodifiableMap(fields), Collections.unmodifiableMap(counters));
    }

    /** @return every branch name, leaf fields first (in field order), then collection counters */
    public List<String> names() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(fields.keySet());
        all.addAll(counters.keySet());
        return List.copyOf(all);
    }

    /** @return TTree branch name → full leaf field name */
    public Map<String, String> fields() {
        return fields;
    }

    /** @return counter branch name ({@code nJet}) → collection field ({@code Jet}), for counters that are no field */
    public Map<String, String> counters() {
        return counters;
    }

    /**
     * Reads a branch by its TTree name for entries {@code [from, to)}.
     *
     * @param branch TTree branch name
     * @param from first entry
     * @param to end entry (exclusive)
     * @param executor decodes pages in parallel, or null
     * @return the column as {@link RNTuple#read} returns it; a counter as unsigned 32-bit counts
     * @throws org.crema.io.RootFormatException when no field or collection has that name
     */
    public Column read(String branch, long from, long to, Executor executor) {
        String field = fields.get(branch);
        if (field != null) {
            return ntuple.read(field, from, to, executor);
        }
        String collection = counters.get(branch);
        if (collection != null) {
            int[] offsets = ntuple.readOffsets(collection, from, to, executor);
            int[] counts = new int[offsets.length - 1];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = offsets[i + 1] - offsets[i];
            }
            return IntColumn.ofUnsigned(counts);
        }
        // Let the ntuple produce its message with suggestions.
        return ntuple.read(branch, from, to, executor);
    }
}
