package org.crema.cli.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crema.cli.datacard.Datacard;
import org.crema.cli.datacard.DatacardCommand;
import org.crema.cli.datacard.DatacardSpec;
import org.crema.cli.datasets.DatasetBuilder;
import org.crema.cli.datasets.DatasetDefinition;
import org.crema.cli.datasets.DatasetsException;
import org.crema.cli.datasets.FilesetJson;
import org.crema.configs.AnalysisConfig;
import org.crema.configs.ConfigException;
import org.crema.hist.UhiJson;
import org.crema.io.write.CompressionSetting;
import org.crema.plot.PlotOptions;
import org.crema.plot.RunPlots;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;

/**
 * Runs an analysis from datasets to results as a chain of steps, {@code datasets → run → plots →
 * datacard}, each writing into its own folder {@code OUTPUT/STEP/KEY/}. A step's key is the SHA-256
 * of everything its output depends on: the crema version, the configuration text, the identities
 * (path, size, modification time) of the input files, its options, and the manifest hashes of the
 * steps it reads. A step whose folder holds a verified {@link StepManifest} for its key is up to date
 * and is not run again; changing an input changes the keys of the steps that depend on it, and only
 * those run. Outputs of other keys stay, so going back to an earlier configuration costs nothing.
 *
 * <p><b>Exact resume.</b> A step is complete only when its manifest, written last, verifies: a
 * workflow killed anywhere (between steps, inside a run, while a step writes its files) leaves a
 * folder without a valid manifest, which the next invocation redoes: the run step continues from its
 * chunk checkpoints, the others start their folder afresh. The resumed result equals an
 * uninterrupted one byte for byte.
 *
 * <pre>{@code
 * Workflow wf = new Workflow(WorkflowSpec.load(Path.of("zmumu-workflow.yaml"), null, null));
 * wf.dryRun();                         // what would run and why
 * wf.run(new PrintWriter(System.out)); // run what is not up to date
 * }</pre>
 */
public final class Workflow {
    /** The steps, in order. */
    public static final List<String> STEPS = List.of("datasets", "run", "plots", "datacard");

    /** What a step needs. */
    public enum State {
        /** its output for the current inputs exists and verifies */
        UP_TO_DATE,
        /** a folder for the current inputs exists but is incomplete: it is redone, a run from its checkpoints */
        RESUME,
        /** no output for the current inputs */
        RUN,
        /** a step it reads is not up to date yet, so its key is not known */
        WAITS
    }

    /**
     * @param step step name
     * @param state what the step needs
     * @param reason why (the inputs that changed, the incomplete file, the step waited for)
     * @param dir the step's folder for the current inputs, or {@code null} while it waits
     */
    public record StepStatus(String step, State state, String reason, Path dir) {}

    /** Where a test may interrupt a workflow, as a kill would. */
    enum Point { BEFORE_STEP, OUTPUTS_WRITTEN }

    /** Called at each {@link Point}; a test's hook throws to simulate a kill there. */
    interface Hook {
        void at(String step, Point point);
    }

    private final WorkflowSpec spec;
    private Hook hook = (s, p) -> { };
    private AnalysisConfig analysis;

