package org.crema.cli.condor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crema.configs.AnalysisConfig;
import org.crema.processor.Processor;
import org.crema.processor.ProcessorException;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema status DIR [--merge OUT]}: lists the finished, failed and missing jobs of an HTCondor
 * array written by {@code crema submit --condor}, and combines finished jobs into one run output.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"List the finished, failed and missing jobs of a 'crema submit --condor' folder.",
            "Exit code 0 when every job finished, 3 otherwise.",
            "--merge OUT combines the jobs into the output one local 'crema run' gives, byte for byte in its"
                    + " histograms: the runner folds the jobs' chunk results in chunk order."})
public final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder crema submit --condor wrote")
    Path dir;

    @Option(names = "--merge", paramLabel = "OUT", description = "when every job finished, write the combined run output to OUT")
    Path merge;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CondorJobs.JobStatus> all;
        try {
            all = CondorJobs.status(dir);
        } catch (IOException | RuntimeException e) {
            err.println("crema status: cannot read the job list of " + dir + ": " + e.getMessage()
                    + " (expected a folder written by crema submit --condor)");
            err.flush();
            return 2;
        }
        int[] n = new int[3];
        for (CondorJobs.JobStatus s : all) {
            n[s.state().ordinal()]++;
            out.printf("job %-5d chunks %-12s %-9s %s%n", s.job().job(), s.job().chunks(),
                    s.state().name().toLowerCase(java.util.Locale.ROOT), s.detail());
        }
        out.printf("%d finished, %d failed, %d missing of %d jobs%n", n[0], n[1], n[2], all.size());
        if (n[1] > 0) {
            out.println("resubmit the failed ones with: crema submit --resubmit-failed " + dir);
        }
        out.flush();
        if (merge == null) {
            return n[0] == all.size() ? 0 : 3;
        }
        if (n[0] != all.size()) {
            err.println("crema status: --merge needs every job finished; " + (all.size() - n[0]) + " are not");
            err.flush();
            return 3;
        }
        try {
            RunOutput<?> r = merge();
            out.printf("merged %d jobs into %s: %d of %d chunks from the jobs, %d recomputed%n", all.size(), merge,
                    r.metrics().chunksFromCheckpoint(), r.metrics().chunks(), r.metrics().chunksProcessed());
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("crema status: cannot merge into " + merge + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /**
     * Gathers every job's chunk checkpoints into OUT/checkpoints and resumes the whole run there: each
     * chunk's result comes from its job (verified by hash and key) and the runner folds them in chunk
     * order and post-processes once, exactly as a local run does. A chunk whose checkpoint does not
     * match (a job run with another crema, configuration or input file) is recomputed.
     */
    private RunOutput<?> merge() throws IOException {
        Map<String, String> s = CondorJobs.readSettings(dir);
        Path cp = merge.resolve("checkpoints");
        Files.createDirectories(cp);
        for (CondorJobs.JobStatus j : CondorJobs.status(dir)) {
            Path jc = dir.resolve("out-" + j.job().job()).resolve("checkpoints");
            if (!Files.isDirectory(jc)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(jc, "*.chunk")) {
                for (Path p : ds) {
                    Files.copy(p, cp.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        RunConfig cfg = RunConfig.defaults().withChunkSize(Long.parseLong(s.get("chunkSize"))).withOutput(merge)
                .withResume(true).withProgress(false);
        if (s.get("config") != null) {
            AnalysisConfig a = AnalysisConfig.load(Path.of(s.get("config")));
            return run(a.processor(), new Runner(cfg), a.fileset());
        }
        return run(instantiate(s.get("processor")), new Runner(cfg), Fileset.read(Path.of(s.get("fileset"))));
    }

    private static <A extends Accumulator<A>> RunOutput<A> run(Processor<A> p, Runner runner, Fileset fs) {
        return runner.run(p, fs);
    }

    private static Processor<?> instantiate(String name) {
        try {
            Class<?> c = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
            return (Processor<?>) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new ProcessorException("cannot create processor " + name + ": " + e, e);
        }
    }
}
