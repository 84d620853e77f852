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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RootFile rf = RootFile.open(file)) {
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
            if (json) {
                out.print(StatsJson.document(file.toString(), tree, selected));
            } else {
                out.printf("%s %s: %d entries%n", file, tree.name(), tree.entries());
                out.printf("%-40s %-10s %10s %24s %16s %16s %8s%n", "branch", "type", "values", "sum", "min", "max",
                        "nonfinite");
                for (BranchInfo b : selected) {
                    if (!b.readable()) {
                        out.printf("%-40s %-10s unsupported: %s%n", b.name(), b.typeName(), b.unsupportedReason());
                        continue;
                    }
                    BranchStatistics s = BranchStatistics.of(tree, b.name());
                    out.printf("%-40s %-10s %10d %24s %16s %16s %8d%n", b.name(), b.typeName(), s.totalCount(),
                            StatsJson.number(s.sum()), Double.isNaN(s.min()) ? "-" : StatsJson.number(s.min()),
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
