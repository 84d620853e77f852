package org.crema.nano;

import java.util.HashSet;
import java.util.Set;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.rntuple.BranchNames;
import org.crema.io.rntuple.RNTuple;
import org.crema.io.rntuple.RNTupleReader;

/**
 * Generator-weight totals of a file from its {@code Runs} tree, summed over runs: the normalisation
 * of MC samples. Older NanoAOD names the branches with a trailing underscore ({@code
 * genEventSumw_}); both spellings are read.
 *
 * @param sumGenWeights Σ genEventSumw
 * @param sumGenWeightsSquared Σ genEventSumw2 (0 when absent)
 * @param genEventCount Σ genEventCount
 * @param present false for files without a Runs tree or without these branches (collision data)
 */
public record RunsSummary(double sumGenWeights, double sumGenWeightsSquared, long genEventCount, boolean present) {

    /**
     * @param file an open NanoAOD file
     * @return the totals over all entries of its {@code Runs} tree
     */
    public static RunsSummary of(RootFile file) {
        if (!file.treeNames().contains("Runs")) {
            return new RunsSummary(0, 0, 0, false);
        }
        Tree runs = file.tree("Runs");
        String sumw = pick(runs, "genEventSumw");
        String count = pick(runs, "genEventCount");
        if (sumw == null || count == null) {
            return new RunsSummary(0, 0, 0, false);
        }
        String sumw2 = pick(runs, "genEventSumw2");
        return new RunsSummary(sum(runs, sumw), sumw2 == null ? 0 : sum(runs, sumw2), sumLong(runs, count),
                true);
    }

    /**
     * The same totals from the {@code Runs} RNTuple of an RNTuple NanoAOD file, whose fields carry the
     * TTree's branch names ({@code genEventSumw}, or {@code genEventSumw_} in older files).
     *
     * @param reader the file's RNTuples
     * @return the totals over all entries of its {@code Runs} RNTuple
     */
    public static RunsSummary of(RNTupleReader reader) {
        if (!reader.ntupleNames().contains("Runs")) {
            return new RunsSummary(0, 0, 0, false);
        }
        RNTuple runs = reader.ntuple("Runs");
        BranchNames names = BranchNames.of(runs);
        Set<String> has = new HashSet<>(names.names());
        String sumw = pick(has, "genEventSumw");
        String count = pick(has, "genEventCount");
        if (sumw == null || count == null) {
            return new RunsSummary(0, 0, 0, false);
        }
        String sumw2 = pick(has, "genEventSumw2");
        long n = runs.entries();
        return new RunsSummary(sum((PrimitiveColumn) names.read(sumw, 0, n, null)),
                sumw2 == null ? 0 : sum((PrimitiveColumn) names.read(sumw2, 0, n, null)),
                sumLong((PrimitiveColumn) names.read(count, 0, n, null)), true);
    }

    private static String pick(Set<String> names, String name) {
        if (names.contains(name)) {
            return name;
        }
        return names.contains(name + "_") ? name + "_" : null;
    }

    private static String pick(Tree tree, String name) {
        if (tree.has(name)) {
            return name;
        }
        return tree.has(name + "_") ? name + "_" : null;
    }

    private static double sum(Tree tree, String branch) {
        return sum((PrimitiveColumn) tree.read(branch, 0, tree.entries()));
    }

    private static double sum(PrimitiveColumn c) {
        double s = 0;
        for (int i = 0; i < c.length(); i++) {
            s += c.getDouble(i);
        }
        return s;
    }

    private static long sumLong(Tree tree, String branch) {
        return sumLong((PrimitiveColumn) tree.read(branch, 0, tree.entries()));
    }

    private static long sumLong(PrimitiveColumn c) {
        long s = 0;
        for (int i = 0; i < c.length(); i++) {
            s += c.getLong(i);
        }
        return s;
    }
}
