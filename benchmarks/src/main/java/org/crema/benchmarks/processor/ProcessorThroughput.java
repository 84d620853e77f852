package org.crema.benchmarks.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.crema.examples.ZMuMuProcessor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;

/**
 * End-to-end throughput of the Z → μμ example (open, read, decompress, process, merge) on one worker
 * and on every core. Not a JMH benchmark: a whole run is the unit, so it prints the median of a few
 * runs after a warm-up run.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     org.crema.benchmarks.processor.ProcessorThroughput [FILE] [--copies N] [--chunk-size K] [--runs R]
 * </pre>
 *
 * FILE defaults to {@code ../shared/data/bench/ttbar_agc_lzma9.root} (50 000 events), falling back to
 * the bundled {@code data/samples/nanoaod/nano_dy.root}; the file is listed {@code --copies} times
 * (default 4) as one simulated dataset.
 */
public final class ProcessorThroughput {
    private ProcessorThroughput() {
    }

    /**
     * @param args optional file, {@code --copies N}, {@code --chunk-size K}, {@code --runs R}
     */
    public static void main(String[] args) {
        Path file = null;
        int copies = 4;
        long chunkSize = 25_000;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--copies" -> copies = Integer.parseInt(args[++i]);
                case "--chunk-size" -> chunkSize = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null) {
            Path shared = Path.of("../shared/data/bench/ttbar_agc_lzma9.root");
            file = Files.isRegularFile(shared) ? shared : Path.of("data/samples/nanoaod/nano_dy.root");
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("no input file " + file.toAbsolutePath() + "; run from the repository root or pass FILE");
            System.exit(2);
        }
        Fileset fileset = RepeatedFileset.of("bench", "2018", 1.0, file, copies);
        int cores = Runtime.getRuntime().availableProcessors();

        System.out.printf(Locale.ROOT, "input %s x %d, chunk size %d, %d cores, %d runs after 1 warm-up%n", file,
                copies, chunkSize, cores, runs);
        measure(fileset, RunConfig.defaults().withChunkSize(chunkSize).withWorkers(cores).withProgress(false), 1, true);
        for (int workers : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            measure(fileset, RunConfig.defaults().withChunkSize(chunkSize).withWorkers(workers).withProgress(false),
                    runs, false);
        }
    }

    private static void measure(Fileset fileset, RunConfig cfg, int runs, boolean warmup) {
        double[] rate = new double[runs];
        double[] perCore = new double[runs];
        long events = 0;
        for (int r = 0; r < runs; r++) {
            RunOutput<AccumulatorMap> out = new Runner(cfg).run(new ZMuMuProcessor(), fileset);
            rate[r] = out.metrics().eventsPerSecond();
            perCore[r] = out.metrics().eventsPerSecondPerCore();
            events = out.metrics().events();
        }
        Arrays.sort(rate);
        Arrays.sort(perCore);
        System.out.printf(Locale.ROOT, "%-8s workers=%d: %d events, %.0f events/s (median; min %.0f, max %.0f), "
                + "%.0f events/s per core%n", warmup ? "warm-up" : "measured", cfg.workers(), events, rate[runs / 2],
                rate[0], rate[runs - 1], perCore[runs / 2]);
    }
}
