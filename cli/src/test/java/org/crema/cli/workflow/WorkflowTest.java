package org.crema.cli.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crema.cli.CremaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The workflow on the bundled Z→μμ samples: runs, reruns nothing when nothing changed, resumes after
 * interruptions at every step boundary and inside steps with the uninterrupted run's bytes, and reruns
 * only the steps downstream of a changed input.
 */
class WorkflowTest {
    static Path root() {
        return Path.of(System.getProperty("crema.root", "..")).toAbsolutePath().normalize();
    }

    static Path workflowFile(Path dir, Path card, String extra) throws IOException {
        Path f = dir.resolve("zmumu-workflow.yaml");
        Files.writeString(f, "workflow:\n"
                + "  analysis: " + root().resolve("configs/examples/zmumu.yaml") + "\n"
                + "  datacard: " + card + "\n"
                + "  output: out\n"
                + "  run: {workers: 1, chunkSize: 10}\n"
                + "  plots: {formats: [svg, png]}\n" + extra);
        return f;
    }

    static Path card(Path dir) throws IOException {
        Path c = dir.resolve("card.yaml");
        Files.copy(root().resolve("configs/examples/zmumu-datacard.yaml"), c);
        return c;
    }

    static List<Workflow.StepStatus> run(Workflow wf) {
        return wf.run(new PrintWriter(new StringWriter()));
    }

    static Map<String, Workflow.State> states(List<Workflow.StepStatus> s) {
        Map<String, Workflow.State> m = new TreeMap<>();
        s.forEach(x -> m.put(x.step(), x.state()));
        return m;
    }

