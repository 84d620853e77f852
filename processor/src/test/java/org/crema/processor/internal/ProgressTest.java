package org.crema.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void withoutATerminalPrintsPlainLinesPeriodicallyEvenWhileNoChunkFinishes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = new Progress(out, false, 50, 4, 4_000_000);
        p.chunkDone(1_000_000);
        // one large chunk finished, the next takes long: the timer still reports
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (bytes.toString(StandardCharsets.UTF_8).lines().count() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.finish();
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("\r");
        assertThat(log.lines().count()).isGreaterThanOrEqualTo(3);
        assertThat(log.lines().toList()).allMatch(l -> l.matches("crema: chunks 1/4 \\(25%\\), 1M/4M events, [0-9.]+[kMG]?"
                + " events/s, ETA (\\d+s|\\d+m\\d\\ds|\\d+h\\d\\dm)"), log);
        int after = log.length();
        Thread.sleep(200);
        assertThat(bytes.size()).as("no line after finish").isEqualTo(after);
    }

    @Test
    void onATerminalRedrawsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, 200);
        p.chunkDone(100);
        p.chunkDone(100);
        p.finish();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertThat(s).startsWith("\r  chunks ").contains("chunks 2/2 (100%), 200/200 events").endsWith("ETA 0s   \n");
    }

    @Test
    void numbersAndDurationsReadLikeAHuman() {
        assertThat(Progress.human(950)).isEqualTo("950");
        assertThat(Progress.human(12_345)).isEqualTo("12.3k");
        assertThat(Progress.human(4_560_000)).isEqualTo("4.56M");
        assertThat(Progress.human(1_000_000)).isEqualTo("1M");
        assertThat(Progress.human(999_700)).isEqualTo("1M");
        assertThat(Progress.duration(42.4)).isEqualTo("42s");
        assertThat(Progress.duration(185)).isEqualTo("3m05s");
        assertThat(Progress.duration(7620)).isEqualTo("2h07m");
    }
}
