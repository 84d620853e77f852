package org.crema.cli.io;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.crema.io.BranchInfo;
import org.crema.io.BranchStatistics;
import org.crema.io.RootException;
import org.crema.io.RootFile;
import org.crema.io.StatsJson;
import org.crema.io.Tree;
import org.crema.io.rntuple.RNTupleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema stats FILE --json}: per-branch statistics (entries, element count, sequential sum,
 * min, max, first values, non-finite count) in the format of the reference files, so crema can be
 * checked against any independent reader.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print per-branch statistics of a tree, or per-field statistics of an RNTuple"
                + " (reads every selected branch or leaf field).")
public final class StatsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a ROOT file")
    Path file;

    @Option(names = "--tree", paramLabel = "NAME",
            description = "tree or RNTuple to read (default: Events, else the first tree)")
    String treeName;

    @Option(names = "--branches", paramLabel = "GLOB", split = ",",
            description = "branches to include, as globs with * and ? (default: all)")
    List<String> globs;

    @Option(names = "--json", description = "print one JSON document (the reference format)")
    boolean json;

    @Option(names = "--allow-truncated",
            description = "read a file that is shorter than its header says (a copy that stopped early) instead of "
                    + "refusing it; records past the end still fail when read")
    boolean allowTruncated;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RootFile rf = allowTruncated ? RootFile.open(file, RootFile.Option.ALLOW_TRUNCATED)
                : RootFile.open(file)) {
            String ntuple = NTupleOutput.ntupleName(rf, treeName);
            if (ntuple != null) {
                try (RNTupleReader reader = RNTupleReader.open(rf)) {
                    List<Pattern> patterns = globs == null ? List.of() : globs.stream().map(StatsCommand::globToRegex).toList();
                    NTupleOutput.stats(out, file.toString(), reader.ntuple(ntuple), patterns, json);
                }
                out.flush();
                return 0;
            }
            String name = treeName != null ? treeName
                    : rf.treeNames().contains("Events") ? "Events"
                    : rf.treeNames().isEmpty() ? "Events" : rf.treeNames().get(0);
            Tree tree = rf.tree(name);
            List<BranchInfo> selected = select(tree.branches());
            String unmatched = unmatchedGlobs(tree.branches());
            if (unmatched != null) {
                spec.commandLine().getErr().println("crema stats: --branches " + unmatched + " matches no branch of"
                        + " tree " + tree.name() + " in " + file + " (" + tree.branches().size() + " branches; 'crema"
                        + " inspect " + file + "' lists them)");
                spec.commandLine().getErr().flush();
                return 1;
            }
            if (json) {
                out.print(StatsJson.document(file.toString(), tree, selected));
            } else {
                out.printf("%s %s: %d entries%n", file, tree.name(), tree.entries());
                out.printf("%-40s %-10s %10s %24s %16s %16s %16s %16s %8s%n", "branch", "type", "values", "sum",
                        "mean", "std", "min", "max", "nonfinite");
                for (BranchInfo b : selected) {
                    if (!b.readable()) {
                        out.printf("%-40s %-10s unsupported: %s%n", b.name(), b.typeName(), b.unsupportedReason());
                        continue;
                    }
                    BranchStatistics s = BranchStatistics.of(tree, b.name());
                    double[] ms = meanAndStd(s.values());
                    out.printf("%-40s %-10s %10d %24s %16s %16s %16s %16s %8d%n", b.name(), b.typeName(),
                            s.totalCount(), StatsJson.number(s.sum()), Double.isNaN(ms[0]) ? "-" : short6(ms[0]),
                            Double.isNaN(ms[1]) ? "-" : short6(ms[1]),
                            Double.isNaN(s.min()) ? "-" : StatsJson.number(s.min()),
                            Double.isNaN(s.max()) ? "-" : StatsJson.number(s.max()), s.nonFiniteCount());
                }
            }
            out.flush();
            return 0;
        } catch (RootException e) {
            spec.commandLine().getErr().println("crema stats: " + e.getMessage());
            return 1;
        }
    }

    /** @return the first {@code --branches} glob that matches no branch, or {@code null} */
    private String unmatchedGlobs(List<BranchInfo> all) {
        if (globs == null) {
            return null;
        }
        for (String g : globs) {
            Pattern p = globToRegex(g);
            if (all.stream().noneMatch(b -> p.matcher(b.name()).matches())) {
                return "'" + g.trim() + "'";
            }
        }
        return null;
    }

    /**
     * Mean and population standard deviation (numpy's default, ddof = 0) of the finite values, by
     * Welford's update so that a large mean does not cancel the spread.
     *
     * @return {mean, std}, NaN when there is no finite value
     */
    static double[] meanAndStd(org.crema.columnar.Column column) {
        org.crema.columnar.Column c = column;
        int from = 0;
        int to = c.length();
        if (c instanceof org.crema.columnar.ListColumn<?> list) {
            from = list.length() == 0 ? 0 : list.start(0);
            to = list.length() == 0 ? 0 : list.end(list.length() - 1);
            c = list.content();
        }
        if (!(c instanceof org.crema.columnar.PrimitiveColumn flat)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        boolean bool = flat instanceof org.crema.columnar.BoolColumn;
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (int i = from; i < to; i++) {
            double v = bool ? (((org.crema.columnar.BoolColumn) flat).get(i) ? 1 : 0) : flat.getDouble(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            n++;
            double d = v - mean;
            mean += d / n;
            m2 += d * (v - mean);
        }
        return n == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {mean, Math.sqrt(m2 / n)};
    }

    private static String short6(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    private List<BranchInfo> select(List<BranchInfo> all) {
        if (globs == null || globs.isEmpty()) {
            return all;
        }
        List<Pattern> patterns = globs.stream().map(StatsCommand::globToRegex).toList();
        List<BranchInfo> out = new ArrayList<>();
        for (BranchInfo b : all) {
            if (patterns.stream().anyMatch(p -> p.matcher(b.name()).matches())) {
                out.add(b);
            }
        }
        return out;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.trim().toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