    /** The results a user keeps: histograms, plots, datacard and shapes, by path relative to the step. */
    static Map<String, byte[]> results(Workflow wf) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (Workflow.StepStatus s : wf.plan()) {
            assertThat(s.state()).as(s.toString()).isEqualTo(Workflow.State.UP_TO_DATE);
            try (Stream<Path> walk = Files.walk(s.dir())) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String rel = s.step() + "/" + s.dir().relativize(f);
                    // result.json records wall times and the output folder; histograms.json holds the numbers.
                    if (rel.startsWith("run/checkpoints/") || rel.endsWith("result.json") || rel.endsWith("result.ser")
                            || rel.endsWith("step.json") || rel.endsWith("manifest.json") || f.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    out.put(rel, Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    /**
     * Compares byte for byte. The plotting library stamps each SVG with a clip-path id taken from the
     * clock and each PDF with its creation time; those stamps are blanked, every other byte must match.
     */
    static void assertSameBytes(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String k : expected.keySet()) {
            assertThat(StepManifest.sha256(withoutTimestamps(k, actual.get(k)))).as(k)
                    .isEqualTo(StepManifest.sha256(withoutTimestamps(k, expected.get(k))));
        }
    }

    static byte[] withoutTimestamps(String name, byte[] b) {
        String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (name.endsWith(".svg")) {
            s = s.replaceAll("_\\d{10,}clip", "_Tclip");
        } else if (name.endsWith(".pdf")) {
            s = s.replaceAll("\\(D:\\d{14}[^)]*\\)", "(D:T)");
        } else {
            return b;
        }
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void resumesAfterAnInterruptionAnywhereWithTheBytesOfAnUninterruptedRun(@TempDir Path tmp) throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Workflow clean = new Workflow(WorkflowSpec.load(workflowFile(a, card(a), ""), null, null));
        assertThat(states(run(clean))).containsOnlyKeys("datasets", "run", "plots", "datacard")
                .allSatisfy((k, v) -> assertThat(v).isEqualTo(Workflow.State.RUN));
        Map<String, byte[]> expected = results(clean);
        assertThat(expected).containsKeys("run/histograms.json", "datacard/datacard.txt", "datacard/shapes.root",
                "datasets/fileset.json");
        assertThat(expected.keySet()).anyMatch(k -> k.startsWith("plots/plots/") && k.endsWith(".svg"));
        // Nothing changed: nothing runs.
        assertThat(states(run(clean))).allSatisfy((k, v) -> assertThat(v).isEqualTo(Workflow.State.UP_TO_DATE));

        // Kill the second workflow at every point in turn, resuming after each kill.
        Path b = Files.createDirectories(tmp.resolve("b"));
        WorkflowSpec spec = WorkflowSpec.load(workflowFile(b, card(b), ""), null, null);
        Set<String> killedAt = new HashSet<>();
        List<String> kills = new ArrayList<>();
        int invocations = 0;
        while (true) {
            invocations++;
            Workflow wf = new Workflow(spec).withHook((step, point) -> {
                if (killedAt.add(step + "@" + point)) {
                    kills.add(step + "@" + point);
                    throw new Workflow.Interrupted(step + "@" + point);
                }
            });
            try {
                run(wf);
                break;
            } catch (Workflow.Interrupted e) {
                assertThat(invocations).isLessThan(20);
            }
        }
        assertThat(kills).containsExactly("datasets@BEFORE_STEP", "datasets@OUTPUTS_WRITTEN", "run@BEFORE_STEP",
                "run@OUTPUTS_WRITTEN", "plots@BEFORE_STEP", "plots@OUTPUTS_WRITTEN", "datacard@BEFORE_STEP",
                "datacard@OUTPUTS_WRITTEN");
        assertSameBytes(results(new Workflow(spec)), expected);
    }

    @Test
    void aRunKilledBetweenChunksResumesFromItsCheckpoints(@TempDir Path tmp) throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Workflow clean = new Workflow(WorkflowSpec.load(workflowFile(a, card(a), ""), null, null));
        run(clean);
        Map<String, byte[]> expected = results(clean);

        Path b = Files.createDirectories(tmp.resolve("b"));
        WorkflowSpec spec = WorkflowSpec.load(workflowFile(b, card(b), ""), null, null);
        boolean[] once = {true};
        Workflow killed = new Workflow(spec).withHook((step, point) -> {
            if (step.equals("run") && point == Workflow.Point.OUTPUTS_WRITTEN && once[0]) {
                once[0] = false;
                throw new Workflow.Interrupted("run");
            }
        });
        assertThatThrownBy(() -> run(killed)).isInstanceOf(Workflow.Interrupted.class);
        // What a kill between chunks leaves: some chunk checkpoints, no results and no manifests.
        Path runDir = new Workflow(spec).plan().get(1).dir();
        List<Path> checkpoints;
        try (Stream<Path> s = Files.list(runDir.resolve("checkpoints"))) {
            checkpoints = s.sorted().toList();
        }
        assertThat(checkpoints).hasSizeGreaterThan(1);
        for (int i = 0; i < checkpoints.size(); i += 2) {
            Files.delete(checkpoints.get(i));
        }
        for (String f : List.of("manifest.json", "histograms.json", "result.json", "result.ser", "parameters.json")) {
            Files.deleteIfExists(runDir.resolve(f));
        }
        Workflow.StepStatus status = new Workflow(spec).plan().get(1);
        assertThat(status.state()).isEqualTo(Workflow.State.RESUME);
        assertThat(status.reason()).contains("no step.json in").contains("(interrupted)");

        Map<String, Workflow.State> resumed = states(run(new Workflow(spec)));
        assertThat(resumed).containsEntry("datasets", Workflow.State.UP_TO_DATE).containsEntry("run", Workflow.State.RESUME)
                .containsEntry("plots", Workflow.State.RUN).containsEntry("datacard", Workflow.State.RUN);
        assertSameBytes(results(new Workflow(spec)), expected);
    }

    @Test
    void aChangedDatacardConfigurationRerunsOnlyTheDatacard(@TempDir Path tmp) throws IOException {
        Path card = card(tmp);
        Path file = workflowFile(tmp, card, "");
        run(new Workflow(WorkflowSpec.load(file, null, null)));
        String text = Files.readString(card).replace("value: 1.025", "value: 1.03");
        Files.writeString(card, text);

        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CremaCommand()).setOut(new PrintWriter(out));
        assertThat(cli.execute("workflow", file.toString(), "--dry-run")).isZero();
        String dry = out.toString();
        assertThat(dry).containsPattern("datasets +skip \\(up to date\\)").containsPattern("run +skip \\(up to date\\)")
                .containsPattern("plots +skip \\(up to date\\)")
                .containsPattern("datacard +would run +changed since .*datacard/[0-9a-f]{16}: datacard ");

        List<Workflow.StepStatus> done = run(new Workflow(WorkflowSpec.load(file, null, null)));
        assertThat(states(done)).containsEntry("datasets", Workflow.State.UP_TO_DATE)
                .containsEntry("run", Workflow.State.UP_TO_DATE).containsEntry("plots", Workflow.State.UP_TO_DATE)
                .containsEntry("datacard", Workflow.State.RUN);
        assertThat(Files.readString(done.get(3).dir().resolve("datacard.txt"))).contains("1.03");
    }

