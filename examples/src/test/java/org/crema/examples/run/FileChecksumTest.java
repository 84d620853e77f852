package org.crema.examples.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.examples.TestData;
import org.crema.examples.ZMuMuProcessor;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.run.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fileset may record each file's SHA-256; a copy whose bytes differ (here: one byte of a raw,
 * checksum-less basket region flipped, which the reader alone cannot notice) is refused before it is
 * analysed, naming both hashes, and can be skipped like any unreadable input.
 */
class FileChecksumTest {
    @TempDir
    Path dir;

    private Path copyOfNanoDy() throws Exception {
        Path copy = dir.resolve("nano_dy.root");
        Files.copy(TestData.root().resolve("data/samples/nanoaod/nano_dy.root"), copy);
        return copy;
    }

    private static String json(Path file, String sha256) {
        return """
                {"DY": {"files": [{"path": "%s", "sha256": "%s"}],
                        "metadata": {"year": "2018", "isMC": true, "xsec": 6077.22}}}""".formatted(file, sha256);
    }

    /** Computed here, independently of the runner's own hashing. */
    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static RunOutput<AccumulatorMap> run(Fileset fs, RunConfig cfg) {
        return new Runner(cfg.withProgress(false).withWorkers(1)).run(new ZMuMuProcessor(), fs);
    }

    @Test
    void aFileWithItsRecordedHashIsAnalysedAsWithoutOne() throws Exception {
        Path file = copyOfNanoDy();
        String sha = sha256(file);
        RunOutput<AccumulatorMap> checked = run(Fileset.parse(json(file, "sha256:" + sha), dir), RunConfig.defaults());
        RunOutput<AccumulatorMap> plain = run(Fileset.parse("""
                {"DY": {"files": ["%s"], "metadata": {"year": "2018", "isMC": true, "xsec": 6077.22}}}"""
                .formatted(file), dir), RunConfig.defaults());
        assertThat(checked.result().toString()).isEqualTo(plain.result().toString());
    }

    @Test
    void aDamagedCopyIsRefusedNamingBothHashesAndCanBeSkipped() throws Exception {
        Path file = copyOfNanoDy();
        String good = sha256(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        String bad = sha256(file);
        Fileset fs = Fileset.parse(json(file, good), dir);
        assertThatThrownBy(() -> run(fs, RunConfig.defaults()))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageContaining("file " + file + ": its sha256 is " + bad + " but the fileset records " + good
                        + " (a damaged or different copy)");
        RunOutput<AccumulatorMap> skipped = run(fs, RunConfig.defaults().withSkipBadFiles(true));
        assertThat(skipped.failures()).hasSize(1);
        assertThat(skipped.failures().getFirst().message()).contains("its sha256 is " + bad);
    }

    @Test
    void aMalformedHashIsAFilesetError() throws Exception {
        Path file = copyOfNanoDy();
        assertThatThrownBy(() -> Fileset.parse(json(file, "abc"), dir))
                .isInstanceOf(FilesetException.class)
                .hasMessage("fileset: dataset 'DY': sha256 of " + file + " must be 64 hexadecimal digits, got abc");
    }
}
