package org.crema.cli.condor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.crema.configs.AnalysisConfig;
import org.crema.configs.ConfigException;
import org.crema.processor.Chunk;
import org.crema.processor.ProcessorException;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema submit --condor}: splits a run's chunks into an HTCondor job array and writes the job
 * list, the job script and the submit description (see {@link CondorJobs}); {@code --resubmit-failed}
 * writes a submit description for the failed jobs only.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Write an HTCondor job array for a run: jobs.txt (JOB CHUNKS), crema-job.sh, crema.sub.",
            "Submit with condor_submit DIR/crema.sub from DIR; follow with 'crema status DIR', combine with"
                    + " 'crema status DIR --merge OUT'.",
            "Jobs read the configuration, fileset and input files by the paths given here: keep them where the"
                    + " worker nodes see them (AFS, EOS, CVMFS) or use root:// / https:// URLs in the fileset."})
public final class SubmitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG.yaml", description = "YAML analysis configuration")
    Path config;

    @Option(names = "--condor", description = "write an HTCondor job array (the only batch system so far)")
    boolean condor;

    @Option(names = "--processor", paramLabel = "CLASS", description = "Processor class in the crema jar (instead of CONFIG)")
    String processorClass;

    @Option(names = "--fileset", paramLabel = "JSON", description = "with --processor: the datasets")
    Path fileset;

    @Option(names = "--jobs", paramLabel = "N", description = "number of jobs (chunks split evenly)")
    Integer jobs;

    @Option(names = "--chunks-per-job", paramLabel = "K", description = "chunks per job")
    Integer chunksPerJob;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "condor", description = "folder for the job files (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--chunk-size", paramLabel = "K", defaultValue = "100000",
            description = "target entries per chunk, as for crema run (default: ${DEFAULT-VALUE})")
    long chunkSize;

    @Option(names = "--jar", paramLabel = "JAR", description = "the shaded crema jar to send (default: the running one)")
    Path jar;

    @Option(names = "--jdk", paramLabel = "DIR", description = "JDK 25 folder to send with each job (default: the running JDK)")
    Path jdk;

    @Option(names = "--container", paramLabel = "IMAGE",
            description = "run in this container image (with Java 25) instead of sending a JDK, e.g. docker://eclipse-temurin:25-jre")
    String container;

    @Option(names = "--x509-proxy", paramLabel = "FILE", description = "X.509 proxy for the jobs (x509userproxy)")
    Path x509;

    @Option(names = "--bearer-token-file", paramLabel = "FILE",
            description = "WLCG bearer token sent with the jobs; they find it through BEARER_TOKEN_FILE")
    Path bearerToken;

    @Option(names = "--request-memory", paramLabel = "SIZE", defaultValue = "4 GB", description = "per job (default: ${DEFAULT-VALUE})")
    String requestMemory;

    @Option(names = "--java-opts", paramLabel = "OPTS", defaultValue = "-Xmx3g",
            description = "JVM options of each job (default: ${DEFAULT-VALUE})")
    String javaOpts;

    @Option(names = "--resubmit-failed", paramLabel = "DIR",
            description = "write DIR/crema-resubmit.sub and DIR/jobs-resubmit.txt for the failed jobs of DIR only")
    Path resubmit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (resubmit != null) {
                return resubmit(out, err);
            }
            if (!condor) {
                return usage(err, "give --condor (HTCondor is the batch system crema writes jobs for)");
            }
            if ((config == null) == (processorClass == null) || processorClass != null && fileset == null
                    || config != null && fileset != null) {
                return usage(err, "give either CONFIG.yaml, or --processor CLASS and --fileset JSON");
            }
            if ((jobs == null) == (chunksPerJob == null) || jobs != null && jobs < 1
                    || chunksPerJob != null && chunksPerJob < 1) {
                return usage(err, "give either --jobs N or --chunks-per-job K, at least 1");
            }
            if (container != null && jdk != null) {
                return usage(err, "give --container or --jdk, not both: the container brings its own Java");
            }
            Path theJar = jar != null ? jar : runningJar();
            if (theJar == null || !Files.isRegularFile(theJar)) {
                return usage(err, "--jar: " + (theJar == null ? "crema is not running from a jar" : theJar + " is not a"
                        + " file") + "; give the shaded jar, e.g. --jar cli/target/crema.jar");
            }
            Path theJdk = container != null ? null : jdk != null ? jdk : Path.of(System.getProperty("java.home"));
            if (theJdk != null && !Files.isExecutable(theJdk.resolve("bin/java"))) {
                return usage(err, "--jdk: " + theJdk + "/bin/java does not exist; give a JDK 25 folder");
            }
            Fileset fs = config != null ? AnalysisConfig.load(config).fileset() : Fileset.read(fileset);
            List<Chunk> plan = new Runner(RunConfig.defaults().withChunkSize(chunkSize).withProgress(false)).plan(fs);
            List<CondorJobs.Job> list = CondorJobs.split(plan.size(), jobs == null ? 0 : jobs,
                    chunksPerJob == null ? 0 : chunksPerJob);
            write(list, plan.size(), theJar.toAbsolutePath().normalize(),
                    theJdk == null ? null : theJdk.toAbsolutePath().normalize());
            out.println("wrote " + list.size() + " jobs over " + plan.size() + " chunks: " + dir.resolve(CondorJobs.SUBMIT));
            out.println("submit with: cd " + dir + " && condor_submit " + CondorJobs.SUBMIT);
            out.flush();
            return 0;
        } catch (ConfigException | ProcessorException | IllegalArgumentException e) {
            err.println("crema submit: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("crema submit: cannot write the job files in " + dir + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int usage(PrintWriter err, String message) {
        err.println("crema submit: " + message);
        err.flush();
        return 2;
    }

    private static Path runningJar() {
        try {
            Path p = Path.of(SubmitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    private void write(List<CondorJobs.Job> list, int chunks, Path theJar, Path theJdk) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        CondorJobs.writeJobs(dir.resolve(CondorJobs.JOBS), list);
        List<String> runArgs = new ArrayList<>();
        if (config != null) {
            runArgs.add(config.toAbsolutePath().normalize().toString());
        } else {
            runArgs.addAll(List.of("--processor", processorClass, "--fileset",
                    fileset.toAbsolutePath().normalize().toString()));
        }
        runArgs.addAll(List.of("--workers", "1", "--chunk-size", Long.toString(chunkSize)));
        String java = theJdk == null ? "java" : "./" + theJdk.getFileName() + "/bin/java";
        StringBuilder sh = new StringBuilder();
        sh.append("#!/bin/sh\n");
        sh.append("# One job of a crema HTCondor array: ").append(CondorJobs.SCRIPT).append(" JOB CHUNKS\n");
        sh.append("# (written by crema submit; the exit code is kept in out-JOB/exit-code for crema status)\n");
        sh.append("job=\"$1\"\nchunks=\"$2\"\n");
        sh.append("mkdir -p \"out-$job\"\n");
        sh.append("\"").append(java).append("\" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED ")
                .append(javaOpts).append(" -jar ").append(quote(theJar.getFileName().toString())).append(" run");
        for (String a : runArgs) {
            sh.append(' ').append(quote(a));
        }
        sh.append(" --chunks \"$chunks\" --output \"out-$job\"\n");
        sh.append("rc=$?\necho \"$rc\" > \"out-$job/exit-code\"\nexit \"$rc\"\n");
        CondorJobs.writeExecutable(dir.resolve(CondorJobs.SCRIPT), sh.toString());

        List<String> inputs = new ArrayList<>(List.of(theJar.toString()));
        if (theJdk != null) {
            inputs.add(theJdk.toString()); // a folder without a trailing slash is sent as the folder itself
        }
        StringBuilder sub = new StringBuilder();
        sub.append("# HTCondor submit description written by crema submit: ").append(list.size()).append(" jobs over ")
                .append(chunks).append(" chunks of ").append(runArgs.getFirst().equals("--processor")
                        ? processorClass : runArgs.getFirst()).append('\n');
        sub.append("# Submit from this folder: condor_submit ").append(CondorJobs.SUBMIT)
                .append("; follow with: crema status <this folder>\n");
        kv(sub, "universe", container != null ? "container" : "vanilla");
        if (container != null) {
            kv(sub, "container_image", container);
        }
        kv(sub, "executable", CondorJobs.SCRIPT);
        kv(sub, "arguments", "$(job) $(chunks)");
        kv(sub, "should_transfer_files", "YES");
        kv(sub, "when_to_transfer_output", "ON_EXIT");
        if (bearerToken != null) {
            inputs.add(bearerToken.toAbsolutePath().normalize().toString());
            kv(sub, "environment", "\"BEARER_TOKEN_FILE=" + bearerToken.getFileName() + "\"");
        }
        kv(sub, "transfer_input_files", String.join(", ", inputs));
        kv(sub, "transfer_output_files", "out-$(job)");
        kv(sub, "output", "logs/job-$(job).out");
        kv(sub, "error", "logs/job-$(job).err");
        kv(sub, "log", "logs/jobs.log");
        kv(sub, "request_cpus", "1");
        kv(sub, "request_memory", requestMemory);
        if (x509 != null) {
            kv(sub, "use_x509userproxy", "true");
            kv(sub, "x509userproxy", x509.toAbsolutePath().normalize().toString());
        }
        sub.append("queue job, chunks from ").append(CondorJobs.JOBS).append('\n');
        Files.writeString(dir.resolve(CondorJobs.SUBMIT), sub.toString(), StandardCharsets.UTF_8);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("config", config == null ? null : config.toAbsolutePath().normalize().toString());
        settings.put("processor", processorClass);
        settings.put("fileset", fileset == null ? null : fileset.toAbsolutePath().normalize().toString());
        settings.put("chunkSize", chunkSize);
        settings.put("chunks", chunks);
        CondorJobs.writeSettings(dir, settings);
    }

    private static void kv(StringBuilder sb, String key, String value) {
        sb.append(String.format("%-24s= %s%n", key, value));
    }

    /** Single-quotes a shell word (a quote inside becomes '\''). */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private int resubmit(PrintWriter out, PrintWriter err) throws IOException {
        if (!Files.isRegularFile(resubmit.resolve(CondorJobs.SUBMIT))) {
            return usage(err, "--resubmit-failed: " + resubmit.resolve(CondorJobs.SUBMIT) + " does not exist; give the"
                    + " folder crema submit --condor wrote");
        }
        List<CondorJobs.Job> failed = new ArrayList<>();
        for (CondorJobs.JobStatus s : CondorJobs.status(resubmit)) {
            if (s.state() == CondorJobs.State.FAILED) {
                failed.add(s.job());
            }
        }
        if (failed.isEmpty()) {
            out.println("no failed jobs in " + resubmit + "; nothing to resubmit");
            out.flush();
            return 0;
        }
        for (CondorJobs.Job j : failed) {
            // The failed attempt's output goes, so crema status shows the job as missing until it returns.
            Path o = resubmit.resolve("out-" + j.job());
            try (Stream<Path> walk = Files.walk(o)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        CondorJobs.writeJobs(resubmit.resolve("jobs-resubmit.txt"), failed);
        String sub = Files.readString(resubmit.resolve(CondorJobs.SUBMIT), StandardCharsets.UTF_8)
                .replace("queue job, chunks from " + CondorJobs.JOBS, "queue job, chunks from jobs-resubmit.txt");
        Files.writeString(resubmit.resolve("crema-resubmit.sub"), sub, StandardCharsets.UTF_8);
        out.println("wrote " + resubmit.resolve("crema-resubmit.sub") + " for " + failed.size() + " failed job(s): "
                + String.join(" ", failed.stream().map(j -> Integer.toString(j.job())).toList()));
        out.flush();
        return 0;
    }
}