    @Test
    void aDamagedOutputIsNotTakenForComplete(@TempDir Path tmp) throws IOException {
        Path file = workflowFile(tmp, card(tmp), "");
        Workflow wf = new Workflow(WorkflowSpec.load(file, null, null));
        run(wf);
        Path plots = wf.plan().get(2).dir();
        Path svg;
        try (Stream<Path> s = Files.walk(plots)) {
            svg = s.filter(p -> p.toString().endsWith(".svg")).findFirst().orElseThrow();
        }
        byte[] original = Files.readAllBytes(svg);
        Files.write(svg, java.util.Arrays.copyOf(original, original.length / 2));

        StringWriter out = new StringWriter();
        assertThat(new CommandLine(new CremaCommand()).setOut(new PrintWriter(out))
                .execute("workflow", file.toString(), "--status")).isZero();
        assertThat(out.toString()).containsPattern("run +complete").containsPattern("plots +incomplete +" + svg
                .toString().replace("\\", "\\\\") + " has " + original.length / 2 + " bytes")
                .containsPattern("datacard +complete");

        assertThat(states(run(new Workflow(WorkflowSpec.load(file, null, null))))).containsEntry("plots",
                Workflow.State.RESUME).containsEntry("run", Workflow.State.UP_TO_DATE)
                .containsEntry("datacard", Workflow.State.UP_TO_DATE);
        assertThat(StepManifest.sha256(withoutTimestamps("x.svg", Files.readAllBytes(svg))))
                .isEqualTo(StepManifest.sha256(withoutTimestamps("x.svg", original)));
    }