    /**
     * @param spec the workflow
     */
    public Workflow(WorkflowSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    Workflow withHook(Hook h) {
        this.hook = h;
        return this;
    }

    /** @return the workflow's description */
    public WorkflowSpec spec() {
        return spec;
    }

    private List<String> steps() {
        List<String> out = new ArrayList<>(List.of("datasets", "run"));
        if (spec.plots() != null) {
            out.add("plots");
        }
        if (spec.datacard() != null) {
            out.add("datacard");
        }
        return out;
    }

    private static String upstream(String step) {
        return switch (step) {
            case "datasets" -> null;
            case "run" -> "datasets";
            default -> "run";
        };
    }

    /**
     * Works out each step's state without running anything.
     *
     * @return the steps in order
     */
    public List<StepStatus> plan() {
        List<StepStatus> out = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String step : steps()) {
            String up = upstream(step);
            if (up != null && !hashes.containsKey(up)) {
                out.add(new StepStatus(step, State.WAITS, "runs after '" + up + "'", null));
                continue;
            }
            Map<String, String> inputs = inputs(step, up == null ? null : hashes.get(up));
            String key = StepManifest.key(inputs);
            Path dir = dirOf(step, key);
            StepManifest.Check c = StepManifest.verify(dir, key);
            if (c.complete()) {
                hashes.put(step, c.manifestSha256());
                out.add(new StepStatus(step, State.UP_TO_DATE, "output verified", dir));
            } else if (Files.isDirectory(dir)) {
                out.add(new StepStatus(step, State.RESUME, c.problem(), dir));
            } else {
                out.add(new StepStatus(step, State.RUN, why(step, key, inputs), dir));
            }
        }
        return out;
    }

    /**
     * Runs every step that is not up to date, in order, holding the output folder's lock.
     *
     * @param log where progress lines go
     * @return each step's state before this invocation ran it
     * @throws WorkflowException when a step fails (its folder stays incomplete and is redone next time),
     *     or another workflow holds the output folder
     */
    public List<StepStatus> run(PrintWriter log) {
        try {
            Files.createDirectories(spec.output());
        } catch (IOException e) {
            throw new WorkflowException("cannot create the workflow output folder " + spec.output() + ": "
                    + e.getMessage(), e);
        }
        Path lockFile = spec.output().resolve(".workflow.lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new WorkflowException("another crema workflow is running in " + spec.output()
                        + "; wait for it to finish");
            }
            try {
                return runLocked(log);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new WorkflowException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private List<StepStatus> runLocked(PrintWriter log) {
        List<StepStatus> out = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String step : steps()) {
            String up = upstream(step);
            Map<String, String> inputs = inputs(step, up == null ? null : hashes.get(up));
            String key = StepManifest.key(inputs);
            Path dir = dirOf(step, key);
            StepManifest.Check c = StepManifest.verify(dir, key);
            if (c.complete()) {
                log.println("[" + step + "] up to date: " + dir);
                log.flush();
                hashes.put(step, c.manifestSha256());
                dirs.put(step, dir);
                out.add(new StepStatus(step, State.UP_TO_DATE, "output verified", dir));
                continue;
            }
            boolean resume = Files.isDirectory(dir);
            String reason = resume ? c.problem() : why(step, key, inputs);
            out.add(new StepStatus(step, resume ? State.RESUME : State.RUN, reason, dir));
            log.println("[" + step + "] " + (resume ? "resuming" : "running") + " (" + reason + ")");
            log.flush();
            hook.at(step, Point.BEFORE_STEP);
            long t0 = System.nanoTime();
            try {
                if (!step.equals("run")) {
                    // Only a run can continue a partial output (from its chunk checkpoints); any other
                    // step starts its folder afresh so no file of the interrupted attempt survives.
                    deleteTree(dir);
                }
                Files.createDirectories(dir);
                produce(step, dir, dirs.get(up));
                hook.at(step, Point.OUTPUTS_WRITTEN);
                hashes.put(step, StepManifest.write(dir, step, key, inputs));
            } catch (IOException | UncheckedIOException e) {
                throw new WorkflowException("step '" + step + "' failed writing " + dir + ": " + e.getMessage(), e);
            } catch (WorkflowException e) {
                throw e;
            } catch (DatasetsException e) {
                throw new WorkflowException("step '" + step + "' failed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                if (e instanceof Interrupted) {
                    throw e;
                }
                throw new WorkflowException("step '" + step + "' failed: " + e.getMessage()
                        + " (its folder " + dir + " stays incomplete; rerun the workflow to redo it)", e);
            }
            dirs.put(step, dir);
            log.printf("[%s] done in %.1f s: %s%n", step, (System.nanoTime() - t0) / 1e9, dir);
            log.flush();
        }
        return out;
    }

