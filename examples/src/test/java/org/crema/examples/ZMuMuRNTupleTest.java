package org.crema.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crema.hist.Hist;
import org.crema.processor.ChunkFailedException;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Counter;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.Normalisation;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Z → μμ example on RNTuple: the same processor through the same Runner gives the same result
 * on the RNTuple copies of the samples (../shared/data/rntuple, written in CMSSW's RNTuple NanoAOD
 * layout from the same events) as on the TTree files.
 */
class ZMuMuRNTupleTest {
    static final String DY = ZMuMuProcessorTest.DY;
    static final String DATA = ZMuMuProcessorTest.DATA;

    /** The fileset of data/filesets/zmumu.json with other files. */
    static Fileset fileset(Path dir, String dy, String data) throws IOException {
        Path fs = dir.resolve("fileset-" + Math.abs((dy + data).hashCode()) + ".json");
        Files.writeString(fs, """
                {"%s": {"files": %s, "metadata": {"sample": "DYJetsToLL", "year": "2018", "isMC": true,
                   "xsec": 6077.22}},
                 "%s": {"files": %s, "metadata": {"sample": "DoubleMuon", "year": "2018", "isMC": false,
                   "era": "A"}}}""".formatted(DY, dy, DATA, data));
        return Fileset.read(fs);
    }

    static String quoted(Path... files) {
        return "[" + String.join(", ", java.util.Arrays.stream(files).map(p -> "\"" + p + "\"").toList()) + "]";
    }

    static <A extends org.crema.processor.accumulate.Accumulator<A>> RunOutput<A> run(Processor<A> p, Fileset fs,
            RunConfig cfg) {
        return new Runner(cfg.withProgress(false)).run(p, fs);
    }

    static Path treeDy() {
        return TestData.nanoaod("nano_dy.root");
    }

    static Path treeData() {
        return TestData.nanoaod("nano_dimuon.root");
    }

    @Test
    void sameResultOnRNTupleAsOnTTree(@TempDir Path dir) throws IOException {
        Path dy = TestData.shared("rntuple/nano_dy_zstd5.root");
        Path data = TestData.shared("rntuple/nano_dimuon_zstd5.root");
        Fileset trees = fileset(dir, quoted(treeDy()), quoted(treeData()));
        Fileset ntuples = fileset(dir, quoted(dy), quoted(data));
        for (RunConfig cfg : List.of(RunConfig.defaults().withWorkers(1),
                RunConfig.defaults().withWorkers(2).withChunkSize(7))) {
            RunOutput<AccumulatorMap> t = run(new ZMuMuProcessor(), trees, cfg);
            RunOutput<AccumulatorMap> r = run(new ZMuMuProcessor(), ntuples, cfg);
            assertThat(r.metrics().chunks()).isEqualTo(t.metrics().chunks());
            // Same events, same values, same chunking: histograms, cutflows, Σ genWeight from the Runs
            // RNTuple and the normalisation are bit-identical.
            assertThat(r.result()).isEqualTo(t.result());
            Cutflow cf = r.result().get("cutflow", Cutflow.class);
            // Not a vacuous comparison: events pass every step, and the histograms are filled.
            assertThat(cf.steps(DY, "zWindow", "nominal").get(4).events()).isPositive();
            assertThat(cf.steps(DATA, "zWindow", "nominal").get(4).events()).isPositive();
            assertThat(cf.steps(DY, "zWindow", "muonScaleUp")).isNotEmpty();
            assertThat(ZMuMuProcessorTest.hist(r, DATA, "dimuonMass").sum(true)).isPositive();
        }
    }

