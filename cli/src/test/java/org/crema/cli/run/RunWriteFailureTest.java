package org.crema.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.cli.CremaCommand;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.Counter;
import org.crema.processor.run.RunOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run whose final write fails for real: after the events are processed (so after the output
 * folder passed its check), a non-empty folder appears where a result file must go. Permissions
 * would not stop a test running as root; a folder in the way stops everyone.
 */
class RunWriteFailureTest {
    /** Where {@link ObstacleProcessor} puts its obstacle; set by the test before the run. */
    static volatile Path obstacle;

    /** Counts events, and when the run is about to write its results, blocks one of them. */
    public static final class ObstacleProcessor implements Processor<Counter> {
        private static final long serialVersionUID = 1L;

        @Override
        public Counter process(Events events) {
            return Counter.of(events.size());
        }

        @Override
        public Counter postprocess(Counter merged) {
            try {
                Files.createDirectories(obstacle);
                Files.writeString(obstacle.resolve("keep"), "in the way");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return merged;
        }
    }

    @Test
    void aFailedFinalWriteIsOneLineNamingThePathAndTheCause(@TempDir Path dir) {
        Path out = dir.resolve("out");
        obstacle = out.resolve(RunOutput.SERIALIZED);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = new CommandLine(new CremaCommand()).setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute("run", "--processor", ObstacleProcessor.class.getName(), "--fileset",
                        Path.of(System.getProperty("crema.root", "..")).resolve("data/filesets/zmumu.json").toString(),
                        "--output", out.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).isEqualTo("crema run: cannot write run output to " + out + ": " + obstacle
                + ": a folder that is not empty is in the way" + System.lineSeparator());
        assertThat(stdout.toString()).doesNotContain("output written to");
        // nothing there passes for a complete output
        assertThat(out.resolve(RunOutput.MANIFEST)).doesNotExist();
        assertThatThrownBy(() -> RunOutput.verify(out)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(RunOutput.MANIFEST + " is missing");
    }
}
