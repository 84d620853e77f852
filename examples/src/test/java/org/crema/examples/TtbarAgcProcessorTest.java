package org.crema.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.corrections.jme.EventIds;
import org.crema.corrections.jme.GenJets;
import org.crema.corrections.jme.JetEnergyCorrection;
import org.crema.corrections.jme.JetFunction;
import org.crema.corrections.jme.JetSmearing;
import org.crema.corrections.jme.Variation;
import org.crema.corrections.text.JetCorrectorParameters;
import org.crema.corrections.text.TextCorrection;
import org.crema.corrections.text.TextJerScaleFactor;
import org.crema.hist.Hist;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.accumulate.Normalisation;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AGC tt̄ example with jet corrections over the bundled Run 3 sample (200 events). */
class TtbarAgcProcessorTest {
    static final String DS = "TTbar_2022";
    static final float WP = TtbarAgcProcessor.DEEPJET_MEDIUM_2022;
    static Fileset fileset;
    static Path corrections;
    static RunOutput<AccumulatorMap> reference;

    @BeforeAll
    static void load() {
        TestData.nanoaod("nano_tt_v12.root");
        fileset = Fileset.read(TestData.root().resolve("data/filesets/ttbar.json"));
        corrections = TestData.root().resolve("data/corrections");
        reference = run(RunConfig.defaults().withWorkers(1));
    }

    static TtbarAgcProcessor processor() {
        return new TtbarAgcProcessor(corrections, TtbarAgcProcessor.DEFAULT_JES_SOURCES);
    }

    static RunOutput<AccumulatorMap> run(RunConfig cfg) {
        return new Runner(cfg.withProgress(false)).run(processor(), fileset);
    }

    static Hist observable(RunOutput<AccumulatorMap> out) {
        return out.result().get("histograms", AccumulatorMap.class).get(DS, HistAccumulator.class).get("observable");
    }

    static double[] slice(Hist h, String category, String variation) {
        return h.at("category", category).at("variation", variation).values(true);
    }

    static List<String> variations() {
        List<String> v = new ArrayList<>(List.of("nominal", "JERUp", "JERDown"));
        for (String s : TtbarAgcProcessor.DEFAULT_JES_SOURCES) {
            v.add("JES_" + s + "Up");
            v.add("JES_" + s + "Down");
        }
        for (int k = 0; k < 4; k++) {
            v.add("btag_var_" + k + "Up");
            v.add("btag_var_" + k + "Down");
        }
        return v;
    }

    @Test
    void sameResultForAnyWorkerCountAndChunkSize() {
        RunOutput<AccumulatorMap> two50 = run(RunConfig.defaults().withWorkers(2).withChunkSize(50));
        RunOutput<AccumulatorMap> one50 = run(RunConfig.defaults().withWorkers(1).withChunkSize(50));
        RunOutput<AccumulatorMap> two200 = run(RunConfig.defaults().withWorkers(2).withChunkSize(200));
        assertThat(two50.metrics().chunks()).isEqualTo(4);
        // same chunking, different worker counts: bit-identical (chunk-order merge)
        assertThat(two50.result()).isEqualTo(one50.result());
        // One chunk of 200 and the default chunking are the same plan.
        assertThat(two200.result()).isEqualTo(reference.result());
        // Chunk sizes 50 and 200: JER random numbers are keyed on the event, not the chunk, so every
        // variation's histogram agrees up to the rounding of Σw additions in a different order.
        Hist a = observable(reference);
        Hist b = observable(two50);
        assertThat(b.axes()).isEqualTo(a.axes());
        for (String cat : List.of("4j1b", "4j2b")) {
            for (String v : variations()) {
                double[] va = slice(a, cat, v);
                double[] vb = slice(b, cat, v);
                for (int i = 0; i < va.length; i++) {
                    assertThat(Math.abs(va[i] - vb[i])).as("%s %s bin %d", cat, v, i)
                            .isLessThanOrEqualTo(1e-12 * Math.abs(va[i]));
                }
            }
        }
        Cutflow ca = reference.result().get("cutflow", Cutflow.class);
        Cutflow cb = two50.result().get("cutflow", Cutflow.class);
        assertThat(cb.flows().keySet()).isEqualTo(ca.flows().keySet());
        ca.flows().forEach((k, steps) -> {
            List<Cutflow.Step> s = cb.flows().get(k);
            for (int i = 0; i < steps.size(); i++) {
                assertThat(s.get(i).events()).as("%s step %d", k, i).isEqualTo(steps.get(i).events());
            }
        });
    }

