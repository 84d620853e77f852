package org.crema.examples.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crema.columnar.PrimitiveColumn;
import org.crema.examples.TestData;
import org.crema.examples.ZMuMuProcessor;
import org.crema.hist.Hist;
import org.crema.io.RootFile;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.NormalisationException;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.accumulate.Normalisation;
import org.crema.processor.run.*;
import org.junit.jupiter.api.Test;

/** Normalisation is checked before any event is read, isMC is resolved from the files, empty datasets stay. */
class NormalisationRunTest {
    static final AtomicInteger PROCESSED = new AtomicInteger();

    /** The Z → μμ example, counting the chunks it processes. */
    static final class CountingZMuMu extends AnalysisProcessor {
        private static final long serialVersionUID = 1L;
        @Override
        protected List<org.crema.processor.HistogramSpec> histograms() {
            PROCESSED.incrementAndGet();
            return List.of();
        }
    }

    static Fileset fileset(String json) {
        return Fileset.parse(json, TestData.root().resolve("data/samples/nanoaod"));
    }

    static RunOutput<AccumulatorMap> run(Fileset fs, RunConfig cfg) {
        return new Runner(cfg.withProgress(false).withWorkers(1)).run(new ZMuMuProcessor(), fs);
    }

    @Test
    void simulationWithoutXsecStopsBeforeAnyEventIsRead() {
        TestData.nanoaod("nano_dy.root");
        Fileset fs = fileset("""
                {"DY": {"files": ["nano_dy.root"], "metadata": {"year": "2018", "isMC": true}},
                 "Data": {"files": ["nano_dimuon.root"], "metadata": {"year": "2018", "isMC": false}}}""");
        PROCESSED.set(0);
        assertThatThrownBy(() -> new Runner(RunConfig.defaults().withProgress(false).withWorkers(1))
                .run(new CountingZMuMu(), fs))
                .isInstanceOf(NormalisationException.class)
                .hasMessage("cannot normalise 1 simulated dataset to luminosity × xsec / Σ genWeight:\n"
                        + "  dataset 'DY': no \"xsec\" (cross-section in pb) in its metadata\n"
                        + "add the missing metadata to the fileset, or run with --unnormalised"
                        + " (RunConfig.withUnnormalised) to keep the histograms unscaled");
        assertThat(PROCESSED.get()).as("no chunk was processed").isZero();
    }

    @Test
    void unknownYearStopsTheRunAndNamesTheKnownYears() {
        TestData.nanoaod("nano_dy.root");
        Fileset fs = fileset("""
                {"DY": {"files": ["nano_dy.root"], "metadata": {"year": "2031", "isMC": true, "xsec": 6077.22}}}""");
        assertThatThrownBy(() -> run(fs, RunConfig.defaults()))
                .isInstanceOf(NormalisationException.class)
                .hasMessageContaining("dataset 'DY': no luminosity for year '2031'; known years: 2016, 2016postVFP,"
                        + " 2016preVFP, 2017, 2018, 2022, 2022EE, 2023, 2023BPix, 2024\n");
    }

    @Test
    void unnormalisedOutputIsAllowedExplicitlyAndSaysWhichDatasetsAreUnscaled() {
        TestData.nanoaod("nano_dy.root");
        Fileset fs = fileset("""
                {"DY": {"files": ["nano_dy.root"], "metadata": {"year": "2031", "isMC": true, "xsec": 6077.22}}}""");
        RunOutput<AccumulatorMap> out = run(fs, RunConfig.defaults().withUnnormalised(true));
        Normalisation n = out.result().get("normalisation", Normalisation.class);
        assertThat(n.entries()).isEmpty();
        assertThat(n.unscaled()).containsExactly(java.util.Map.entry("DY", "dataset 'DY': no luminosity for year"
                + " '2031'; known years: 2016, 2016postVFP, 2016preVFP, 2017, 2018, 2022, 2022EE, 2023, 2023BPix, 2024"));
        String summary = RunSummary.text(out);
        assertThat(summary).contains("WARNING unnormalised output requested")
                .contains("UNSCALED dataset 'DY': no luminosity for year '2031'");
        assertThat(out.config()).containsEntry("unnormalised", "true");
    }

