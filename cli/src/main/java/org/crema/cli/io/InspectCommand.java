package org.crema.cli.io;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.BranchInfo;
import org.crema.io.KeyInfo;
import org.crema.io.RootException;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.rntuple.RNTupleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code crema inspect FILE}: keys, trees, entries and every branch's type and sizes. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show the keys, trees and branches, and RNTuples and fields, of a ROOT file (reads metadata"
                + " only).")
public final class InspectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a ROOT file")
    Path file;

    @Option(names = "--tree", paramLabel = "NAME", description = "show only this tree")
    String treeName;

    @Option(names = "--branches", paramLabel = "GLOB", split = ",",
            description = "branches to show, as globs with * and ? (default: all)")
    List<String> globs;

    @Option(names = "--titles", description = "show each branch's title (NanoAOD documents every branch there)")
    boolean titles;

    @Option(names = "--show", paramLabel = "N",
            description = "also print the values of the first N entries of the shown branches, like uproot's show()")
    int show;

    @Option(names = "--allow-truncated",
            description = "read a file that is shorter than its header says (a copy that stopped early) instead of "
                    + "refusing it; records past the end still fail when read")
    boolean allowTruncated;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RootFile rf = allowTruncated ? RootFile.open(file, RootFile.Option.ALLOW_TRUNCATED)
                : RootFile.open(file)) {
            out.printf("file %s: %d bytes, ROOT %d, compression %s%s%n", file, rf.size(), rf.rootVersion(),
                    compressionName(rf.compression()), rf.truncated() ? " (TRUNCATED: shorter than its header says)" : "");
            out.println("keys:");
            for (KeyInfo k : rf.keys()) {
                out.printf("  %-24s cycle %-3d %-16s %s%n", k.name(), k.cycle(), k.className(), k.title());
            }
            if (RNTupleReader.hasNTuples(rf)) {
                try (RNTupleReader reader = RNTupleReader.open(rf)) {
                    for (String name : reader.ntupleNames()) {
                        if (treeName == null || treeName.equals(name)) {
                            NTupleOutput.inspect(out, reader.ntuple(name));
                        }
                    }
                }
            }
            List<String> names = treeName != null ? (rf.treeNames().contains(treeName)
                    || !RNTupleReader.hasNTuples(rf) ? List.of(treeName) : List.of()) : rf.treeNames();
            if (show < 0) {
                spec.commandLine().getErr().println("crema inspect: --show needs a number of entries >= 0, got " + show);
                return 2;
            }
            List<Pattern> patterns = globs == null ? List.of() : globs.stream().map(StatsCommand::globToRegex).toList();
            for (String name : names) {
                Tree tree = rf.tree(name);
                List<BranchInfo> shown = tree.branches().stream()
                        .filter(b -> patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(b.name()).matches()))
                        .toList();
                if (shown.isEmpty() && !patterns.isEmpty()) {
                    spec.commandLine().getErr().println("crema inspect: --branches " + String.join(",", globs)
                            + " matches no branch of tree " + name + " in " + file);
                    return 1;
                }
                printTree(out, tree, shown, titles);
                printCollections(out, shown);
                if (show > 0) {
                    printValues(out, tree, shown, show);
                }
            }
            out.flush();
            return 0;
        } catch (RootException e) {
            spec.commandLine().getErr().println("crema inspect: " + e.getMessage());
            return 1;
        }
    }

    /**
     * @param setting ROOT's compression setting, algorithm × 100 + level
     * @return e.g. {@code "LZMA level 9 (209)"}
     */
    static String compressionName(int setting) {
        if (setting == 0) {
            return "none (0)";
        }
        int algorithm = setting / 100;
        int level = setting % 100;
        String name = switch (algorithm) {
            case 0, 1 -> "ZLIB";
            case 2 -> "LZMA";
            case 3 -> "old ROOT";
            case 4 -> "LZ4";
            case 5 -> "ZSTD";
            default -> "unknown algorithm " + algorithm;
        };
        return name + " level " + level + " (" + setting + ")";
    }

    private static void printTree(PrintWriter out, Tree tree, List<BranchInfo> shown, boolean titles) {
        out.printf("%ntree %s (\"%s\"): %d entries, %d branches%s%n", tree.name(), tree.title(), tree.entries(),
                tree.branches().size(), shown.size() == tree.branches().size() ? "" : ", " + shown.size() + " shown");
        out.printf("  %-40s %-10s %-24s %12s %12s %8s%n", "branch", "type", "counter", "compressed", "uncompressed",
                "baskets");
        for (BranchInfo b : shown) {
            String counter = b.jagged() ? b.counter() : (b.isCounter() ? "(counter)" : "");
            int baskets = b.basketCount() + b.embeddedBasketCount();
            out.printf("  %-40s %-10s %-24s %12d %12d %8d%s%n", b.name(), b.typeName(), counter, b.compressedBytes(),
                    b.uncompressedBytes(), baskets, b.readable() ? "" : "  unsupported: " + b.unsupportedReason());
            if (titles && b.title() != null && !b.title().isEmpty()) {
                out.printf("      %s%n", b.title());
            }
        }
    }

    /** One line per NanoAOD collection among the shown branches: its counter, fields and bytes. */
    private static void printCollections(PrintWriter out, List<BranchInfo> shown) {
        java.util.Map<String, long[]> byCounter = new java.util.TreeMap<>(); // counter → fields, compressed, uncompressed
        for (BranchInfo b : shown) {
            if (b.jagged() && b.counter() != null) {
                long[] t = byCounter.computeIfAbsent(b.counter(), k -> new long[3]);
                t[0]++;
                t[1] += b.compressedBytes();
                t[2] += b.uncompressedBytes();
            }
        }
        if (byCounter.isEmpty()) {
            return;
        }
        out.printf("  collections (jagged branches by counter):%n");
        byCounter.forEach((counter, t) -> out.printf("    %-24s %4d fields %12d compressed %12d uncompressed%n",
                counter.startsWith("n") ? counter.substring(1) + " (" + counter + ")" : counter, t[0], t[1], t[2]));
    }

    /** The first {@code n} entries of each shown branch, one line per entry and branch. */
    private static void printValues(PrintWriter out, Tree tree, List<BranchInfo> shown, int n) {
        long to = Math.min(n, tree.entries());
        out.printf("  first %d entries:%n", to);
        for (BranchInfo b : shown) {
            if (!b.readable()) {
                out.printf("    %-40s (unsupported: %s)%n", b.name(), b.unsupportedReason());
                continue;
            }
            Column c = tree.read(b.name(), 0, to);
            StringBuilder line = new StringBuilder();
            for (int e = 0; e < to; e++) {
                line.append(e == 0 ? "" : " | ").append(entry(c, e));
            }
            out.printf("    %-40s %s%n", b.name(), line);
        }
    }

    private static String entry(Column c, int e) {
        if (c instanceof ListColumn<?> l && l.content() instanceof PrimitiveColumn p) {
            StringBuilder sb = new StringBuilder("[");
            for (int j = l.start(e); j < l.end(e); j++) {
                sb.append(j == l.start(e) ? "" : ", ").append(value(p, j));
            }
            return sb.append(']').toString();
        }
        if (c instanceof PrimitiveColumn p) {
            return value(p, e);
        }
        return c.getClass().getSimpleName();
    }

    private static String value(PrimitiveColumn p, int i) {
        if (p instanceof BoolColumn b) {
            return Boolean.toString(b.get(i));
        }
        if (p instanceof FloatColumn f) {
            return Float.toString(f.get(i)); // the stored float, not its widening's digits
        }
        return p.elementType().isFloatingPoint() ? Double.toString(p.getDouble(i)) : Long.toString(p.getLong(i));
    }
}
