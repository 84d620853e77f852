package org.crema.benchmarks.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crema.io.BranchInfo;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.internal.column.TreeReader;
import org.crema.io.internal.column.TreeReaders;

/**
 * One mode of {@link ReadThroughput} alone, repeated, for a profiler: the full read (or, with
 * {@code --decompress-only}, the decompression alone) of every {@code Jet_*} and {@code Muon_*}
 * branch and their counters on the calling thread, so that every sample of the {@code main} thread
 * belongs to it. Prints each pass's cost ({@link PassCost}).
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -XX:StartFlightRecording=filename=read.jfr,settings=profile \
 *     -cp benchmarks/target/benchmarks.jar org.crema.benchmarks.io.ReadProfile [--passes 20] [--decompress-only] FILE
 * jfr view hot-methods read.jfr
 * </pre>
 */
public final class ReadProfile {
    private ReadProfile() {
    }

    /**
     * @param args {@code [--passes N] FILE}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int passes = 20;
        boolean decompressOnly = false;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--passes")) {
                passes = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--decompress-only")) {
                decompressOnly = true;
            } else {
                file = Path.of(args[i]);
            }
        }
        if (file == null) {
            System.err.println("usage: ReadProfile [--passes N] [--decompress-only] FILE");
            System.exit(2);
        }
        try (RootFile rf = RootFile.open(file)) {
            Tree tree = rf.tree("Events");
            List<String> branches = new ArrayList<>();
            for (BranchInfo b : tree.branches()) {
                String n = b.name();
                if (b.readable() && (n.startsWith("Jet_") || n.startsWith("Muon_") || n.equals("nJet")
                        || n.equals("nMuon"))) {
                    branches.add(n);
                }
            }
            long n = tree.entries();
            TreeReader reader = TreeReaders.of(tree);
            Runnable pass = decompressOnly ? () -> reader.decompressOnly(branches, 0, n, Runnable::run)
                    : () -> tree.read(branches, 0, n, Runnable::run);
            for (int p = 0; p < passes; p++) {
                PassCost c = PassCost.of(pass);
                System.out.printf(Locale.ROOT, "pass %2d: %8.1f ms wall, %8.1f ms thread CPU, %6.0f B/event, %d GCs %d ms%n",
                        p, c.wallNanos() / 1e6, c.threadCpuNanos() / 1e6, (double) c.allocatedBytes() / n, c.gcCount(),
                        c.gcMillis());
            }
        }
    }
}
