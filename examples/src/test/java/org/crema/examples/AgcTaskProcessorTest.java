package org.crema.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crema.examples.TtbarAgcProcessorTest.bin;
import static org.crema.examples.TtbarAgcProcessorTest.fl;
import static org.crema.examples.TtbarAgcProcessorTest.in;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crema.columnar.ListColumn;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The AGC task as the guide teaches it, against the same selection written as plain double loops
 * over the raw branches: every bin of every variation equal bit for bit (sums of weights taken
 * exactly, then scaled once by the recorded normalisation factor, as the histogram does).
 */
class AgcTaskProcessorTest {
    static final float WP = AgcTaskProcessor.BTAG_MEDIUM;
    static final List<String> VARIATIONS = List.of("nominal", "pt_scale_up", "btag_var_0Up", "btag_var_0Down",
            "btag_var_1Up", "btag_var_1Down", "btag_var_2Up", "btag_var_2Down", "btag_var_3Up", "btag_var_3Down");

    @Test
    void bundledSampleMatchesPlainLoopsInEveryVariation() {
        Path file = TestData.nanoaod("nano_tt_v12.root");
        check(Fileset.read(TestData.root().resolve("data/filesets/ttbar.json")), "TTbar_2022", file,
                RunConfig.defaults().withWorkers(2).withChunkSize(64));
    }

    @Test
    void benchmarkFileMatchesPlainLoopsInEveryVariation() {
        Path file = TestData.root().resolve("../shared/data/bench/ttbar_agc_lzma9.root");
        Assumptions.assumeTrue(Files.isRegularFile(file), "needs ../shared/data/bench/ttbar_agc_lzma9.root");
        check(Fileset.read(TestData.root().resolve("data/filesets/ttbar-bench.json")), "TTbar_2022_bench", file,
                RunConfig.defaults().withWorkers(2).withChunkSize(12_500));
    }

    private static void check(Fileset fileset, String dataset, Path file, RunConfig cfg) {
        RunOutput<AccumulatorMap> out = new Runner(cfg.withProgress(false)).run(new AgcTaskProcessor(), fileset);
        Hist h = out.result().get("histograms", AccumulatorMap.class).get(dataset, HistAccumulator.class)
                .get("observable");
        double factor = out.result().get("normalisation", Normalisation.class).entries().get(dataset).factor();
        Map<String, Expected> expected = expected(file);
        Cutflow cutflow = out.result().get("cutflow", Cutflow.class);
        for (String variation : VARIATIONS) {
            Expected want = expected.get(variation);
            for (String category : List.of("4j1b", "4j2b")) {
                double[] got = h.at("category", category).at("variation", variation).values(true);
                BigDecimal[] sums = category.equals("4j1b") ? want.sum1b : want.sum2b;
                for (int i = 0; i < got.length; i++) {
                    assertThat(got[i]).as("%s %s bin %d", category, variation, i)
                            .isEqualTo(sums[i].doubleValue() * factor);
                }
            }
            if (!variation.startsWith("btag")) {
                assertThat(cutflow.steps(dataset, "4j1b", variation).getLast().events()).isEqualTo(want.n1b);
                assertThat(cutflow.steps(dataset, "4j2b", variation).getLast().events()).isEqualTo(want.n2b);
            }
        }
        assertThat(expected.get("nominal").n2b).as("the sample must fill 4j2b for this test to mean something")
                .isGreaterThan(0);
    }

    record Expected(long n1b, long n2b, BigDecimal[] sum1b, BigDecimal[] sum2b) {
    }