    @Test
    void multiChunkRunOnRNTupleEqualsOneChunk(@TempDir Path dir) throws IOException {
        Fileset ntuples = fileset(dir, quoted(TestData.shared("rntuple/nano_dy_zstd5.root")),
                quoted(TestData.shared("rntuple/nano_dimuon_zstd5.root")));
        RunOutput<AccumulatorMap> one = run(new ZMuMuProcessor(), ntuples, RunConfig.defaults().withWorkers(1));
        RunOutput<AccumulatorMap> many = run(new ZMuMuProcessor(), ntuples,
                RunConfig.defaults().withWorkers(2).withChunkSize(6));
        assertThat(one.metrics().chunks()).isEqualTo(2);
        assertThat(many.metrics().chunks()).isEqualTo(14); // 40 entries in one cluster, 7 chunks per file
        Cutflow a = one.result().get("cutflow", Cutflow.class);
        Cutflow b = many.result().get("cutflow", Cutflow.class);
        assertThat(b.flows().keySet()).isEqualTo(a.flows().keySet());
        a.flows().forEach((k, steps) -> assertThat(b.flows().get(k)).extracting(Cutflow.Step::events)
                .as(k.toString()).isEqualTo(steps.stream().map(Cutflow.Step::events).toList()));
        for (String ds : List.of(DY, DATA)) {
            for (String h : List.of("dimuonMass", "leadingMuonPt")) {
                Hist ha = ZMuMuProcessorTest.hist(one, ds, h);
                Hist hb = ZMuMuProcessorTest.hist(many, ds, h);
                assertThat(hb.axes()).isEqualTo(ha.axes());
                double[] va = ha.values(true);
                double[] vb = hb.values(true);
                for (int i = 0; i < va.length; i++) {
                    // Σw over other chunkings differ only by the rounding of the additions' order
                    assertThat(Math.abs(va[i] - vb[i])).as("%s %s bin %d", ds, h, i)
                            .isLessThanOrEqualTo(1e-12 * Math.abs(va[i]));
                }
            }
        }
        // Data weights are exactly 1: there every bin is an exact count whatever the chunking.
        assertThat(ZMuMuProcessorTest.hist(many, DATA, "dimuonMass").values(true))
                .containsExactly(ZMuMuProcessorTest.hist(one, DATA, "dimuonMass").values(true));
    }

    @Test
    void oneFilesetMayMixTTreeAndRNTupleFiles(@TempDir Path dir) throws IOException {
        Path dy = TestData.shared("rntuple/nano_dy_zstd5.root");
        // files given with their tree name ({path: name}): the same name reads a TTree or an RNTuple
        Fileset mixed = fileset(dir, "{\"" + treeDy() + "\": \"Events\", \"" + dy + "\": \"Events\"}",
                quoted(TestData.shared("rntuple/nano_dimuon_zstd5.root")));
        Fileset trees = fileset(dir, quoted(treeDy()), quoted(treeData()));
        RunOutput<AccumulatorMap> m = run(new ZMuMuProcessor(), mixed, RunConfig.defaults().withWorkers(2));
        RunOutput<AccumulatorMap> t = run(new ZMuMuProcessor(), trees, RunConfig.defaults().withWorkers(2));
        assertThat(m.metrics().chunks()).isEqualTo(3);
        Cutflow cm = m.result().get("cutflow", Cutflow.class);
        Cutflow ct = t.result().get("cutflow", Cutflow.class);
        // The DY dataset holds the same 40 events twice, once per format: every count doubles.
        List<Long> once = ct.steps(DY, "zWindow", "nominal").stream().map(Cutflow.Step::events).toList();
        assertThat(cm.steps(DY, "zWindow", "nominal")).extracting(Cutflow.Step::events)
                .containsExactlyElementsOf(once.stream().map(n -> 2 * n).toList());
        assertThat(cm.steps(DATA, "zWindow", "nominal")).extracting(Cutflow.Step::events)
                .containsExactlyElementsOf(ct.steps(DATA, "zWindow", "nominal").stream().map(Cutflow.Step::events)
                        .toList());
        // Σ genEventSumw is added once per file: from the Runs tree and from the Runs RNTuple.
        assertThat(m.result().get("sumGenWeights", AccumulatorMap.class).get(DY, org.crema.processor.accumulate.Sum.class)
                .sumw()).isEqualTo(2 * 15166686735.858717);
    }

