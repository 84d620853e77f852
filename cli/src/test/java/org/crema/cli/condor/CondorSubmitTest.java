package org.crema.cli.condor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.cli.CremaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code crema submit --condor}, {@code crema status} and {@code --resubmit-failed} on the bundled Z→μμ
 * samples. HTCondor is not available here, so the generated job commands run in this JVM, as the job
 * script would run them, and their merge is compared with a local run.
 */
class CondorSubmitTest {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    static Path root() {
        return Path.of(System.getProperty("crema.root", "..")).toAbsolutePath().normalize();
    }

    /** The crema arguments of the job script's java line for one job: what the worker would run. */
    static List<String> jobArgs(Path dir, int job, String chunks) throws IOException {
        String line = Files.readAllLines(dir.resolve("crema-job.sh")).stream().filter(l -> l.contains(" -jar "))
                .findFirst().orElseThrow();
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line.substring(line.indexOf(" -jar ") + 6));
        while (m.find()) {
            String w = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            words.add(w.replace("$chunks", chunks).replace("$job", Integer.toString(job)));
        }
        // words: JAR run ARGS...; the job's folder is the submit folder, as HTCondor transfers out-JOB back there
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        int o = args.indexOf("--output");
        args.set(o + 1, dir.resolve(args.get(o + 1)).toString());
        return args;
    }

    /**
     * The submit description's grammar as the HTCondor manual gives it: comments, {@code key = value}
     * commands (keys are letters, digits, '_', '.', '+'), macro references {@code $(name)} that the
     * file or the queue statement define (or HTCondor predefines), and one final
     * {@code queue [N] var[, var...] from FILE} whose file lines have one field per variable.
     */
    static void assertValidSubmitDescription(Path sub) throws IOException {
        Pattern kv = Pattern.compile("^([A-Za-z_+][A-Za-z0-9_.+]*)\\s*=\\s*(.*)$");
        Pattern queue = Pattern.compile("^queue(?:\\s+\\d+)?\\s+([A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)"
                + "\\s+from\\s+(\\S+)$", Pattern.CASE_INSENSITIVE);
        Set<String> defined = new HashSet<>(Set.of("cluster", "clusterid", "process", "procid", "step", "row",
                "item", "itemindex"));
        List<String> references = new ArrayList<>();
        List<String> lines = Files.readAllLines(sub);
        String queueLine = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            assertThat(queueLine).as("nothing may follow the queue statement: line " + (i + 1)).isNull();
            Matcher q = queue.matcher(l);
            if (q.matches()) {
                queueLine = l;
                for (String v : q.group(1).split(",")) {
                    defined.add(v.strip().toLowerCase(java.util.Locale.ROOT));
                }
                Path from = sub.resolveSibling(q.group(2));
                int vars = q.group(1).split(",").length;
                for (String row : Files.readAllLines(from)) {
                    assertThat(row.strip().split("[\\s,]+")).as(from + ": " + row).hasSize(vars);
                }
                continue;
            }
            Matcher m = kv.matcher(l);
            assertThat(m.matches()).as(sub + ":" + (i + 1) + " is neither key = value nor queue: " + l).isTrue();
            defined.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            Matcher ref = Pattern.compile("\\$\\(([^)]*)\\)").matcher(m.group(2));
            while (ref.find()) {
                references.add(ref.group(1));
            }
            if (m.group(1).equals("environment")) {
                assertThat(m.group(2)).as("new-style environment is double-quoted").matches("\"[^\"]*\"");
            }
        }
        assertThat(queueLine).as("a queue statement").isNotNull();
        for (String r : references) {
            assertThat(defined).as("macro $(" + r + ")").contains(r.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void jobsRunLocallyAndMergeIntoTheLocalRunsResult(@TempDir Path tmp) throws IOException {
        Path config = root().resolve("configs/examples/zmumu.yaml");
        Path jar = Files.writeString(tmp.resolve("crema.jar"), "stands for the shaded jar");
        Path dir = tmp.resolve("condor");
        assertThat(run("submit", "--condor", config.toString(), "--chunk-size", "10", "--chunks-per-job", "1", "--dir",
                dir.toString(), "--jar", jar.toString(), "--x509-proxy", "/tmp/x509up_u1000")).as(err.toString())
                .isZero();
        List<CondorJobs.Job> jobs = CondorJobs.readJobs(dir);
        assertThat(jobs).hasSizeGreaterThan(1);
        assertThat(out.toString()).contains("wrote " + jobs.size() + " jobs over " + jobs.size() + " chunks");
        assertValidSubmitDescription(dir.resolve("crema.sub"));
        String sub = Files.readString(dir.resolve("crema.sub"));
        assertThat(sub).contains("executable              = crema-job.sh")
                .contains("transfer_input_files    = " + jar + ", " + Path.of(System.getProperty("java.home")))
                .contains("x509userproxy           = /tmp/x509up_u1000").contains("queue job, chunks from jobs.txt");
        assertThat(Files.isExecutable(dir.resolve("crema-job.sh"))).isTrue();

        // Before any job ran, every job is missing.
        assertThat(run("status", dir.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("0 finished, 0 failed, " + jobs.size() + " missing");

        // Run each job's command as the worker would; the last job "fails".
        for (CondorJobs.Job j : jobs.subList(0, jobs.size() - 1)) {
            assertThat(run(jobArgs(dir, j.job(), j.chunks()).toArray(String[]::new))).as(err.toString()).isZero();
            Files.writeString(dir.resolve("out-" + j.job()).resolve("exit-code"), "0\n");
        }
        CondorJobs.Job last = jobs.getLast();
        Files.createDirectories(dir.resolve("out-" + last.job()));
        Files.writeString(dir.resolve("out-" + last.job()).resolve("exit-code"), "1\n");
        assertThat(run("status", dir.toString())).isEqualTo(3);
        assertThat(out.toString()).contains((jobs.size() - 1) + " finished, 1 failed, 0 missing")
                .containsPattern("job " + last.job() + " +chunks " + last.chunks() + " +failed +exit code 1")
                .contains("crema submit --resubmit-failed " + dir);
        assertThat(run("status", dir.toString(), "--merge", tmp.resolve("merged").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("--merge needs every job finished; 1 are not");

        assertThat(run("submit", "--resubmit-failed", dir.toString())).as(err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("jobs-resubmit.txt"))).isEqualTo(last.job() + " " + last.chunks() + "\n");
        assertValidSubmitDescription(dir.resolve("crema-resubmit.sub"));
        assertThat(Files.readString(dir.resolve("crema-resubmit.sub"))).contains("queue job, chunks from jobs-resubmit.txt");
        assertThat(run("status", dir.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("1 missing");

        // The resubmitted job succeeds; all finished; merge equals a local run.
        assertThat(run(jobArgs(dir, last.job(), last.chunks()).toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(run("status", dir.toString())).isZero();
        assertThat(out.toString()).contains(jobs.size() + " finished, 0 failed, 0 missing");
        Path merged = tmp.resolve("merged");
        assertThat(run("status", dir.toString(), "--merge", merged.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("merged " + jobs.size() + " jobs into " + merged + ": " + jobs.size() + " of "
                + jobs.size() + " chunks from the jobs, 0 recomputed");

        Path local = tmp.resolve("local");
        assertThat(run("run", config.toString(), "--chunk-size", "10", "--output", local.toString())).as(err.toString())
                .isZero();
        assertThat(Files.readAllBytes(merged.resolve("histograms.json")))
                .isEqualTo(Files.readAllBytes(local.resolve("histograms.json")));
        assertThat(Files.readString(merged.resolve("histograms.json"))).contains("DYJetsToLL_M50_2018/dimuonMass");
    }

    @Test
    void theContainerAndTokenOptionsAndUsageErrors(@TempDir Path tmp) throws IOException {
        Path config = root().resolve("configs/examples/zmumu.yaml");
        Path jar = Files.writeString(tmp.resolve("crema-0.1.jar"), "jar");
        Path token = Files.writeString(tmp.resolve("bt_u1000"), "token");
        Path dir = tmp.resolve("c");
        assertThat(run("submit", "--condor", config.toString(), "--jobs", "1", "--dir", dir.toString(), "--jar",
                jar.toString(), "--container", "docker://eclipse-temurin:25-jre", "--bearer-token-file",
                token.toString())).as(err.toString()).isZero();
        assertValidSubmitDescription(dir.resolve("crema.sub"));
        assertThat(Files.readString(dir.resolve("crema.sub"))).contains("universe                = container")
                .contains("container_image         = docker://eclipse-temurin:25-jre")
                .contains("environment             = \"BEARER_TOKEN_FILE=bt_u1000\"")
                .contains("transfer_input_files    = " + jar + ", " + token);
        assertThat(Files.readString(dir.resolve("crema-job.sh"))).contains("\"java\" --add-modules")
                .contains("-jar 'crema-0.1.jar' run '" + config + "'");
        assertThat(Files.readString(dir.resolve("jobs.txt"))).startsWith("0 0-");

        assertThat(run("submit", "--condor", config.toString(), "--dir", dir.toString(), "--jar", jar.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("give either --jobs N or --chunks-per-job K");
        assertThat(run("submit", "--condor", config.toString(), "--jobs", "2", "--dir", dir.toString(), "--jar",
                tmp.resolve("nope.jar").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--jar: " + tmp.resolve("nope.jar") + " is not a file");
        assertThat(run("run", config.toString(), "--chunks", "0-x")).isEqualTo(1);
        assertThat(err.toString()).contains("--chunks: '0-x' in '0-x' is not a chunk index or range; expected e.g. 0-9,12");
        assertThat(run("run", config.toString(), "--chunks", "500")).isEqualTo(1);
        assertThat(err.toString()).contains("--chunks 500: the plan has 2 chunks (0-1)");
    }
}
