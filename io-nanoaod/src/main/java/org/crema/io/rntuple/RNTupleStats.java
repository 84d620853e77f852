package org.crema.io.rntuple;

import org.crema.io.BranchStatistics;
import org.crema.io.StatsJson;

/**
 * Statistics of RNTuple leaf fields in the layout of the TTree reader's ({@link StatsJson}), so
 * that an RNTuple and the TTree it was converted from can be compared field by branch.
 */
public final class RNTupleStats {
    private RNTupleStats() {
    }

    /**
     * The TTree branch name NanoAOD gives the field, used to pick the reference layout of the first
     * values ({@link StatsJson#KEY_BRANCHES}): {@code Jet._0.pt} → {@code Jet_pt} (CMSSW layout),
     * {@code _collection10._0.Jet_pt} → {@code Jet_pt} (RNTupleImporter layout), {@code Jet_pt._0}
     * → {@code Jet_pt} (projection), {@code LHEPdfWeight._0} → {@code LHEPdfWeight}.
     *
     * @param fieldName full dotted field name
     * @return the TTree branch name it corresponds to
     */
    public static String ttreeName(String fieldName) {
        String[] parts = fieldName.split("\\.");
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (String p : parts) {
            if (p.matches("_\\d+")) {
                continue;
            }
            sb.append(sb.isEmpty() ? "" : "_").append(p);
            last = p;
        }
        if (last == null) {
            return fieldName;
        }
        return parts[0].startsWith("_collection") ? last : sb.toString();
    }

    /**
     * @param ntuple the ntuple
     * @param field a readable leaf field
     * @return its statistics over all entries
     */
    public static BranchStatistics of(RNTuple ntuple, String field) {
        return BranchStatistics.of(ntuple.read(field, 0, ntuple.entries()));
    }

    /**
     * The document of {@code crema stats --json} for an RNTuple: entries and, for every leaf field,
     * name, type, jagged, collection (jagged only) and stats (or why it cannot be read).
     *
     * @param file file path to record
     * @param ntuple the ntuple
     * @return the JSON document (one field per line)
     */
    public static String document(String file, RNTuple ntuple) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"file\":").append(StatsJson.string(file)).append(",\"ntuple\":")
                .append(StatsJson.string(ntuple.name())).append(",\"entries\":").append(ntuple.entries())
                .append(",\"fields\":[");
        boolean first = true;
        for (FieldInfo f : ntuple.leafFields()) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"name\":").append(StatsJson.string(f.name())).append(",\"type\":")
                    .append(StatsJson.string(f.typeName())).append(",\"jagged\":").append(f.jagged());
            if (f.jagged()) {
                sb.append(",\"collection\":").append(StatsJson.string(f.collection()));
            }
            if (f.projected()) {
                sb.append(",\"projectedFrom\":").append(StatsJson.string(f.projectedFrom()));
            }
            if (f.readable()) {
                sb.append(",\"stats\":").append(StatsJson.stats(ttreeName(f.name()), of(ntuple, f.name())));
            } else {
                sb.append(",\"unsupported\":").append(StatsJson.string(f.unsupportedReason()));
            }
            sb.append('}');
        }
        return sb.append("\n]}\n").toString();
    }
}
