package org.crema.nano;

import org.crema.columnar.PrimitiveColumn;
import org.crema.io.RootFile;
import org.crema.io.Tree;

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

    private static String pick(Tree tree, String name) {
        if (tree.has(name)) {
            return name;
        }
        return tree.has(name + "_") ? name + "_" : null;
    }

    private static double sum(Tree tree, String branch) {
        PrimitiveColumn c = (PrimitiveColumn) tree.read(branch, 0, tree.entries());
        double s = 0;
        for (int i = 0; i < c.length(); i++) {
            s += c.getDouble(i);
        }
        return s;
    }

    private static long sumLong(Tree tree, String branch) {
        PrimitiveColumn c = (PrimitiveColumn) tree.read(branch, 0, tree.entries());
        long s = 0;
        for (int i = 0; i < c.length(); i++) {
            s += c.getLong(i);
        }
        return s;
    }
}