    @Test
    void shapeVariationsDifferFromNominalAndAreReproducible() {
        RunOutput<AccumulatorMap> again = run(RunConfig.defaults().withWorkers(2));
        assertThat(again.result()).isEqualTo(reference.result());
        Hist h = observable(reference);
        for (String v : variations()) {
            if (v.equals("nominal")) {
                continue;
            }
            double[] nominal = concat(slice(h, "4j1b", "nominal"), slice(h, "4j2b", "nominal"));
            double[] varied = concat(slice(h, "4j1b", v), slice(h, "4j2b", v));
            assertThat(varied).as(v).isNotEqualTo(nominal);
        }
    }

    @Test
    void nominalSelectionMatchesPlainReimplementation() throws Exception {
        Expected exp = expected();
        Cutflow cf = reference.result().get("cutflow", Cutflow.class);
        List<Cutflow.Step> s1 = cf.steps(DS, "4j1b", "nominal");
        List<Cutflow.Step> s2 = cf.steps(DS, "4j2b", "nominal");
        assertThat(s1.getLast().events()).isEqualTo(exp.n1b);
        assertThat(s2.getLast().events()).isEqualTo(exp.n2b);
        assertThat(exp.n1b + exp.n2b).as("the sample must select events for this test to mean something")
                .isGreaterThan(0);

        // The histogram is scaled to luminosity in postprocess: undo it with the recorded factor.
        Normalisation.Entry norm = reference.result().get("normalisation", Normalisation.class).entries().get(DS);
        Hist h = observable(reference);
        for (String cat : List.of("4j1b", "4j2b")) {
            double[] got = slice(h, cat, "nominal");
            double[] want = cat.equals("4j1b") ? exp.hist1b : exp.hist2b;
            for (int i = 0; i < want.length; i++) {
                // Scaling by the factor and back rounds twice; 1e-12 relative covers it.
                assertThat(got[i] / norm.factor()).as("%s bin %d", cat, i)
                        .isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-12 * Math.abs(want[i]) + 1e-300));
            }
        }
    }

    @Test
    void runsOnCollisionDataWithoutGenLevelBranches(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path data = TestData.nanoaod("nano_dimuon.root");
        try (RootFile f = RootFile.open(data)) {
            assertThat(f.tree("Events").has("GenJet_pt")).as("a data file has no generator-level jets").isFalse();
        }
        Path json = tmp.resolve("data.json");
        java.nio.file.Files.writeString(json, """
                {"DoubleMuon_2018": {"files": ["%s"], "metadata": {"year": "2022", "isMC": false}}}
                """.formatted(data.toString().replace("\\", "/")));
        RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withWorkers(1).withProgress(false))
                .run(processor(), Fileset.read(json));
        assertThat(out.failures()).isEmpty();
        Cutflow cf = out.result().get("cutflow", Cutflow.class);
        assertThat(cf.steps("DoubleMuon_2018", "4j1b", "nominal").getFirst().events()).isEqualTo(40);
        // data get no shape or weight variations
        assertThat(cf.flows().keySet()).allMatch(k -> k.variation().equals("nominal"));
    }

    @Test
    void missingFilesAndUnknownSourcesAreNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> TtbarAgcProcessor.load(corrections.resolve("nowhere"), List.of("Total")))
                .isInstanceOf(org.crema.processor.ProcessorException.class)
                .hasMessageContaining("nowhere").hasMessageContaining("-Dcrema.corrections");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> TtbarAgcProcessor.load(corrections, List.of("NoSuchSource")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'NoSuchSource'").hasMessageContaining("FlavorQCD");
    }

    record Expected(long n1b, long n2b, double[] hist1b, double[] hist2b) {
    }

    /**
     * The AGC selection written as plain loops over the raw branches; jets corrected with the
     * corrections API on whole-file arrays (no chunking, no skim).
     */
    static Expected expected() {
        try (RootFile f = RootFile.open(TestData.nanoaod("nano_tt_v12.root"))) {
            Tree t = f.tree("Events");
            long n = t.entries();
            ListColumn<?> jetPt = (ListColumn<?>) t.read("Jet_pt", 0, n);
            int[] off = jetPt.zeroBasedOffsets();
            float[] pt = fl(jetPt);
            float[] eta = fl(t.read("Jet_eta", 0, n));
            float[] phi = fl(t.read("Jet_phi", 0, n));
            float[] mass = fl(t.read("Jet_mass", 0, n));
            float[] btag = fl(t.read("Jet_btagDeepFlavB", 0, n));
            int[] jetId = in(t.read("Jet_jetId", 0, n));
            float[] rho = fl(t.read("Rho_fixedGridRhoFastjetAll", 0, n));
            ListColumn<?> genPt = (ListColumn<?>) t.read("GenJet_pt", 0, n);

            String jec = "jec/Summer22_22Sep2023_V3_MC_";
            JetFunction chain = JetFunction.chain(List.of(level(jec + "L1FastJet_AK4PFPuppi.jec.txt.gz"),
                    level(jec + "L2Relative_AK4PFPuppi.jec.txt.gz"), level(jec + "L3Absolute_AK4PFPuppi.jec.txt.gz")));
            JetEnergyCorrection.Result corrected = JetEnergyCorrection.reapply(chain, off, pt, eta, mass,
                    fl(t.read("Jet_rawFactor", 0, n)), fl(t.read("Jet_area", 0, n)), rho);
            TextJerScaleFactor sf = TextJerScaleFactor.of(JetCorrectorParameters.read(
                    corrections.resolve("jer/Summer22_22Sep2023_JRV1_MC_SF_AK4PFPuppi.jersf.txt.gz")));
            JetSmearing.Jer jer = new JetSmearing.Jer(
                    level("jer/Summer22_22Sep2023_JRV1_MC_PtResolution_AK4PFPuppi.jr.txt.gz"),
                    JetFunction.of(sf, Variation.NOMINAL), null, null);
            JetSmearing.Result smeared = JetSmearing.smear(jer, JetSmearing.Settings.ak4(), off, corrected.pt(),
                    corrected.mass(), eta, phi, rho, in(t.read("Jet_genJetIdx", 0, n)),
                    new GenJets(genPt.zeroBasedOffsets(), fl(genPt), fl(t.read("GenJet_eta", 0, n)),
                            fl(t.read("GenJet_phi", 0, n))),
                    new EventIds(in(t.read("run", 0, n)), in(t.read("luminosityBlock", 0, n)),
                            lo(t.read("event", 0, n))), null);
            double[] cpt = smeared.apply(corrected.pt(), Variation.NOMINAL);
            double[] cmass = smeared.apply(corrected.mass(), Variation.NOMINAL);

            ListColumn<?> elPt = (ListColumn<?>) t.read("Electron_pt", 0, n);
            int[] elOff = elPt.zeroBasedOffsets();
            float[] ept = fl(elPt);
            float[] eeta = fl(t.read("Electron_eta", 0, n));
            int[] ecut = in(t.read("Electron_cutBased", 0, n));
            float[] esip = fl(t.read("Electron_sip3d", 0, n));
            ListColumn<?> muPt = (ListColumn<?>) t.read("Muon_pt", 0, n);
            int[] muOff = muPt.zeroBasedOffsets();
            float[] mpt = fl(muPt);
            float[] meta = fl(t.read("Muon_eta", 0, n));
            int[] mtight = in(t.read("Muon_tightId", 0, n));
            float[] msip = fl(t.read("Muon_sip3d", 0, n));
            float[] miso = fl(t.read("Muon_pfRelIso04_all", 0, n));
            float[] gen = fl(t.read("genWeight", 0, n));

            long n1 = 0;
            long n2 = 0;
            double[] h1 = new double[27];
            double[] h2 = new double[27];
            for (int e = 0; e < n; e++) {
                int leptons = 0;
                for (int j = elOff[e]; j < elOff[e + 1]; j++) {
                    if (ept[j] > 30f && Math.abs(eeta[j]) < 2.1f && ecut[j] == 4 && esip[j] < 4f) {
                        leptons++;
                    }
                }
                for (int j = muOff[e]; j < muOff[e + 1]; j++) {
                    if (mpt[j] > 30f && Math.abs(meta[j]) < 2.1f && mtight[j] != 0 && msip[j] < 4f && miso[j] < 0.15f) {
                        leptons++;
                    }
                }
                List<Integer> good = new ArrayList<>();
                int nb = 0;
                double ht = 0;
                for (int j = off[e]; j < off[e + 1]; j++) {
                    float p = (float) cpt[j];
                    if (p > 30f && Math.abs(eta[j]) < 2.4f && (jetId[j] & 6) == 6) {
                        good.add(j);
                        ht += p;
                        if (btag[j] > WP) {
                            nb++;
                        }
                    }
                }
                if (leptons != 1 || good.size() < 4 || nb < 1) {
                    continue;
                }
                if (nb == 1) {
                    n1++;
                    h1[bin(ht)] += gen[e];
                } else {
                    n2++;
                    // trijet with the largest pt among those containing a b-tagged jet
                    double bestPt = -1;
                    double bestMass = Double.NaN;
                    for (int a = 0; a < good.size(); a++) {
                        for (int b = a + 1; b < good.size(); b++) {
                            for (int c = b + 1; c < good.size(); c++) {
                                int ja = good.get(a), jb = good.get(b), jc = good.get(c);
                                if (!(btag[ja] > WP || btag[jb] > WP || btag[jc] > WP)) {
                                    continue;
                                }
                                double px = 0, py = 0, pz = 0, en = 0;
                                for (int j : new int[] {ja, jb, jc}) {
                                    double p = (float) cpt[j];
                                    double m = (float) cmass[j];
                                    px += p * StrictMath.cos(phi[j]);
                                    py += p * StrictMath.sin(phi[j]);
                                    pz += p * StrictMath.sinh(eta[j]);
                                    en += Math.sqrt(Math.pow(p * StrictMath.cosh(eta[j]), 2) + m * m);
                                }
                                double tpt = Math.hypot(px, py);
                                if (tpt > bestPt) {
                                    bestPt = tpt;
                                    bestMass = Math.sqrt(Math.max(en * en - px * px - py * py - pz * pz, 0));
                                }
                            }
                        }
                    }
                    h2[bin(bestMass)] += gen[e];
                }
            }
            return new Expected(n1, n2, h1, h2);
        }
    }

    /** Bin of a 25-bin axis on [50, 550) with underflow at 0 and overflow at 26. */
    static int bin(double x) {
        if (Double.isNaN(x) || x >= 550) {
            return 26;
        }
        if (x < 50) {
            return 0;
        }
        return 1 + (int) ((x - 50) / 20);
    }

    static JetFunction level(String file) {
        return JetFunction.of(TextCorrection.of(JetCorrectorParameters.read(corrections.resolve(file))));
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static PrimitiveColumn flat(Column c) {
        return (PrimitiveColumn) (c instanceof ListColumn<?> l ? l.flatContent() : c);
    }

    static float[] fl(Column c) {
        PrimitiveColumn p = flat(c);
        float[] out = new float[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) p.getDouble(i);
        }
        return out;
    }

    static int[] in(Column c) {
        PrimitiveColumn p = flat(c);
        int[] out = new int[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) p.getLong(i);
        }
        return out;
    }

    static long[] lo(Column c) {
        PrimitiveColumn p = flat(c);
        long[] out = new long[p.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.getLong(i);
        }
        return out;
    }
}
