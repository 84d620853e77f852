package org.crema.correctionlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.crema.correctionlib.internal.Xxh64;
import org.junit.jupiter.api.Test;

/** The worked numbers of the corrections specification, section 4 (and 1.5). */
class SpecExamplesTest {

    @Test
    void hashPrngExtraPoints() {
        CorrectionSet set = TestData.set(prng("normal", 1), prng("stdflat", 1), prng5());
        Correction normal = set.correction("normal");
        assertThat(normal.evaluate(50.0, 0.5, 20.0, 11)).isEqualTo(0.5781768584240922);
        assertThat(normal.evaluate(50.0, 0.5, 20.0, 999)).isEqualTo(-0.12796511363362903);
        assertThat(set.correction("stdflat").evaluate(50.0, 0.5, 20.0, 11)).isEqualTo(0.18834621593521442);
        // five inputs: the 40-byte (four-lane) XXH64 path
        assertThat(set.correction("five").evaluate(1.0, 2.0, 3.0, 4, 5)).isEqualTo(0.31075827733342104);
        assertThat(Xxh64.hashWords(new long[0], 0, 0L)).isEqualTo(0xEF46DB3751D8E999L);
    }

    private static String prng(String dist, int unused) {
        return "{\"name\": \"" + dist + "\", \"version\": 1, \"inputs\": [{\"name\": \"a\", \"type\": \"real\"},"
                + " {\"name\": \"b\", \"type\": \"real\"}, {\"name\": \"c\", \"type\": \"real\"}, {\"name\": \"e\", \"type\": \"int\"}],"
                + " \"output\": {\"name\": \"r\", \"type\": \"real\"}, \"data\": {\"nodetype\": \"hashprng\","
                + " \"inputs\": [\"a\", \"b\", \"c\", \"e\"], \"distribution\": \"" + dist + "\"}}";
    }

    private static String prng5() {
        return "{\"name\": \"five\", \"version\": 1, \"inputs\": [{\"name\": \"a\", \"type\": \"real\"},"
                + " {\"name\": \"b\", \"type\": \"real\"}, {\"name\": \"c\", \"type\": \"real\"}, {\"name\": \"d\", \"type\": \"int\"},"
                + " {\"name\": \"e\", \"type\": \"int\"}], \"output\": {\"name\": \"r\", \"type\": \"real\"},"
                + " \"data\": {\"nodetype\": \"hashprng\", \"inputs\": [\"a\", \"b\", \"c\", \"d\", \"e\"], \"distribution\": \"normal\"}}";
    }

    @Test
    void bundledDummyJecCompound() {
        // #22: every stage is 1 + 0.01*JetA, so JetA 0.5 gives 1.005^4 whatever the other inputs
        CorrectionSet set = CorrectionSet.load(TestData.bundled("jet_jerc.json.gz"));
        CompoundCorrection jec = set.compound("Summer24Prompt24_V2_MC_L1L2L3Res_AK4PFPuppi");
        assertThat(jec.evaluate(0.5, 1.3, 57.0, 20.0)).isEqualTo(1.0201505006249996);
        double[] v = jec.bind().column("JetA", new double[] {0.5, 0.5}).column("JetEta", new double[] {0.0, -2.0})
                .column("JetPt", new float[] {30f, 300f}).column("Rho", new double[] {1, 50}).evaluate();
        assertThat(v).containsExactly(1.0201505006249996, 1.0201505006249996);
    }

