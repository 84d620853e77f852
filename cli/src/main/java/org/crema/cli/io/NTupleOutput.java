package org.crema.cli.io;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.crema.io.BranchStatistics;
import org.crema.io.RootFile;
import org.crema.io.StatsJson;
import org.crema.io.rntuple.ColumnInfo;
import org.crema.io.rntuple.FieldInfo;
import org.crema.io.rntuple.RNTuple;
import org.crema.io.rntuple.RNTupleReader;
import org.crema.io.rntuple.RNTupleStats;

/** What {@code crema inspect} and {@code crema stats} print for an RNTuple. */
final class NTupleOutput {
    private NTupleOutput() {
    }

    /**
     * Decides whether a command works on an RNTuple: when the name asked for (or, with none, the
     * default {@code Events}) is an RNTuple and not a TTree, or the file has RNTuples and no TTree.
     *
     * @param rf the open file
     * @param name the name given with --tree, or null
     * @return the RNTuple's name, or null to read a TTree
     */
    static String ntupleName(RootFile rf, String name) {
        if (!RNTupleReader.hasNTuples(rf)) {
            return null;
        }
        List<String> trees = rf.treeNames();
        List<String> ntuples = rf.keys().stream().filter(k -> k.className().equals(RNTupleReader.ANCHOR_CLASS))
                .map(k -> k.name()).distinct().toList();
        String wanted = name != null ? name : "Events";
        if (trees.contains(wanted)) {
            return null;
        }
        if (ntuples.contains(wanted)) {
            return wanted;
        }
        return name == null && trees.isEmpty() ? ntuples.getFirst() : null;
    }

    static void inspect(PrintWriter out, RNTuple nt) {
        out.printf("%nrntuple %s (format %s, written by %s): %d entries, %d cluster groups, %d clusters, %d fields"
                + " (%d leaves)%n", nt.name(), nt.formatVersion(), nt.writer(), nt.entries(), nt.clusterGroupCount(),
                nt.clusters().size(), nt.fields().size(), nt.leafFields().size());
        out.printf("  %-48s %-10s %-36s %-24s %s%n", "field", "structure", "type", "columns", "collection");
        for (FieldInfo f : nt.fields()) {
            List<String> cols = new ArrayList<>();
            for (ColumnInfo c : f.columns()) {
                cols.add(c.type() + (c.alias() ? "@" + c.physicalId() : ""));
            }
            String note = f.projected() ? "  projected from " + f.projectedFrom() : "";
            if (f.leaf() && !f.readable()) {
                note += "  unsupported: " + f.unsupportedReason();
            }
            out.printf("  %-48s %-10s %-36s %-24s %s%s%n", f.name(), f.structure().name().toLowerCase(),
                    f.typeName().isEmpty() ? "(untyped)" : f.typeName(), String.join(",", cols),
                    f.jagged() ? f.collection() : "", note);
        }
    }

    static void stats(PrintWriter out, String file, RNTuple nt, List<Pattern> patterns, boolean json) {
        if (json && patterns.isEmpty()) {
            out.print(RNTupleStats.document(file, nt));
            return;
        }
        List<FieldInfo> selected = new ArrayList<>();
        for (FieldInfo f : nt.leafFields()) {
            if (patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(f.name()).matches())) {
                selected.add(f);
            }
        }
        if (json) {
            StringBuilder sb = new StringBuilder("{\"file\":").append(StatsJson.string(file)).append(",\"ntuple\":")
                    .append(StatsJson.string(nt.name())).append(",\"entries\":").append(nt.entries())
                    .append(",\"fields\":[");
            boolean first = true;
            for (FieldInfo f : selected) {
                sb.append(first ? "\n" : ",\n").append("{\"name\":").append(StatsJson.string(f.name()))
                        .append(",\"type\":").append(StatsJson.string(f.typeName())).append(",\"jagged\":")
                        .append(f.jagged());
                first = false;
                if (f.readable()) {
                    sb.append(",\"stats\":").append(StatsJson.stats(RNTupleStats.ttreeName(f.name()),
                            RNTupleStats.of(nt, f.name())));
                } else {
                    sb.append(",\"unsupported\":").append(StatsJson.string(f.unsupportedReason()));
                }
                sb.append('}');
            }
            out.print(sb.append("\n]}\n"));
            return;
        }
        out.printf("%s %s: %d entries%n", file, nt.name(), nt.entries());
        out.printf("%-48s %-14s %10s %24s %16s %16s %8s%n", "field", "type", "values", "sum", "min", "max",
                "nonfinite");
        for (FieldInfo f : selected) {
            if (!f.readable()) {
                out.printf("%-48s %-14s unsupported: %s%n", f.name(), f.typeName(), f.unsupportedReason());
                continue;
            }
            BranchStatistics s = RNTupleStats.of(nt, f.name());
            out.printf("%-48s %-14s %10d %24s %16s %16s %8d%n", f.name(), f.typeName(), s.totalCount(),
                    StatsJson.number(s.sum()), Double.isNaN(s.min()) ? "-" : StatsJson.number(s.min()),
                    Double.isNaN(s.max()) ? "-" : StatsJson.number(s.max()), s.nonFiniteCount());
        }
    }
}
