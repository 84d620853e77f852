package org.crema.cli.condor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.processor.run.RunOutput;

/**
 * The files of an HTCondor job array and their state. {@code crema submit --condor} writes into its
 * folder:
 * <ul>
 *   <li>{@code jobs.txt}: one line per job, {@code JOB CHUNKS} (e.g. {@code 3 30-39});</li>
 *   <li>{@code crema-job.sh}: the job's executable, running {@code crema run ... --chunks CHUNKS
 *       --output out-JOB} and recording its exit code in {@code out-JOB/exit-code};</li>
 *   <li>{@code crema.sub}: the submit description, {@code queue job, chunks from jobs.txt};</li>
 *   <li>{@code submit.json}: what the jobs run (configuration or processor and fileset, chunk size),
 *       for {@code crema status --merge} and {@code --resubmit-failed}.</li>
 * </ul>
 * A job is <b>finished</b> when {@code out-JOB/manifest.json} verifies (the run writes it last),
 * <b>failed</b> when its exit code is recorded and is not 0, or its output is there without a valid
 * manifest after the job ended, and <b>missing</b> otherwise (queued, running, or never submitted).
 */
public final class CondorJobs {
    static final String JOBS = "jobs.txt";
    static final String SCRIPT = "crema-job.sh";
    static final String SUBMIT = "crema.sub";
    static final String SETTINGS = "submit.json";

    private CondorJobs() {}

    /**
     * @param job job number
     * @param chunks its chunk selection, e.g. {@code 0-9}
     */
    public record Job(int job, String chunks) {}

    /** A job's state. */
    public enum State { FINISHED, FAILED, MISSING }

    /**
     * @param job the job
     * @param state its state
     * @param detail why (the exit code, the manifest problem)
     */
    public record JobStatus(Job job, State state, String detail) {}

    /**
     * Splits chunks {@code 0..n-1} into contiguous jobs.
     *
     * @param chunks number of chunks in the plan
     * @param jobs wanted number of jobs, or 0
     * @param chunksPerJob wanted chunks per job, or 0
     * @return the jobs, each at least one chunk
     */
    static List<Job> split(int chunks, int jobs, int chunksPerJob) {
        int per = chunksPerJob > 0 ? chunksPerJob : (chunks + Math.max(1, jobs) - 1) / Math.max(1, jobs);
        per = Math.max(1, per);
        List<Job> out = new ArrayList<>();
        for (int from = 0; from < chunks; from += per) {
            out.add(new Job(out.size(), ChunkSelection.range(from, Math.min(chunks, from + per) - 1)));
        }
        return out;
    }

    static void writeJobs(Path file, List<Job> jobs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Job j : jobs) {
            sb.append(j.job()).append(' ').append(j.chunks()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /**
     * @param dir a submit folder
     * @return its jobs, from {@code jobs.txt}
     * @throws IOException if the list cannot be read
     */
    public static List<Job> readJobs(Path dir) throws IOException {
        List<Job> out = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(dir.resolve(JOBS), StandardCharsets.UTF_8)) {
            line++;
            if (l.isBlank()) {
                continue;
            }
            String[] f = l.trim().split("\\s+");
            if (f.length != 2) {
                throw new IOException(dir.resolve(JOBS) + ":" + line + ": expected 'JOB CHUNKS', got '" + l + "'");
            }
            out.add(new Job(Integer.parseInt(f[0]), f[1]));
        }
        return out;
    }

    /**
     * @param dir a submit folder
     * @return every job's state, in job order
     * @throws IOException if the job list cannot be read
     */
    public static List<JobStatus> status(Path dir) throws IOException {
        List<JobStatus> out = new ArrayList<>();
        for (Job j : readJobs(dir)) {
            Path o = dir.resolve("out-" + j.job());
            Path exit = o.resolve("exit-code");
            String code = Files.isRegularFile(exit) ? Files.readString(exit).trim() : null;
            if (code != null && !code.equals("0")) {
                out.add(new JobStatus(j, State.FAILED, "exit code " + code + " (see logs/job-" + j.job() + ".err)"));
                continue;
            }
            try {
                RunOutput.verify(o);
                out.add(new JobStatus(j, State.FINISHED, o.toString()));
            } catch (RuntimeException e) {
                if (code != null) {
                    out.add(new JobStatus(j, State.FAILED, "exit code 0 but its output does not verify: "
                            + e.getMessage()));
                } else {
                    out.add(new JobStatus(j, State.MISSING, Files.isDirectory(o) ? "output incomplete (running or"
                            + " evicted)" : "no output yet"));
                }
            }
        }
        return out;
    }

    static void writeSettings(Path dir, Map<String, Object> settings) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(SETTINGS).toFile(), settings);
    }

    static Map<String, String> readSettings(Path dir) throws IOException {
        JsonNode n = new ObjectMapper().readTree(dir.resolve(SETTINGS).toFile());
        Map<String, String> out = new LinkedHashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return out;
    }

    static void writeExecutable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static ObjectNode node() {
        return new ObjectMapper().createObjectNode();
    }
}