    @Test
    void anUnknownKeyIsNamedWithTheAllowedOnes(@TempDir Path tmp) throws IOException {
        Path file = workflowFile(tmp, card(tmp), "  plot: false\n");
        StringWriter err = new StringWriter();
        assertThat(new CommandLine(new CremaCommand()).setErr(new PrintWriter(err))
                .execute("workflow", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(file + ": unknown key 'workflow.plot'; allowed: analysis, datasets, output,"
                + " run, plots, datacard");
    }

    @Test
    void anAnalysisWithItsOwnWorkflowSectionStillLoads(@TempDir Path tmp) throws IOException {
        String analysis = Files.readString(root().resolve("configs/examples/zmumu.yaml"))
                .replace("fileset: ../../data/filesets/zmumu.json", "fileset: "
                        + root().resolve("data/filesets/zmumu.json"));
        Path file = tmp.resolve("zmumu.yaml");
        Files.writeString(file, "workflow:\n  # plots only in one format\n  plots: {formats: svg}\n\n  run:\n"
                + "    workers: 1\n" + analysis);
        WorkflowSpec spec = WorkflowSpec.load(file, tmp.resolve("o"), null);
        assertThat(spec.analysis()).isEqualTo(file);
        assertThat(spec.analysisText().lines().limit(6)).allMatch(String::isEmpty);
        assertThat(spec.analysisText().lines().count()).isEqualTo(Files.readString(file).lines().count());
        List<Workflow.StepStatus> plan = new Workflow(spec).plan();
        assertThat(plan).extracting(Workflow.StepStatus::step).containsExactly("datasets", "run", "plots");
        assertThat(plan.get(0).state()).isEqualTo(Workflow.State.RUN);
        assertThat(plan.get(1).state()).isEqualTo(Workflow.State.WAITS);
    }

    @Test
    void aDatasetDefinitionFeedsTheRunWithCheckedFiles(@TempDir Path tmp) throws IOException {
        Path def = tmp.resolve("datasets.yaml");
        Files.writeString(def, "datasets:\n  DoubleMuon_2018:\n    files: [" + root().resolve("data/samples/nanoaod/nano_dimuon.root")
                + "]\n    metadata: {sample: DoubleMuon, year: \"2018\", isMC: false, era: A}\n");
        Path file = tmp.resolve("wf.yaml");
        Files.writeString(file, "workflow:\n  analysis: " + root().resolve("configs/examples/zmumu.yaml")
                + "\n  datasets: datasets.yaml\n  output: out\n  run: {workers: 1}\n  plots: false\n");
        Workflow wf = new Workflow(WorkflowSpec.load(file, null, null));
        assertThat(states(run(wf))).containsExactly(Map.entry("datasets", Workflow.State.RUN),
                Map.entry("run", Workflow.State.RUN));
        List<Workflow.StepStatus> plan = wf.plan();
        assertThat(Files.readString(plan.get(0).dir().resolve("fileset.json")))
                .contains("\"sha256\" : \"eac7c0a973e054e890766ec4c61ca784d3d49e4f82ec0c8b9dfbe55c233297a9\"")
                .contains("\"entries\" : 40");
        assertThat(Files.readString(plan.get(1).dir().resolve("histograms.json"))).contains("DoubleMuon_2018");

        // A new file in the definition changes the datasets step's key, and so the run's.
        Files.writeString(def, Files.readString(def).replace("nano_dimuon.root]", "nano_dimuon.root, "
                + root().resolve("data/samples/nanoaod/nano_dy_empty.root") + "]").replace("isMC: false", "isMC: true"));
        assertThat(new Workflow(WorkflowSpec.load(file, null, null)).plan()).extracting(Workflow.StepStatus::state)
                .containsExactly(Workflow.State.RUN, Workflow.State.WAITS);
    }

    @Test
    void aSecondWorkflowInTheSameFolderIsRefused(@TempDir Path tmp) throws IOException {
        Path file = workflowFile(tmp, card(tmp), "");
        WorkflowSpec spec = WorkflowSpec.load(file, null, null);
        Files.createDirectories(spec.output());
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(spec.output().resolve(".workflow.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = ch.lock()) {
            assertThat(held.isValid()).isTrue();
            assertThatThrownBy(() -> run(new Workflow(spec))).isInstanceOf(WorkflowException.class)
                    .hasMessage("another crema workflow is running in " + spec.output() + "; wait for it to finish");
        }
        assertThat(spec.output().resolve("datasets")).doesNotExist();
    }

    /** A workflow process killed (SIGKILL) while its run step is writing chunk checkpoints resumes exactly. */
    @Test
    void aKilledWorkflowProcessResumesExactly(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Workflow clean = new Workflow(WorkflowSpec.load(workflowFile(a, card(a), ""), null, null));
        run(clean);
        Map<String, byte[]> expected = results(clean);

        Path b = Files.createDirectories(tmp.resolve("b"));
        Path file = workflowFile(b, card(b), "");
        WorkflowSpec spec = WorkflowSpec.load(file, null, null);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            // the same kernels as this JVM, so the child's chunk results are the ones this JVM would compute
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.crema.cli.Main", "workflow",
                file.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path runs = spec.output().resolve("run");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (child.isAlive() && System.nanoTime() < deadline && !hasCheckpoint(runs)) {
            Thread.sleep(5);
        }
        boolean killedWhileRunning = child.isAlive();
        child.destroyForcibly().waitFor();
        assertThat(killedWhileRunning).as(Files.readString(tmp.resolve("child.log"))).isTrue();
        assertThat(hasCheckpoint(runs)).isTrue();

        Map<String, Workflow.State> resumed = states(run(new Workflow(spec)));
        assertThat(resumed).containsEntry("datasets", Workflow.State.UP_TO_DATE);
        assertThat(resumed.get("run")).isIn(Workflow.State.RESUME, Workflow.State.UP_TO_DATE);
        assertSameBytes(results(new Workflow(spec)), expected);
    }

    private static boolean hasCheckpoint(Path runs) {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(runs)) {
            return s.anyMatch(p -> p.toString().endsWith(".chunk"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // a folder changed while walking it: look again
        }
    }
}