    /** The AGC selection as plain loops; each variation's bins as exact sums of weights. */
    static Map<String, Expected> expected(Path path) {
        try (RootFile f = RootFile.open(path)) {
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

            Map<String, Expected> out = new java.util.LinkedHashMap<>();
            for (String variation : VARIATIONS) {
                boolean scaled = variation.equals("pt_scale_up");
                int source = variation.startsWith("btag_var_") ? variation.charAt(9) - '0' : -1;
                double sign = variation.endsWith("Up") ? 1 : -1;
                long n1 = 0;
                long n2 = 0;
                BigDecimal[] h1 = zeros();
                BigDecimal[] h2 = zeros();
                for (int e = 0; e < n; e++) {
                    if (off[e + 1] - off[e] < 4) {
                        continue; // the skim
                    }
                    int leptons = 0;
                    for (int j = elOff[e]; j < elOff[e + 1]; j++) {
                        if (ept[j] > 30f && Math.abs(eeta[j]) < 2.1f && ecut[j] >= 4 && esip[j] < 4f) {
                            leptons++;
                        }
                    }
                    for (int j = muOff[e]; j < muOff[e + 1]; j++) {
                        if (mpt[j] > 30f && Math.abs(meta[j]) < 2.1f && mtight[j] != 0 && msip[j] < 4f
                                && miso[j] < 0.15f) {
                            leptons++;
                        }
                    }
                    List<Integer> good = new ArrayList<>();
                    int nb = 0;
                    for (int j = off[e]; j < off[e + 1]; j++) {
                        float p = scaled ? pt[j] * 1.03f : pt[j];
                        if (p > 30f && Math.abs(eta[j]) < 2.4f && (jetId[j] & 6) == 6) {
                            good.add(j);
                            nb += btag[j] > WP ? 1 : 0;
                        }
                    }
                    if (leptons != 1 || good.size() < 4 || nb < 1) {
                        continue;
                    }
                    double w = gen[e];
                    if (source >= 0) {
                        double shift = (double) pt[good.get(source)] * 0.075 / 50.0;
                        w = gen[e] * (1.0 * (sign > 0 ? 1.0 + shift : 1.0 - shift));
                    }
                    if (nb == 1) {
                        n1++;
                        double ht = 0;
                        for (int j : good) {
                            ht += scaled ? pt[j] * 1.03f : pt[j];
                        }
                        // a per-event sum of floats is accumulated in double and rounded to float once
                        int bin = bin((float) ht);
                        h1[bin] = h1[bin].add(new BigDecimal(w));
                    } else {
                        n2++;
                        double m = bestTrijetMass(good, scaled, pt, eta, phi, mass, btag);
                        h2[bin(m)] = h2[bin(m)].add(new BigDecimal(w));
                    }
                }
                out.put(variation, new Expected(n1, n2, h1, h2));
            }
            return out;
        }
    }

    /** The trijet with the largest pt among those containing a b-tagged jet: px = pt cos φ, … in double. */
    private static double bestTrijetMass(List<Integer> good, boolean scaled, float[] pt, float[] eta, float[] phi,
            float[] mass, float[] btag) {
        double bestPt = -1;
        double bestMass = Double.NaN;
        for (int a = 0; a < good.size(); a++) {
            for (int b = a + 1; b < good.size(); b++) {
                for (int c = b + 1; c < good.size(); c++) {
                    int[] jets = {good.get(a), good.get(b), good.get(c)};
                    if (!(btag[jets[0]] > WP || btag[jets[1]] > WP || btag[jets[2]] > WP)) {
                        continue;
                    }
                    double px = 0, py = 0, pz = 0, en = 0;
                    for (int k = 0; k < 3; k++) {
                        int j = jets[k];
                        double p = scaled ? pt[j] * 1.03f : pt[j];
                        double m = mass[j];
                        double x = p * StrictMath.cos(phi[j]), y = p * StrictMath.sin(phi[j]), z = p * StrictMath.sinh(eta[j]);
                        double energy = Math.sqrt(x * x + y * y + z * z + m * m);
                        px = k == 0 ? x : px + x;
                        py = k == 0 ? y : py + y;
                        pz = k == 0 ? z : pz + z;
                        en = k == 0 ? energy : en + energy;
                    }
                    double tpt = Math.sqrt(px * px + py * py);
                    if (tpt > bestPt) {
                        bestPt = tpt;
                        bestMass = Math.sqrt(Math.max(en * en - (px * px + py * py + pz * pz), 0.0));
                    }
                }
            }
        }
        return bestMass;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[27];
        java.util.Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }
}
