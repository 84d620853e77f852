package org.crema.cli.io;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RootFile rf = RootFile.open(file)) {
            out.printf("file %s: %d bytes, ROOT %d, compression %d%n", file, rf.size(), rf.rootVersion(),
                    rf.compression());
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
            for (String name : names) {
                printTree(out, rf.tree(name));
            }
            out.flush();
            return 0;
        } catch (RootException e) {
            spec.commandLine().getErr().println("crema inspect: " + e.getMessage());
            return 1;
        }
    }

    private static void printTree(PrintWriter out, Tree tree) {
        out.printf("%ntree %s (\"%s\"): %d entries, %d branches%n", tree.name(), tree.title(), tree.entries(),
                tree.branches().size());
        out.printf("  %-40s %-10s %-24s %12s %12s %8s%n", "branch", "type", "counter", "compressed", "uncompressed",
                "baskets");
        for (BranchInfo b : tree.branches()) {
            String counter = b.jagged() ? b.counter() : (b.isCounter() ? "(counter)" : "");
            int baskets = b.basketCount() + b.embeddedBasketCount();
            out.printf("  %-40s %-10s %-24s %12d %12d %8d%s%n", b.name(), b.typeName(), counter, b.compressedBytes(),
                    b.uncompressedBytes(), baskets, b.readable() ? "" : "  unsupported: " + b.unsupportedReason());
        }
    }
}
