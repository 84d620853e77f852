package org.crema.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.cli.CremaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a newcomer sees when {@code crema run} goes wrong. */
class RunMessagesTest {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    static String fileset() {
        return Path.of(System.getProperty("crema.root", "..")).resolve("data/filesets/zmumu.json").toString();
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeAnyEventIsRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThat(run("run", "--processor", "org.crema.cli.run.FailingProcessor", "--fileset", fileset(),
                "--output", file.toString())).isEqualTo(2);
        // the processor would fail on the first chunk: the run stopped before it
        assertThat(err.toString()).isEqualTo("crema run: --output " + file + " is a file, not a folder; choose another"
                + " folder" + System.lineSeparator());
        assertThat(run("run", "--processor", "org.crema.cli.run.FailingProcessor", "--fileset", fileset(),
                "--output", file.resolve("sub").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("crema run: --output " + file.resolve("sub") + " is not writable (")
                .endsWith("; choose another folder" + System.lineSeparator());
    }

    @Test
    void aProcessorsExceptionShowsItsTypeAndTopFramesAndStacktraceShowsAll() {
        assertThat(run("run", "--processor", "org.crema.cli.run.FailingProcessor", "--fileset", fileset(),
                "--workers", "1")).isEqualTo(1);
        String e = err.toString();
        assertThat(e).startsWith("crema run: chunk failed: dataset DYJetsToLL_M50_2018, file ")
                .contains("\n  java.lang.IllegalStateException: the cut table has no entry for 40 events\n"
                        + "    at org.crema.cli.run.FailingProcessor.check(FailingProcessor.java:17)\n"
                        + "    at org.crema.cli.run.FailingProcessor.process(FailingProcessor.java:13)\n")
                .containsPattern("\n    \\.\\.\\. \\d+ more \\(--stacktrace shows all\\)\n$");
        assertThat(e.lines().filter(l -> l.startsWith("    at ")).count()).isEqualTo(RunCommand.TOP_FRAMES);

        assertThat(run("run", "--processor", "org.crema.cli.run.FailingProcessor", "--fileset", fileset(),
                "--workers", "1", "--stacktrace")).isEqualTo(1);
        assertThat(err.toString()).contains("Caused by: java.lang.IllegalStateException: the cut table has no entry")
                .doesNotContain("--stacktrace shows all");
        assertThat(err.toString().lines().filter(l -> l.contains("\tat ")).count())
                .isGreaterThan(RunCommand.TOP_FRAMES);
    }

    @Test
    void aMistypedProcessorClassGetsASuggestion() {
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcesor", "--fileset", fileset())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("crema run: processor class org.crema.examples.ZMuMuProcesor not found on"
                + " the class path; did you mean org.crema.examples.ZMuMuProcessor? (add its jar or classes folder to"
                + " CREMA_CLASSPATH; 'crema processors' lists those found)" + System.lineSeparator());
        assertThat(run("run", "--processor", "com.example.Unrelated", "--fileset", fileset())).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("did you mean");
    }

    @Test
    void usageErrorsExitTwoAndNameTheOption() {
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", fileset(),
                "--chunk-size", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--chunk-size': 'lots' is not a long")
                .doesNotContain("chunkSize");
        assertThat(run("run", "--chunk-sise", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--chunk-sise'").contains("--chunk-size");
    }

    @Test
    void processorsListsTheExamples() {
        assertThat(run("processors")).isZero();
        assertThat(out.toString().lines().toList()).contains("org.crema.examples.EventCountProcessor",
                "org.crema.examples.TtbarAgcProcessor", "org.crema.examples.ZMuMuProcessor");
    }

    @Test
    void skipBadFilesIsAdvisedOnlyWhereSkippingHelps(@TempDir Path dir) throws Exception {
        Path nano = Path.of(System.getProperty("crema.root", "..")).resolve("data/samples/nanoaod/nano_dy.root")
                .toAbsolutePath().normalize();
        String meta = "\"metadata\": {\"year\": \"2018\", \"isMC\": true, \"xsec\": 1.0}";
        Path missing = Files.writeString(dir.resolve("missing.json"), "{\"DY\": {\"files\": [\""
                + dir.resolve("nano_dy.root") + "\"], " + meta + "}}");
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", missing.toString(),
                "--workers", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("(no such file: check the path; relative paths in a fileset are resolved"
                + " against the fileset's folder)").doesNotContain("skip-bad-files");

        Path folder = Files.writeString(dir.resolve("folder.json"), "{\"DY\": {\"files\": [\"" + dir + "\"], "
                + meta + "}}");
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", folder.toString(),
                "--workers", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("(a folder, not a ROOT file: list the files in it)")
                .doesNotContain("skip-bad-files");

        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"DY\": {\"treename\": \"Evnts\", \"files\": [\""
                + nano + "\"], " + meta + "}}");
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", typo.toString(),
                "--workers", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("no tree named 'Evnts'; did you mean Events?").contains("(check the tree"
                + " name)").doesNotContain("skip-bad-files");

        Path damaged = dir.resolve("damaged.root");
        Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(nano), 100));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"DY\": {\"files\": [\"" + damaged + "\"], "
                + meta + "}}");
        assertThat(run("run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", bad.toString(),
                "--workers", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("(use skipBadFiles / --skip-bad-files to skip it)");
    }
}
