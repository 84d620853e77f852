package org.crema.cli.startup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.crema.cli.CremaCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crema warm-up} (hidden): runs the bundled example analyses once, quietly, so that the
 * launcher can record an ahead-of-time cache of loaded and linked classes and method profiles from
 * a representative workload (JDK 25's {@code -XX:AOTCacheOutput}). Later commands start from that
 * cache instead of loading, linking and profiling the same classes again.
 */
@Command(name = "warm-up", hidden = true,
        description = "Run the bundled examples once to record the start-up cache (used by the launcher).")
public final class WarmUpCommand implements Callable<Integer> {
    /** Each training run: the arguments of one {@code crema} command over bundled data. */
    static final List<List<String>> TRAINING_RUNS = List.of(
            List.of("run", "configs/examples/zmumu.yaml"),
            List.of("run", "--processor", "org.crema.examples.ZMuMuProcessor",
                    "--fileset", "data/filesets/zmumu.json"),
            List.of("run", "--processor", "org.crema.examples.TtbarAgcProcessor",
                    "--fileset", "data/filesets/ttbar.json"));

    @Option(names = "--root", paramLabel = "DIR", required = true,
            description = "crema's checkout, whose data/ holds the bundled samples")
    Path root;

    @Override
    public Integer call() throws IOException {
        Path scratch = Files.createTempDirectory("crema-warm-up");
        try {
            int i = 0;
            for (List<String> run : TRAINING_RUNS) {
                List<String> args = new ArrayList<>();
                for (String a : run) {
                    args.add(a.startsWith("data/") || a.startsWith("configs/") ? root.resolve(a).toString() : a);
                }
                args.addAll(List.of("--output", scratch.resolve("run" + i++).toString()));
                StringWriter sink = new StringWriter();
                CommandLine cl = new CommandLine(new CremaCommand());
                cl.setOut(new PrintWriter(sink));
                cl.setErr(new PrintWriter(sink));
                int status = cl.execute(args.toArray(String[]::new));
                if (status != 0) {
                    // A training run that fails still leaves a useful cache of what it loaded; say so.
                    System.err.println("crema warm-up: " + String.join(" ", run) + " exited " + status + "\n" + sink);
                }
            }
            return 0;
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