    @Test
    void isMCIsInferredFromGenWeightWhenAbsent() {
        TestData.nanoaod("nano_dy.root");
        Fileset fs = fileset("""
                {"DY": {"files": ["nano_dy.root"], "metadata": {"year": "2018", "xsec": 6077.22}},
                 "Data": {"files": ["nano_dimuon.root"], "metadata": {"year": "2018"}}}""");
        assertThat(fs.datasets().get("DY").isMCGiven()).isFalse();
        RunOutput<AccumulatorMap> out = run(fs, RunConfig.defaults());
        assertThat(out.datasets().get("DY").isMC()).isTrue();
        assertThat(out.datasets().get("Data").isMC()).isFalse();
        // simulation gets its shape and weight variations and is normalised; data gets neither
        Hist mass = out.result().get("histograms", AccumulatorMap.class).get("DY", HistAccumulator.class)
                .get("dimuonMass");
        assertThat(mass.axis(Hist.VARIATION_AXIS).size()).isGreaterThan(1);
        assertThat(out.result().get("normalisation", Normalisation.class).entries()).containsOnlyKeys("DY");
        assertThat(out.result().get("datasets", org.crema.processor.DatasetMetadata.class).datasets().get("DY").isMC())
                .isTrue();
    }

    @Test
    void statedIsMCThatContradictsTheFileIsAnError() {
        TestData.nanoaod("nano_dy.root");
        assertThatThrownBy(() -> run(fileset("""
                {"DY": {"files": ["nano_dy.root"], "metadata": {"year": "2018", "isMC": false}}}"""), RunConfig.defaults()))
                .isInstanceOf(FilesetException.class)
                .hasMessage("dataset 'DY' says isMC=false, but file " + TestData.nanoaod("nano_dy.root")
                        + " has a genWeight branch (simulation); correct isMC, or remove it to infer it from the files");
        assertThatThrownBy(() -> run(fileset("""
                {"Data": {"files": ["nano_dimuon.root"], "metadata": {"year": "2018", "isMC": true, "xsec": 1}}}"""),
                RunConfig.defaults()))
                .isInstanceOf(FilesetException.class)
                .hasMessage("dataset 'Data' says isMC=true, but file " + TestData.nanoaod("nano_dimuon.root")
                        + " has no genWeight branch (collision data?); correct isMC, or remove it to infer it from the"
                        + " files");
    }

    @Test
    void datasetMixingSimulationAndDataIsAnError() {
        TestData.nanoaod("nano_dy.root");
        assertThatThrownBy(() -> run(fileset("""
                {"Mixed": {"files": ["nano_dy.root", "nano_dimuon.root"], "metadata": {"year": "2018", "xsec": 1}}}"""),
                RunConfig.defaults()))
                .isInstanceOf(FilesetException.class)
                .hasMessage("dataset 'Mixed' mixes simulation and data: file " + TestData.nanoaod("nano_dy.root")
                        + " has a genWeight branch, file " + TestData.nanoaod("nano_dimuon.root")
                        + " has none; split the dataset");
    }