    @Test
    void bundledRun3L2RelativeMatchesTheTextParametrisation() {
        // #18 was derived from the JetCorrectorParameters text file (double parameters); the JSON
        // conversion stores the parameters rounded to float (e.g. 1.3934643 for 1.393464325), hence
        // agreement to 1e-6 relative, not bit for bit.
        Correction l2 = CorrectionSet.load(TestData.bundled("jet_jerc_Summer22_V3.json.gz"))
                .correction("Summer22_22Sep2023_V3_MC_L2Relative_AK4PFPuppi");
        double[] pt = {5, 11, 30, 100};
        double[] expected = {1.393464325, 1.393464325, 1.4535178425869102, 1.3396112913938927};
        double[] got = l2.bind().column("JetEta", new double[] {-5.0, -5.0, -5.0, -5.0}).column("JetPt", pt).evaluate();
        for (int i = 0; i < pt.length; i++) {
            assertThat(got[i]).as("pt %s", pt[i]).isCloseTo(expected[i], within(1e-6 * expected[i]));
            assertThat(got[i]).isEqualTo(l2.evaluate(-5.0, pt[i]));
        }
        // core-columnar columns bind like arrays
        double[] viaColumns = l2.bind().column("JetEta", org.crema.columnar.FloatColumn.of(new float[] {-5f, -5f, -5f, -5f}))
                .column("JetPt", org.crema.columnar.IntColumn.of(new int[] {5, 11, 30, 100})).evaluate();
        assertThat(viaColumns).containsExactly(got);
    }

    @Test
    void compoundL1L2() {
        // #23 is the l1l2 compound of ReferenceCasesTest; here the JME-style product compound on file A.
        CorrectionSet set = CorrectionSet.load(TestData.jsonpog("2018_UL/jet_jerc.json.gz"));
        // #3, #4
        assertThat(set.correction("Summer19UL18_V5_MC_L1FastJet_AK4PFchs").evaluate(0.5, 0.0, 100.0, 15.0))
                .isCloseTo(0.9761536539065195, within(1e-14));
        assertThat(set.correction("Summer19UL18_V5_MC_L2Relative_AK4PFchs").evaluate(0.0, 97.61536539065195))
                .isCloseTo(1.066923760178105, within(1e-14));
        // #5, #6 (inputs by name: the file orders them JetA, JetEta, JetPt, Rho)
        CompoundCorrection mc = set.compound("Summer19UL18_V5_MC_L1L2L3Res_AK4PFchs");
        double[] v = mc.bind().column("JetPt", new double[] {100.0}).column("Rho", new double[] {15.0})
                .column("JetEta", new double[] {0.0}).column("JetA", new double[] {0.5}).evaluate();
        assertThat(v[0]).isCloseTo(1.0414815269375404, within(1e-14));
        assertThat(set.compound("Summer19UL18_RunA_V5_DATA_L1L2L3Res_AK4PFchs").evaluate(0.5, 0.0, 100.0, 15.0))
                .isCloseTo(1.0538094730856051, within(1e-14));
        // #7: input order differs between file revisions; binding by name does not care
        Correction total = set.correction("Summer19UL18_V5_MC_Total_AK4PFchs");
        double delta = total.bind().column("JetEta", new double[] {0.0}).column("JetPt", new double[] {100.0}).evaluate()[0];
        assertThat(delta).isCloseTo(0.01059333333333334, within(1e-15));
        // #8, #9
        assertThat(set.correction("Summer19UL18_JRV2_MC_PtResolution_AK4PFchs").bind().column("JetEta", new double[] {0.0})
                .column("JetPt", new double[] {100.0}).column("Rho", new double[] {15.0}).evaluate()[0])
                .isCloseTo(0.10199435333864851, within(1e-14));
        Correction jersf = set.correction("Summer19UL18_JRV2_MC_ScaleFactor_AK4PFchs");
        assertThat(jersf.bind().column("JetEta", new double[] {0.0}).constant("systematic", "nom").evaluate()[0]).isEqualTo(1.1436);
        assertThat(jersf.bind().column("JetEta", new double[] {0.0}).constant("systematic", "up").evaluate()[0]).isEqualTo(1.1541);
        assertThat(jersf.bind().column("JetEta", new double[] {0.0}).constant("systematic", "down").evaluate()[0]).isEqualTo(1.1332);
    }