    @Test
    void theRNTupleImporterLayoutGivesTheSameHistograms(@TempDir Path dir) throws IOException {
        // ROOT's own RNTupleImporter output: collections _collectionN with members under their TTree
        // names, counters as cardinality fields, split and zigzag encodings.
        Fileset imported = fileset(dir, quoted(TestData.shared("rntuple/root-written/nano_dy_rntuple.root")),
                quoted(TestData.shared("rntuple/root-written/nano_dimuon_rntuple.root")));
        Fileset trees = fileset(dir, quoted(treeDy()), quoted(treeData()));
        RunOutput<AccumulatorMap> r = run(new ZMuMuProcessor(), imported, RunConfig.defaults().withWorkers(1));
        RunOutput<AccumulatorMap> t = run(new ZMuMuProcessor(), trees, RunConfig.defaults().withWorkers(1));
        assertThat(r.result().get("cutflow", Cutflow.class)).isEqualTo(t.result().get("cutflow", Cutflow.class));
        for (String h : List.of("dimuonMass", "leadingMuonPt")) {
            assertThat(ZMuMuProcessorTest.hist(r, DATA, h)).as(h).isEqualTo(ZMuMuProcessorTest.hist(t, DATA, h));
            // The imported file has no Runs RNTuple, so DY is normalised by its events' Σ genWeight
            // instead of the Runs tree's: the histograms agree once each is divided by its own factor
            // (one division each, so within a few ulps).
            double fr = r.result().get("normalisation", Normalisation.class).entries().get(DY).factor();
            double ft = t.result().get("normalisation", Normalisation.class).entries().get(DY).factor();
            double[] vr = ZMuMuProcessorTest.hist(r, DY, h).values(true);
            double[] vt = ZMuMuProcessorTest.hist(t, DY, h).values(true);
            assertThat(vr).hasSameSizeAs(vt);
            double filled = 0;
            for (int i = 0; i < vr.length; i++) {
                assertThat(vr[i] / fr).as("%s bin %d", h, i).isCloseTo(vt[i] / ft,
                        org.assertj.core.data.Offset.offset(1e-12 * Math.abs(vt[i] / ft)));
                filled += Math.abs(vt[i]);
            }
            assertThat(filled).isPositive();
        }
    }

    /** Counts events and asks for a column only some inputs have. */
    static final class AsksFor implements Processor<Counter> {
        private static final long serialVersionUID = 1L;
        private final String column;

        AsksFor(String column) {
            this.column = column;
        }

        @Override
        public Counter process(Events events) {
            events.column(column);
            return new Counter(events.size());
        }
    }

    @Test
    void aMissingFieldIsReportedLikeAMissingBranch(@TempDir Path dir) throws IOException {
        Path tree = TestData.nanoaod("nano_dimuon.root");
        Path ntuple = TestData.shared("rntuple/nano_dimuon_zstd5.root");
        String treeMessage = failure(dir, tree, new AsksFor("Muon_noSuchField"));
        String ntupleMessage = failure(dir, ntuple, new AsksFor("Muon_noSuchField"));
        assertThat(treeMessage).contains("no column 'Muon_noSuchField'").contains("file " + tree);
        assertThat(ntupleMessage).contains("no column 'Muon_noSuchField'").contains("file " + ntuple);
        // The same words, only the file (and the number of columns) differ.
        assertThat(ntupleMessage.replace(ntuple.toString(), "F").replaceAll("\\d+ columns", "N columns"))
                .isEqualTo(treeMessage.replace(tree.toString(), "F").replaceAll("\\d+ columns", "N columns"));
    }

    @Test
    void aFieldMissingFromTheRNTupleOfADatasetNamesTheFileThatHasIt(@TempDir Path dir) throws IOException {
        // The RNTuple copy of nano_tt_v12 drops uproot's per-branch counters (nJet_pt, ...), which the
        // TTree has: a processor reading one fails on the RNTuple file only, named as an input problem.
        Path tree = TestData.shared("nanoaod/nano_tt_v12.root");
        Path ntuple = TestData.shared("rntuple/nano_tt_v12_zstd5.root");
        Path fs = dir.resolve("tt.json");
        Files.writeString(fs, """
                {"TT": {"files": ["%s", "%s"], "metadata": {"isMC": true, "xsec": 1.0, "year": "2022"}}}"""
                .formatted(tree, ntuple));
        assertThatThrownBy(() -> run(new AsksFor("nJet_pt"), Fileset.read(fs), RunConfig.defaults()))
                .isInstanceOf(ChunkFailedException.class)
                .hasMessageContaining("dataset TT, file " + ntuple)
                .hasMessageContaining("no column 'nJet_pt'")
                .hasMessageContaining("although file " + tree + " of the same dataset has it");
    }

    private static String failure(Path dir, Path file, Processor<Counter> p) throws IOException {
        Path fs = dir.resolve("one-" + Math.abs(file.hashCode()) + ".json");
        Files.writeString(fs, """
                {"D": {"files": ["%s"], "metadata": {"isMC": false, "year": "2018"}}}""".formatted(file));
        Fileset set = Fileset.read(fs);
        try {
            run(p, set, RunConfig.defaults());
        } catch (ChunkFailedException e) {
            return e.getMessage();
        }
        throw new AssertionError("no failure for " + file);
    }
}
