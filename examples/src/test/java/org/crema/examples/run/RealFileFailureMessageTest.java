package org.crema.examples.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.examples.TestData;
import org.crema.examples.ZMuMuProcessor;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real analysis over a damaged real file names the chunk and the file once. */
class RealFileFailureMessageTest {

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aDamagedRealFileNamesItsPathOnce(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.nanoaod("nano_dy.root"));
        // Zero the middle of the file: the baskets, not the header or the tree metadata written last.
        java.util.Arrays.fill(bytes, bytes.length / 10, bytes.length * 6 / 10, (byte) 0);
        Path broken = dir.resolve("nano_dy_damaged.root");
        Files.write(broken, bytes);
        Fileset fs = Fileset.parse("""
                {"DY": {"files": ["%s"], "metadata": {"isMC": true, "xsec": 6077.22, "year": "2018"}}}"""
                .formatted(broken), null);
        assertThatThrownBy(() -> new Runner(RunConfig.defaults().withProgress(false).withWorkers(1))
                .run(new ZMuMuProcessor(), fs))
                .isInstanceOf(ChunkFailedException.class)
                .satisfies(e -> assertThat(occurrences(e.getMessage(), broken.toString())).as(e.getMessage()).isEqualTo(1))
                .hasMessageStartingWith("chunk failed: dataset DY, file " + broken + ", entries [0, 40): ")
                .hasMessageEndingWith(" (use skipBadFiles / --skip-bad-files to skip it)");
    }
}
