package org.crema.cli.run;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crema.configs.AnalysisConfig;
import org.crema.configs.ConfigException;
import org.crema.configs.Diagnostic;
import org.crema.processor.Processor;
import org.crema.processor.ProcessorException;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.run.ChunkExecutor;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.IterativeExecutor;
import org.crema.processor.run.MultiThreadedExecutor;
import org.crema.processor.run.RootInputProvider;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.RunSummary;
import org.crema.processor.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema run}: runs a YAML analysis configuration ({@code crema run analysis.yaml}), or a
 * {@link Processor} found on the class path (the {@code ./crema} launcher appends
 * {@code $CREMA_CLASSPATH}) over a fileset, and prints a summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a YAML analysis, or a Processor over the datasets of a fileset, on all cores.",
            "A YAML analysis is validated before any event is read (see 'crema validate').",
            "A processor class needs a public no-argument constructor; put its jar in CREMA_CLASSPATH."})
public final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG.yaml",
            description = "YAML analysis configuration (instead of --processor and --fileset)")
    Path config;

    @Option(names = "--processor", paramLabel = "CLASS",
            description = "fully qualified Processor class, e.g. org.crema.examples.ZMuMuProcessor")
    String processorClass;

    @Option(names = "--fileset", paramLabel = "JSON",
            description = "datasets JSON: {dataset: {files: [...], metadata: {sample, year, isMC, xsec, ...}}}")
    Path fileset;

    @Option(names = "--datasets", split = ",", paramLabel = "NAME", description = "with CONFIG: only these datasets")
    List<String> datasets = List.of();

    @Option(names = "--samples", split = ",", paramLabel = "SAMPLE", description = "with CONFIG: only these samples")
    List<String> samples = List.of();

    @Option(names = "--years", split = ",", paramLabel = "YEAR", description = "with CONFIG: only these years")
    List<String> years = List.of();

    @Option(names = "--workers", paramLabel = "N", description = "worker threads (default: all cores; 1 = iterative)")
    Integer workers;

    @Option(names = "--executor", paramLabel = "KIND", defaultValue = "local",
            description = {"local: threads of this machine (default); spark: Apache Spark tasks on --master (needs"
                + " crema-spark.jar, see docs/scale-out.md)"})
    String executorKind;

    @Option(names = "--master", paramLabel = "URL",
            description = "with --executor spark: local[2], spark://host:7077, … (default: spark-submit's)")
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "with --executor spark: a Spark setting, e.g. spark.executor.memory=4g (repeatable)")
    java.util.Map<String, String> sparkConf = new java.util.LinkedHashMap<>();

    @Option(names = "--chunk-size", paramLabel = "K", defaultValue = "100000",
            description = "target entries per chunk, aligned to basket clusters (default: ${DEFAULT-VALUE})")
    long chunkSize;

    @Option(names = "--output", paramLabel = "DIR",
            description = "output folder: result.ser, result.json, histograms.json, manifest.json (written last: the"
                    + " results are complete when it exists), checkpoints/; locked while a run uses it (default: none)")
    Path output;

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "-1", description = "files per dataset (default: all)")
    int maxFiles;

    @Option(names = "--max-chunks", paramLabel = "N", defaultValue = "-1", description = "chunks per dataset (default: all)")
    int maxChunks;

    @Option(names = "--skip-bad-files", description = "skip unreadable files and chunks, recording them in the output")
    boolean skipBadFiles;

    @Option(names = "--resume", description = "reuse checkpointed chunk results in --output; redo only failed or missing chunks")
    boolean resume;

    @Option(names = "--chunks", paramLabel = "LIST",
            description = "run only these chunks of the plan, e.g. 0-9,12 (one batch job's share; see 'crema submit')")
    String chunks;

    @Option(names = "--unnormalised", description = {"allow simulated datasets without xsec or without a luminosity for"
            + " their year: their histograms stay unscaled and the summary lists them (without this the run stops"
            + " before reading any event)"})
    boolean unnormalised;

    @Option(names = "--stacktrace", description = "on a failure, print the whole stack trace of its cause")
    boolean stacktrace;

    /** Frames of a processor's exception shown without {@code --stacktrace}: enough to find the line. */
    static final int TOP_FRAMES = 5;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Processor<?> processor;
        Fileset fs = null;
        AnalysisConfig analysis = null;
        if ((config == null) == (processorClass == null) || processorClass != null && fileset == null
                || config != null && fileset != null) {
            err.println("crema run: give either CONFIG.yaml, or --processor CLASS and --fileset JSON");
            err.flush();
            return 2;
        }
        if (config != null) {
            try {
                analysis = AnalysisConfig.load(config).select(datasets, samples, years);
            } catch (ConfigException e) {
                err.println(e.getMessage());
                err.flush();
                return 2;
            }
            for (Diagnostic w : analysis.warnings()) {
                err.println(w.render());
            }
            err.flush();
            processor = analysis.processor();
            fs = analysis.fileset();
        } else {
            try {
                processor = instantiate(processorClass);
            } catch (IllegalArgumentException e) {
                err.println("crema run: " + e.getMessage());
                return 2;
            }
        }
        if (!executorKind.equals("local") && !executorKind.equals("spark")) {
            err.println("crema run: --executor must be local or spark, got '" + executorKind + "'");
            err.flush();
            return 2;
        }
        if (executorKind.equals("local") && (master != null || !sparkConf.isEmpty())) {
            err.println("crema run: --master and --spark-conf need --executor spark");
            err.flush();
            return 2;
        }
        if (output != null) {
            String problem = notWritable(output);
            if (problem != null) {
                err.println("crema run: --output " + output + " " + problem + "; choose another folder");
                err.flush();
                return 2;
            }
        }
        ChunkExecutor chunkExecutor = null;
        try {
            if (executorKind.equals("spark")) {
                chunkExecutor = SparkExecutors.start(master, sparkConf);
            }
            RunConfig cfg = RunConfig.defaults().withChunkSize(chunkSize).withMaxFiles(maxFiles)
                    .withMaxChunks(maxChunks).withSkipBadFiles(skipBadFiles).withOutput(output).withResume(resume)
                    .withUnnormalised(unnormalised);
            if (workers != null) {
                cfg = cfg.withWorkers(workers);
            }
            ChunkExecutor executor = chunkExecutor;
            if (chunks != null) {
                // a job of an HTCondor array: only the listed chunks, on this machine's executor or Spark's
                ChunkExecutor base = executor != null ? executor : cfg.workers() == 1 ? new IterativeExecutor()
                        : new MultiThreadedExecutor(cfg.workers());
                executor = org.crema.cli.condor.ChunkSelection.parse(chunks).executor(base);
            }
            RunOutput<?> result = run(processor, new Runner(cfg, new RootInputProvider(), executor),
                    fs != null ? fs : Fileset.read(fileset));
            out.print(RunSummary.text(result));
            if (output != null) {
                out.println("\noutput written to " + output.toAbsolutePath());
            }
            out.flush();
            return result.failures().isEmpty() ? 0 : 3;
        } catch (IllegalArgumentException | ProcessorException | ConfigException | java.io.UncheckedIOException e) {
            err.println("crema run: " + (e instanceof java.io.UncheckedIOException io
                    ? org.crema.cli.IoFailures.describe(io) : e.getMessage()));
            Throwable cause = e.getCause();
            if (stacktrace) {
                e.printStackTrace(err);
            } else if (e instanceof org.crema.processor.ChunkFailedException && cause != null && isProcessorBug(cause)) {
                printTopFrames(err, cause);
            }
            err.flush();
            return 1;
        } catch (OutOfMemoryError e) {
            // Outside a chunk (merging, post-processing, writing): no chunk to name, but the same remedies.
            err.println("crema run: out of memory outside the chunks (merging or writing the result) with a heap of "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB: give the JVM more heap (-Xmx, e.g."
                    + " JAVA_OPTS=-Xmx8g) or fill fewer histogram bins; finished chunks are checkpointed when --output"
                    + " is set, and --resume continues from them");
            err.flush();
            return 1;
        } finally {
            if (chunkExecutor instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    err.println("crema run: stopping the executor failed: " + e);
                    err.flush();
                }
            }
        }
    }

    private static <A extends Accumulator<A>> RunOutput<A> run(Processor<A> p, Runner runner, Fileset fs) {
        return runner.run(p, fs);
    }

    /**
     * Checks before any file is opened that the output folder can be created and written, so a typo or
     * a read-only disk does not cost a whole run.
     *
     * @return what is wrong, or {@code null}
     */
    static String notWritable(Path dir) {
        try {
            if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
                return "is a file, not a folder";
            }
            java.nio.file.Files.createDirectories(dir);
            Path probe = java.nio.file.Files.createTempFile(dir, ".crema-write-check", ".tmp");
            java.nio.file.Files.delete(probe);
            return null;
        } catch (java.nio.file.AccessDeniedException e) {
            return "is not writable (permission denied: " + e.getFile() + ")";
        } catch (java.nio.file.FileSystemException e) {
            return "is not writable (" + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName())
                    + (e.getFile() != null ? ": " + e.getFile() : "") + ")";
        } catch (java.io.IOException e) {
            return "is not writable (" + e + ")";
        }
    }

    /**
     * An exception thrown by the processor's own code, not by reading the input: the user needs its
     * type and where it was thrown, not only its message.
     */
    static boolean isProcessorBug(Throwable t) {
        return !(t instanceof org.crema.processor.InputReadException || t instanceof java.io.IOException
                || t instanceof java.io.UncheckedIOException || t instanceof org.crema.processor.NoSuchColumnException
                || t instanceof OutOfMemoryError || t.getClass().getName().startsWith("org.crema.io."));
    }

    static void printTopFrames(PrintWriter err, Throwable cause) {
        err.println("  " + cause);
        StackTraceElement[] frames = cause.getStackTrace();
        int shown = Math.min(TOP_FRAMES, frames.length);
        for (int i = 0; i < shown; i++) {
            err.println("    at " + frames[i]);
        }
        if (frames.length > shown) {
            err.println("    ... " + (frames.length - shown) + " more (--stacktrace shows all)");
        }
    }

    static Processor<?> instantiate(String name) {
        Class<?> c;
        try {
            c = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            String close = org.crema.cli.processors.ProcessorCatalog.closest(name,
                    org.crema.cli.processors.ProcessorCatalog.available());
            throw new IllegalArgumentException("processor class " + name + " not found on the class path"
                    + (close != null ? "; did you mean " + close + "?" : "")
                    + " (add its jar or classes folder to CREMA_CLASSPATH; 'crema processors' lists those found)");
        }
        if (!Processor.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException(name + " does not implement " + Processor.class.getName());
        }
        try {
            Constructor<?> ctor = c.getDeclaredConstructor();
            return (Processor<?>) ctor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(name + " needs a public no-argument constructor");
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot create " + name + ": " + cause);
        }
    }
}
