package org.crema.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crema inspect} and {@code crema stats} on missing, truncated and damaged files. */
class DamagedInputCommandTest {
    @TempDir
    Path tmp;

    private Path truncatedCopy() throws IOException {
        byte[] bytes = Files.readAllBytes(StatsCommandTest.root().resolve("data/samples/nanoaod/nano_dy.root"));
        Path cut = tmp.resolve("nano_dy_cut.root");
        // A copy that lost its last 0.1 %: every basket is still there, the file is not whole.
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - bytes.length / 1000));
        return cut;
    }

    @Test
    void truncatedFileFailsUnlessAllowed() throws IOException {
        Path cut = truncatedCopy();
        for (String command : new String[] {"inspect", "stats"}) {
            StatsCommandTest.Result refused = StatsCommandTest.run(command, cut.toString());
            assertThat(refused.status()).as(command).isEqualTo(1);
            assertThat(refused.err()).as(command).contains("crema " + command + ": file " + cut
                    + ": file is truncated: its header says it ends at byte 352599 (fEND) but it has 352247 bytes");
        }
        StatsCommandTest.Result inspect = StatsCommandTest.run("inspect", "--allow-truncated", cut.toString());
        assertThat(inspect.status()).isZero();
        assertThat(inspect.out()).contains("352247 bytes").contains("(TRUNCATED: shorter than its header says)")
                .contains("tree Events (");
        StatsCommandTest.Result stats = StatsCommandTest.run("stats", "--allow-truncated", "--branches", "Muon_pt",
                cut.toString());
        assertThat(stats.status()).isZero();
        assertThat(stats.out()).contains("Muon_pt");
    }

    @Test
    void missingFileSaysNoSuchFile() {
        Path missing = tmp.resolve("missing.root");
        StatsCommandTest.Result r = StatsCommandTest.run("inspect", missing.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("crema inspect: file " + missing + ": no such file");
    }

    @Test
    void holeInTheBranchListFailsInsteadOfListingFewerBranches() throws IOException {
        byte[] bytes = Files.readAllBytes(StatsCommandTest.root().resolve("data/samples/nanoaod/nano_tt_v12.root"));
        // nano_tt_v12 stores its tree record uncompressed, near the start of the file (byte 1622) and
        // before the baskets (whose keys carry the branch names too): the first occurrence of the name
        // is the branch's own. Zero the object pointer before it.
        byte[] name = "\u0006Jet_pt".getBytes(StandardCharsets.ISO_8859_1);
        int at = first(bytes, name);
        Arrays.fill(bytes, at - 30, at - 26, (byte) 0);
        Path damaged = tmp.resolve("nano_tt_v12_damaged.root");
        Files.write(damaged, bytes);
        StatsCommandTest.Result r = StatsCommandTest.run("inspect", damaged.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("tree Events").contains("branch list: element 296 of 654 is missing");
    }

    private static int first(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
