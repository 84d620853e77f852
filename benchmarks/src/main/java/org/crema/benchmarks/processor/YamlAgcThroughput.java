package org.crema.benchmarks.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.crema.configs.AnalysisConfig;
import org.crema.examples.AgcTaskProcessor;
import org.crema.examples.TtbarAgcProcessor;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;

/**
 * The AGC tt̄ analysis written in YAML ({@code configs/examples/ttbar.yaml}) against the same analysis
 * in Java ({@link TtbarAgcProcessor}) on the same file: end-to-end events/s of each, side by side,
 * and their ratio. The two are run alternately (Java, YAML, Java, YAML, …) after one warm-up run
 * each, so drifts of a shared machine hit both; the median of the runs is printed. The results of
 * the two are also compared, so the numbers are for identical work.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar org.crema.benchmarks.processor.YamlAgcThroughput \
 *     [FILE] [--copies N] [--chunk-size K] [--runs R] [--workers W] [--config YAML] [--corrections DIR]
 *     [--task]
 * </pre>
 *
 * With {@code --task}, the AGC task without jet recalibration is compared instead:
 * {@code configs/examples/agc-task.yaml} against {@link AgcTaskProcessor} (ten histogram variations,
 * among them the one-sided {@code pt_scale_up}).
 *
 * FILE defaults to {@code ../shared/data/bench/ttbar_agc_lzma9.root} (50 000 events); without it the
 * command prints a message and exits. Run it from the repository root.
 */
public final class YamlAgcThroughput {
    private YamlAgcThroughput() {
    }

    /**
     * @param args optional file, {@code --copies N}, {@code --chunk-size K}, {@code --runs R},
     *     {@code --workers W} (default 1), {@code --config YAML}, {@code --corrections DIR}, {@code --task}
     */
    public static void main(String[] args) {
        Path file = Path.of("../shared/data/bench/ttbar_agc_lzma9.root");
        Path config = null;
        boolean task = false;
        Path corrections = Path.of("data/corrections");
        int copies = 1;
        long chunkSize = 12_500;
        int runs = 5;
        int workers = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--copies" -> copies = Integer.parseInt(args[++i]);
                case "--chunk-size" -> chunkSize = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--config" -> config = Path.of(args[++i]);
                case "--corrections" -> corrections = Path.of(args[++i]);
                case "--task" -> task = true;
                default -> file = Path.of(args[i]);
            }
        }
        if (!Files.isRegularFile(file)) {
            System.out.println("skipped: no input file " + file.toAbsolutePath()
                    + " (the 50k-event AGC benchmark file); pass FILE to use another one");
            return;
        }
        if (config == null) {
            config = Path.of(task ? "configs/examples/agc-task.yaml" : "configs/examples/ttbar.yaml");
        }
        Fileset fileset = RepeatedFileset.of("ttbar", "2022", 923.6, file, copies);
        AnalysisConfig yaml = AnalysisConfig.load(config).withFileset(fileset);
        Path corr = corrections;
        RunConfig cfg = RunConfig.defaults().withChunkSize(chunkSize).withWorkers(workers).withProgress(false);
        Supplier<Processor<AccumulatorMap>> java = task ? AgcTaskProcessor::new
                : () -> new TtbarAgcProcessor(corr, TtbarAgcProcessor.DEFAULT_JES_SOURCES);
        Supplier<Processor<AccumulatorMap>> fromYaml = yaml::processor;

        System.out.printf(Locale.ROOT, "input %s x %d, chunk size %d, workers %d, %d alternating runs after 1 warm-up"
                + " each; config %s%n", file, copies, chunkSize, workers, runs, config);
        AccumulatorMap a = run(java.get(), cfg, fileset).result();
        AccumulatorMap b = run(fromYaml.get(), cfg, fileset).result();
        System.out.println("results identical: " + a.equals(b));
        double[] rj = new double[runs];
        double[] ry = new double[runs];
        long events = 0;
        for (int r = 0; r < runs; r++) {
            // A fresh processor per run: loading correction files and compiling the YAML are part of it.
            RunOutput<AccumulatorMap> oj = run(java.get(), cfg, fileset);
            RunOutput<AccumulatorMap> oy = run(fromYaml.get(), cfg, fileset);
            rj[r] = oj.metrics().eventsPerSecond();
            ry[r] = oy.metrics().eventsPerSecond();
            events = oj.metrics().events();
        }
        Arrays.sort(rj);
        Arrays.sort(ry);
        double mj = rj[runs / 2];
        double my = ry[runs / 2];
        System.out.printf(Locale.ROOT, "%d events per run%n", events);
        System.out.printf(Locale.ROOT, "java  %9.0f events/s (median; min %.0f, max %.0f)%n", mj, rj[0], rj[runs - 1]);
        System.out.printf(Locale.ROOT, "yaml  %9.0f events/s (median; min %.0f, max %.0f)%n", my, ry[0], ry[runs - 1]);
        System.out.printf(Locale.ROOT, "yaml / java = %.3f%n", my / mj);
    }

    private static RunOutput<AccumulatorMap> run(Processor<AccumulatorMap> p, RunConfig cfg, Fileset fs) {
        return new Runner(cfg).run(p, fs);
    }
}