    /** Thrown by a hook to stand for the process being killed; passed through untouched. */
    static final class Interrupted extends RuntimeException {
        Interrupted(String where) {
            super("interrupted at " + where);
        }
    }

    private Path dirOf(String step, String key) {
        return spec.output().resolve(step).resolve(key.substring(0, 16));
    }

    /**
     * Names the inputs that differ from the step's most recent other output, so {@code --dry-run}
     * says why a step runs (e.g. "changed since the last output: datacard").
     */
    private String why(String step, String key, Map<String, String> inputs) {
        Path stepDir = spec.output().resolve(step);
        if (!Files.isDirectory(stepDir)) {
            return "never run";
        }
        Path latest;
        try (Stream<Path> s = Files.list(stepDir)) {
            latest = s.map(d -> d.resolve(StepManifest.FILE)).filter(Files::isRegularFile)
                    .filter(m -> !m.getParent().getFileName().toString().equals(key.substring(0, 16)))
                    .max(Comparator.comparing(Workflow::modified)).orElse(null);
        } catch (IOException e) {
            return "never run";
        }
        if (latest == null) {
            return "never run";
        }
        Map<String, String> before = StepManifest.inputsOf(latest.getParent());
        List<String> changed = new ArrayList<>();
        Map<String, String> all = new TreeMap<>(inputs);
        before.keySet().forEach(k -> all.putIfAbsent(k, null));
        for (String k : all.keySet()) {
            if (!Objects.equals(inputs.get(k), before.get(k))) {
                changed.add(k);
            }
        }
        return "changed since " + latest.getParent() + ": " + String.join(", ", changed);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    // ---- inputs of each step ---------------------------------------------------------------

    private Map<String, String> inputs(String step, String upstreamHash) {
        Map<String, String> in = new TreeMap<>();
        in.put("crema", Runner.cremaVersion());
        switch (step) {
            case "datasets" -> {
                if (spec.datasets() != null) {
                    in.put("definition", spec.datasets() + " sha256 " + sha256Text(read(spec.datasets())));
                    in.put("files", identities(DatasetDefinition.load(spec.datasets()).expand()));
                } else {
                    Fileset fs = analysis().fileset();
                    in.put("analysisDatasets", spec.analysis() + " sha256 "
                            + StepManifest.sha256(FilesetJson.bytes(FilesetJson.toJson(fs, Map.of()))));
                    in.put("files", identities(fs));
                }
            }
            case "run" -> {
                in.put("datasets", upstreamHash);
                in.put("analysis", spec.analysis() + " sha256 " + sha256Text(spec.analysisText()));
                WorkflowSpec.RunOptions r = spec.run();
                in.put("run.chunkSize", Long.toString(r.chunkSize()));
                in.put("run.maxChunks", Integer.toString(r.maxChunks()));
                in.put("run.maxFiles", Integer.toString(r.maxFiles()));
                in.put("run.unnormalised", Boolean.toString(r.unnormalised()));
                in.put("run.skipBadFiles", Boolean.toString(r.skipBadFiles()));
            }
            case "plots" -> {
                in.put("run", upstreamHash);
                WorkflowSpec.PlotSettings p = spec.plots();
                in.put("plots.formats", p.formats().toString());
                in.put("plots.log", Boolean.toString(p.log()));
                in.put("plots.lumi", Double.toString(p.lumi()));
                in.put("plots.sqrts", Double.toString(p.sqrts()));
            }
            case "datacard" -> {
                in.put("run", upstreamHash);
                in.put("datacard", spec.datacard() + " sha256 " + sha256Text(read(spec.datacard())));
            }
            default -> throw new IllegalStateException(step);
        }
        return in;
    }

    /** The identity of every input file: path, size and modification time, hashed into one value. */
    private static String identities(Fileset fs) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Fileset.Dataset ds : fs.datasets().values()) {
            for (String f : ds.files()) {
                sb.append(f);
                if (!f.contains("://")) {
                    Path p = Path.of(f);
                    try {
                        sb.append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
                    } catch (IOException e) {
                        sb.append(" missing");
                    }
                }
                sb.append('\n');
                n++;
            }
        }
        return n + " files sha256 " + sha256Text(sb.toString());
    }

    private static String sha256Text(String s) {
        return StepManifest.sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkflowException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private AnalysisConfig analysis() {
        if (analysis == null) {
            try {
                analysis = AnalysisConfig.parse(spec.analysisText(), spec.analysis().toString(),
                        spec.analysis().toAbsolutePath().getParent());
            } catch (ConfigException e) {
                throw new WorkflowException(e.getMessage(), e);
            }
        }
        return analysis;
    }

    // ---- what each step does -----------------------------------------------------------------

    private void produce(String step, Path dir, Path upstreamDir) throws IOException {
        switch (step) {
            case "datasets" -> {
                ObjectNode json;
                if (spec.datasets() != null) {
                    // Per-file results are cached beside the steps, so a changed definition re-reads only new files.
                    DatasetBuilder.Result r = new DatasetBuilder(spec.output().resolve(".file-info-cache.json"))
                            .build(DatasetDefinition.load(spec.datasets()), false, true);
                    if (!r.problems().isEmpty()) {
                        throw new WorkflowException(r.problems().size() + " file(s) of " + spec.datasets()
                                + " cannot be read: " + String.join("; ", r.problems().stream()
                                        .map(DatasetBuilder.Problem::render).toList()));
                    }
                    json = r.json();
                } else {
                    json = FilesetJson.toJson(analysis().fileset(), Map.of());
                }
                FilesetJson.write(json, dir.resolve("fileset.json"));
            }
            case "run" -> {
                AnalysisConfig a = analysis().withFileset(Fileset.read(upstreamDir.resolve("fileset.json")));
                WorkflowSpec.RunOptions r = spec.run();
                // resume: chunks checkpointed by an interrupted attempt at this same key are reused; the
                // runner merges them in chunk order, so the result is the one an uninterrupted run gives.
                RunConfig cfg = RunConfig.defaults().withChunkSize(r.chunkSize()).withMaxChunks(r.maxChunks())
                        .withMaxFiles(r.maxFiles()).withUnnormalised(r.unnormalised())
                        .withSkipBadFiles(r.skipBadFiles()).withOutput(dir).withResume(true);
                if (r.workers() > 0) {
                    cfg = cfg.withWorkers(r.workers());
                }
                run(a.processor(), new Runner(cfg), a.fileset());
            }
            case "plots" -> {
                for (String f : List.of(RunPlots.HISTOGRAMS, RunPlots.RESULT)) {
                    Files.copy(upstreamDir.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
                WorkflowSpec.PlotSettings p = spec.plots();
                RunPlots.read(dir).write(PlotOptions.defaults().withFormats(p.formats()).withLogY(p.log())
                        .withLumi(p.lumi(), p.sqrts()));
            }
            case "datacard" -> {
                DatacardSpec card = DatacardSpec.read(spec.datacard());
                // The card names its source by file name only, so equal inputs give equal bytes wherever
                // the workflow's folder is.
                Datacard d = Datacard.build(UhiJson.readAll(upstreamDir.resolve(RunPlots.HISTOGRAMS)), card,
                        "shapes.root", RunPlots.HISTOGRAMS);
                DatacardCommand.write(d, dir, "datacard.txt", "shapes.root", CompressionSetting.parse("zlib-1"), true);
            }
            default -> throw new IllegalStateException(step);
        }
    }

    private static <A extends Accumulator<A>> RunOutput<A> run(Processor<A> p, Runner runner, Fileset fs) {
        return runner.run(p, fs);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