    @Test
    void btagShape() {
        Correction shape = CorrectionSet.load(TestData.jsonpog("2018_UL/btagging.json.gz")).correction("deepJet_shape");
        // #13: the shared file is a later revision (its shape SFs are formulas and differ from the spec's
        // numbers), so only the revision-independent behaviour is checked: c jets have central 1.0,
        // cferr exists only for c jets, abseta beyond 2.5 is an error.
        assertThat(eval(shape, "central", 4, 1.0, 35, 0.3)).isEqualTo(1.0);
        assertThat(eval(shape, "up_cferr1", 4, 1.0, 35, 0.3)).isNotEqualTo(1.0).isBetween(0.5, 1.5);
        assertThat(eval(shape, "central", 5, 0.5, 50, 0.9)).isBetween(0.5, 1.5);
        assertThatThrownBy(() -> eval(shape, "up_cferr1", 5, 0.5, 50, 0.9)).isInstanceOf(CorrectionDomainException.class)
                .hasMessageContaining("deepJet_shape").hasMessageContaining("flavor");
        assertThatThrownBy(() -> eval(shape, "central", 5, 2.6, 50, 0.9)).isInstanceOf(CorrectionDomainException.class)
                .hasMessageContaining("abseta").hasMessageContaining("2.6");
    }

    private static double eval(Correction c, String syst, int flavor, double abseta, double pt, double disc) {
        return c.bind().constant("systematic", syst).column("flavor", new int[] {flavor}).column("abseta", new double[] {abseta})
                .column("pt", new double[] {pt}).column("discriminant", new double[] {disc}).evaluate()[0];
    }

    @Test
    void btagWorkingPoint() {
        Correction wp = CorrectionSet.load(TestData.jsonpog("2018_UL/btagging.json.gz")).correction("deepJet_comb");
        // #14 (newer files split deepJet_wp into deepJet_comb / deepJet_incl)
        assertThat(wp.evaluate("central", "M", 5, 0.5, 50.0)).isCloseTo(0.9551077095638657, within(1e-15));
        assertThat(wp.evaluate("up", "M", 5, 0.5, 50.0)).isCloseTo(0.9628510621223295, within(1e-15));
    }

    @Test
    void muonElectronPileup() {
        Correction mu = CorrectionSet.load(TestData.jsonpog("2018_UL/muon_Z.json.gz")).correction("NUM_TightID_DEN_TrackerMuons");
        // #15
        double[] sf = new double[3];
        String[] vals = {"sf", "systup", "systdown"};
        for (int k = 0; k < 3; k++) {
            sf[k] = mu.bind().constant("year", "2018_UL").column("abseta", new double[] {0.5}).column("pt", new double[] {40})
                    .constant("ValType", vals[k]).evaluate()[0];
        }
        // The shared 2018_UL muon_Z.json is a later revision than the specification's: its leaves are
        // one ulp below the spec's numbers. Expected values are the file's leaves, read by Python's json.
        assertThat(sf).containsExactly(0.9919452184414851, 0.9922409017136407, 0.9916495351693295);
        assertThatThrownBy(() -> mu.bind().constant("year", "2018_UL").column("abseta", new double[] {0.5})
                .column("pt", new double[] {10}).constant("ValType", "sf").evaluate())
                .isInstanceOf(CorrectionDomainException.class).hasMessageContaining("'pt' = 10.0 is below");

        Correction el = CorrectionSet.load(TestData.jsonpog("2018_UL/electron.json.gz")).correction("UL-Electron-ID-SF");
        // #16
        assertThat(el.evaluate("2018", "sf", "Tight", 1.1, 45.0)).isEqualTo(0.9572413563728333);
        assertThat(el.evaluate("2018", "sfup", "Tight", 1.1, 45.0)).isEqualTo(0.9619834530396884);
        assertThat(el.evaluate("2018", "sfdown", "Tight", 1.1, 45.0)).isEqualTo(0.9524992597059782);

        Correction pu = CorrectionSet.load(TestData.jsonpog("2018_UL/puWeights.json.gz")).correction("Collisions18_UltraLegacy_goldenJSON");
        // #17
        double[] n = {20.0, 20.5, 35.3, 0.5, 150.0};
        assertThat(pu.bind().column("NumTrueInteractions", n).constant("weights", "nominal").evaluate())
                .containsExactly(0.9464173719723038, 0.9464173719723038, 1.0088379403225771, 4.759577811115876, 1.0);
        assertThat(pu.evaluate(20.0, "up")).isEqualTo(0.7958841954126411);
        assertThat(pu.evaluate(20.0, "down")).isEqualTo(1.1105755357489062);
    }
}
