package org.crema.cli.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Runs {@code crema corrections} in-process with captured streams. */
class CorrectionsCommandTest {
    record Result(int status, String out, String err) {
    }

    static Path bundled(String name) {
        String root = System.getProperty("crema.root");
        Path r = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return r.resolve("data/corrections/correctionlib").resolve(name);
    }

    static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CorrectionsCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void listsCorrectionsWithInputsOutputAndVersion() {
        Result r = run("", bundled("mycorrections.json").toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("3 corrections, 0 compound corrections")
                .contains("correction gen2_to_gen1 (version 0)")
                .contains("correction ptweight (version 1)")
                .contains("correction phimod (version 1)")
                .containsPattern("pt\\s+real\\s+Muon transverse momentum")
                .containsPattern("syst\\s+string\\s+Systematic")
                .containsPattern("q\\s+int\\s+Particle charge")
                .contains("output: weight (real) Multiplicative event weight");
        // the edges and keys of mycorrections.json (Correction.domains is checked against the raw JSON
        // of every bundled and POG file in the correctionlib module)
        assertThat(r.out()).contains("  domain:").containsPattern("pt\\s+range \\[0, 120\\]")
                .containsPattern("syst\\s+values MuonEffUp").containsPattern("q\\s+values \\[-1, 1\\]");
    }

    @Test
    void listsCompoundCorrections() {
        Result r = run("", bundled("jet_jerc.json.gz").toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("compound correction Summer24Prompt24_V2_MC_L1L2L3Res_AK4PFPuppi")
                .contains("stack: Summer24Prompt24_V2_MC_L1FastJet_AK4PFPuppi, Summer24Prompt24_V2_MC_L2Relative_AK4PFPuppi")
                .contains("inputs_update: [JetPt], input_op: *, output_op: *");
    }

    @Test
    void evaluatesCsvRowsWithHeaderInAnyOrder() {
        // ptweight: MuonEffUp -> edges [0,10,20,30,40,50,80,120], contents [1.14,1.14,1.09,1.07,1.05,1.03,1.01], flow 1.03;
        // any other syst -> edges [10..120], contents [1.1,1.08,1.06,1.04,1.02,1.0], clamp
        String csv = "syst,pt\nnominal,25\nMuonEffUp,5\nMuonEffUp,500\nnominal,abc\n\"nominal\",60\n";
        Result r = run(csv, bundled("mycorrections.json").toString(), "--eval", "ptweight");
        assertThat(r.out().lines().toList()).containsExactly("1.08", "1.14", "1.03",
                "error: row 4: input 'pt' is real, got \"abc\" (expected a decimal number such as 25, -1.5 or 3e2, or inf,"
                        + " -inf, nan)", "1.02");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void rowErrorsNameTheDomainProblem() {
        String csv = "phi,q\n0.0,1\n0.0,2\n";
        Result r = run(csv, bundled("mycorrections.json").toString(), "--eval", "phimod");
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out().lines().toList().get(0)).isEqualTo(Double.toString((1 + 0.1 * Math.sin(0.3)) / (1 + 0.07 * Math.sin(0.4))));
        assertThat(r.out().lines().toList().get(1))
                .isEqualTo("error: row 2: correction 'phimod': input 'q' = 2 is not a key of the category (allowed: keys [-1, 1])");
    }

    @Test
    void evaluatesCompound() {
        Result r = run("Rho,JetPt,JetEta,JetA\n15,100,0,0.5\n", bundled("jet_jerc.json.gz").toString(), "--eval",
                "Summer24Prompt24_V2_MC_L1L2L3Res_AK4PFPuppi");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("1.0201505006249996");
    }

    @Test
    void reportsBadHeaderAndUnknownNames() {
        Result missing = run("pt\n1\n", bundled("mycorrections.json").toString(), "--eval", "ptweight");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("lacks input 'syst'");
        Result unknown = run("", bundled("mycorrections.json").toString(), "--eval", "nope");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("no correction or compound correction named 'nope'");
        Result badFile = run("", bundled("does-not-exist.json").toString());
        assertThat(badFile.status()).isEqualTo(1);
        assertThat(badFile.err()).contains("cannot read");
    }

    @Test
    void numbersAreParsedStrictlyAsCorrectionlibUsersWriteThem() {
        // Java literal suffixes, hexadecimal floats and overflowing decimals are refused; -nan and a
        // leading byte-order mark are accepted.
        String csv = "\uFEFFsyst,pt\nMuonEffUp,1f\nMuonEffUp,0x1p4\nMuonEffUp,1e400\nMuonEffUp,-nan\nMuonEffUp,+15.\n"
                + "MuonEffUp,.5e1\n";
        Result r = run(csv, bundled("mycorrections.json").toString(), "--eval", "ptweight");
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList()).containsExactly(
                "error: row 1: input 'pt' is real, got \"1f\" (expected a decimal number such as 25, -1.5 or 3e2, or inf,"
                        + " -inf, nan)",
                "error: row 2: input 'pt' is real, got \"0x1p4\" (expected a decimal number such as 25, -1.5 or 3e2, or"
                        + " inf, -inf, nan)",
                "error: row 3: input 'pt' is real, got \"1e400\", which is beyond the range of a double (write inf for"
                        + " infinity)",
                // NaN takes the binning's flow value (1.03), like any value outside the edges
                "1.03",
                "1.14",
                "1.14");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void aColumnGivenTwiceIsRefused() {
        Result r = run("syst,pt,pt\nMuonEffUp,5,6\n", bundled("mycorrections.json").toString(), "--eval", "ptweight");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("CSV column 'pt' appears twice in the header (columns 2 and 3); each input must be"
                + " given once");
    }
}