    @Test
    void datasetWithoutEntriesAppearsWithZeroCounts() {
        TestData.nanoaod("nano_dy_empty.root");
        Fileset fs = fileset("""
                {"DY": {"files": ["nano_dy.root"], "metadata": {"year": "2018", "isMC": true, "xsec": 6077.22}},
                 "DYEmpty": {"files": ["nano_dy_empty.root"], "metadata": {"year": "2018", "isMC": true, "xsec": 6077.22}}}""");
        for (int workers : new int[] {1, 2}) {
            RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withProgress(false).withWorkers(workers))
                    .run(new ZMuMuProcessor(), fs);
            HistAccumulator h = out.result().get("histograms", AccumulatorMap.class).get("DYEmpty", HistAccumulator.class);
            assertThat(h.toMap()).containsOnlyKeys("dimuonMass", "leadingMuonPt");
            assertThat(h.get("dimuonMass").sum(true)).isZero();
            Cutflow cf = out.result().get("cutflow", Cutflow.class);
            List<Cutflow.Step> steps = cf.flows().entrySet().stream()
                    .filter(e -> e.getKey().dataset().equals("DYEmpty") && e.getKey().variation().equals("nominal"))
                    .findFirst().orElseThrow().getValue();
            assertThat(steps).allSatisfy(s -> {
                assertThat(s.events()).isZero();
                assertThat(s.sumw()).isZero();
            });
            assertThat(out.result().get("normalisation", Normalisation.class).unscaled())
                    .containsEntry("DYEmpty", "dataset 'DYEmpty': Σ genWeight = 0.0 over 0 events");
            assertThat(out.metrics().chunks()).isEqualTo(2);
            assertThat(out.datasets().get("DYEmpty").isMC()).isTrue();
        }
    }

    /** Skim nMuon ≥ 1, preselection nMuon ≥ 2, and an analysis weight of 3 × genWeight. */
    static final class MuonCounts extends AnalysisProcessor {
        private static final long serialVersionUID = 1L;

        static boolean[] atLeast(Events e, int n) {
            PrimitiveColumn c = (PrimitiveColumn) e.column("nMuon");
            boolean[] m = new boolean[c.length()];
            for (int i = 0; i < m.length; i++) {
                m[i] = c.getDouble(i) >= n;
            }
            return m;
        }

        @Override
        protected void skim(Events events, org.crema.processor.analysis.PackedSelection skim) {
            skim.add("oneMuon", atLeast(events, 1));
        }

        @Override
        protected void preselection(org.crema.processor.AnalysisContext ctx, org.crema.processor.analysis.PackedSelection cuts) {
            cuts.add("twoMuons", atLeast(ctx.events(), 2));
        }

        @Override
        protected void weights(org.crema.processor.AnalysisContext ctx, org.crema.processor.analysis.Weights weights) {
            super.weights(ctx, weights);
            double[] three = new double[ctx.size()];
            java.util.Arrays.fill(three, 3.0);
            weights.add("three", three);
        }
    }

    @Test
    void cutflowSumOfWeightsIsGenWeightAtEveryStep() {
        Path dy = TestData.nanoaod("nano_dy.root");
        Fileset fs = fileset("""
                {"DY": {"files": ["nano_dy.root"], "metadata": {"year": "2018", "isMC": true, "xsec": 6077.22}},
                 "Data": {"files": ["nano_dimuon.root"], "metadata": {"year": "2018", "isMC": false}}}""");
        RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults().withProgress(false).withWorkers(1))
                .run(new MuonCounts(), fs);
        Cutflow cf = out.result().get("cutflow", Cutflow.class);
        double[] expected = new double[3];
        long[] events = new long[3];
        try (RootFile f = RootFile.open(dy)) {
            PrimitiveColumn w = (PrimitiveColumn) f.tree("Events").read("genWeight", 0, 40);
            PrimitiveColumn n = (PrimitiveColumn) f.tree("Events").read("nMuon", 0, 40);
            for (int i = 0; i < 40; i++) {
                double gw = w.getDouble(i);
                int muons = (int) n.getDouble(i);
                for (int step = 0; step < 3; step++) {
                    if (muons >= step) {
                        expected[step] += gw; // same order as the processor: bit-exact
                        events[step]++;
                    }
                }
            }
        }
        List<Cutflow.Step> mc = cf.flows().get(new Cutflow.Key("DY", "baseline", "nominal"));
        assertThat(mc).extracting(Cutflow.Step::name).containsExactly("initial", "oneMuon", "twoMuons", "baseline");
        for (int step = 0; step < 3; step++) {
            assertThat(mc.get(step).events()).isEqualTo(events[step]);
            assertThat(mc.get(step).sumw()).as(mc.get(step).name()).isEqualTo(expected[step]);
        }
        assertThat(mc.get(3).sumw()).isEqualTo(expected[2]);
        assertThat(events[2]).isPositive().isLessThan(events[0]);
        cf.flows().forEach((key, steps) -> {
            if (key.dataset().equals("Data")) {
                assertThat(steps).allSatisfy(st -> assertThat(st.sumw()).isEqualTo((double) st.events()));
            }
        });
        assertThat(RunSummary.text(out)).contains("cutflow (events; sum of weights = Σ genWeight (1 per data event),"
                + " unnormalised), nominal:");
    }

    @Test
    void luminosityTablesHoldRun2LegacyUltraLegacyAndRun3() {
        assertThat(AnalysisProcessor.RUN3_LUMINOSITY).containsOnlyKeys("2022", "2022EE", "2023", "2023BPix", "2024");
        assertThat(AnalysisProcessor.RUN3_LUMINOSITY.get("2022EE")).isEqualTo(26_671.7);
        assertThat(AnalysisProcessor.RUN2_LUMINOSITY.get("2016preVFP") + AnalysisProcessor.RUN2_LUMINOSITY
                .get("2016postVFP")).isEqualTo(36_330.0);
        assertThat(AnalysisProcessor.LUMINOSITY).hasSize(10);
        assertThat(new ZMuMuProcessor().luminosity()).isEqualTo(new java.util.TreeMap<>(AnalysisProcessor.LUMINOSITY));
        DatasetInfo ok = new DatasetInfo("TT", "TT", "2023BPix", true, 98.0, "", java.util.Map.of());
        new ZMuMuProcessor().checkNormalisation(List.of(ok, DatasetInfo.of("data", false)));
    }
}
