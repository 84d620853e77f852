package org.crema.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.crema.cli.CremaCommand;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.RunOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code crema run --executor spark --master local[2]}: the command line finds the Spark executor by name. */
class CommandLineOnSparkTest {

    static int crema(StringWriter out, StringWriter err, String... args) {
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void runsOnSparkAndWritesTheSameResultAsTheLocalExecutor(@TempDir Path dir) {
        TestData.nanoaod("nano_dy.root");
        String fileset = TestData.root().resolve("data/filesets/zmumu.json").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = crema(out, err, "run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", fileset,
                "--chunk-size", "20", "--output", dir.resolve("spark").toString(), "--executor", "spark", "--master",
                "local[2]", "--spark-conf", "spark.ui.enabled=false", "--spark-conf", "spark.driver.host=127.0.0.1",
                "--spark-conf", "spark.driver.bindAddress=127.0.0.1");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("processed 80 events in 4 chunks")
                .contains("histograms/DoubleMuon_2018/dimuonMass");
        int local = crema(out, err, "run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset", fileset,
                "--chunk-size", "20", "--output", dir.resolve("local").toString(), "--workers", "2");
        assertThat(local).as(err.toString()).isZero();
        RunOutput<AccumulatorMap> onSpark = RunOutput.read(dir.resolve("spark"), AccumulatorMap.class);
        RunOutput<AccumulatorMap> onThreads = RunOutput.read(dir.resolve("local"), AccumulatorMap.class);
        assertThat(onSpark.executor()).isEqualTo("spark(local[2])");
        TestData.assertSameResult(onSpark, onThreads);
    }

    @Test
    void saysWhenSparkRefusesTheMaster() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = crema(out, err, "run", "--processor", "org.crema.examples.ZMuMuProcessor", "--fileset",
                TestData.root().resolve("data/filesets/zmumu.json").toString(), "--executor", "spark", "--master",
                "nonsense://x");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("crema run: --executor spark: Spark did not start: ")
                .contains("nonsense://x");
    }
}
