package org.crema.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crema.columnar.Arith;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.CartesianKinematics;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.processor.Chunk;
import org.crema.processor.ColumnSource;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.analysis.PackedSelection;
import org.crema.processor.nano.GenJets;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.Muons;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RootInputProvider;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;

/**
 * The code blocks of {@code docs/patterns.md} and {@code docs/coming-from-coffea.md}, run on the
 * bundled NanoAOD samples and compared with values computed directly from the raw branches. The
 * last test keeps the documents honest: every java block must appear verbatim here or in the
 * example source file the document cites.
 */
class DocsExamplesTest {

    interface FileCheck {
        void check(Events events, Tree tree, int n);
    }

    static void withFile(String name, FileCheck check) {
        Path p = TestData.nanoaod(name);
        try (RootFile f = RootFile.open(p)) {
            int n = Math.toIntExact(f.tree("Events").entries());
            Chunk chunk = new Chunk(0, DatasetInfo.of(name, true), p.toString(), "Events", 0, n, n);
            try (ColumnSource src = new RootInputProvider().open(chunk)) {
                check.check(Events.of(chunk, src), f.tree("Events"), n);
            }
        }
    }

    static double raw(ListColumn<?> l, int e, int j) {
        return ((PrimitiveColumn) l.content()).getDouble(l.start(e) + j);
    }

    @Test
    void jaggedMaskKeepsCollectionsAligned() {
        withFile("nano_tt_v12.root", (events, tree, n) -> {
            // pattern: jagged-mask
            Jets jets = events.jets();
            Jets good = jets.filter(jets.pt().gt(30).and(jets.eta().abs().lt(2.4)));
            // One mask filters the whole view, so pt, eta, phi, mass and every other field stay aligned.
            IntColumn nGood = good.counts();
            // end pattern

            ListColumn<?> rawPt = (ListColumn<?>) tree.read("Jet_pt", 0, n);
            ListColumn<?> rawEta = (ListColumn<?>) tree.read("Jet_eta", 0, n);
            ListColumn<?> rawPhi = (ListColumn<?>) tree.read("Jet_phi", 0, n);
            ListColumn<FloatColumn> goodPhi = good.phi();
            long total = 0;
            for (int e = 0; e < n; e++) {
                int k = 0;
                for (int j = 0; j < rawPt.count(e); j++) {
                    float p = (float) raw(rawPt, e, j);
                    float h = (float) raw(rawEta, e, j);
                    if (p > 30f && Math.abs(h) < 2.4f) {
                        assertThat(goodPhi.content().get(goodPhi.start(e) + k)).isEqualTo((float) raw(rawPhi, e, j));
                        k++;
                    }
                }
                assertThat(nGood.get(e)).as("event %d", e).isEqualTo(k);
                total += k;
            }
            assertThat(total).isPositive();
        });
    }

    @Test
    void leadingAndSubleadingWithDefaults() {
        withFile("nano_dy.root", (events, tree, n) -> {
            // pattern: leading-defaults
            Muons muons = events.muons();
            // No padding: events with too few muons get NaN, and NaN never passes a cut.
            FloatColumn lead = muons.pt().at(0);
            FloatColumn sublead = muons.pt().at(1);
            BoolColumn twoHard = lead.gt(25).and(sublead.gt(15));
            // end pattern

            ListColumn<?> rawPt = (ListColumn<?>) tree.read("Muon_pt", 0, n);
            int passing = 0;
            for (int e = 0; e < n; e++) {
                int c = rawPt.count(e);
                float l = c > 0 ? (float) raw(rawPt, e, 0) : Float.NaN;
                float s = c > 1 ? (float) raw(rawPt, e, 1) : Float.NaN;
                // Bit-exact, with every NaN counted equal (the default of a missing muon).
                assertThat(Float.floatToIntBits(lead.get(e))).as("event %d", e).isEqualTo(Float.floatToIntBits(l));
                assertThat(Float.floatToIntBits(sublead.get(e))).as("event %d", e).isEqualTo(Float.floatToIntBits(s));
                boolean expected = l > 25f && s > 15f;
                assertThat(twoHard.get(e)).isEqualTo(expected);
                passing += expected ? 1 : 0;
            }
            assertThat(passing).isPositive().isLessThan(n);
        });
    }

    @Test
    void eventMasksAsBitsAndNMinusOne() {
        withFile("nano_dy.root", (events, tree, n) -> {
            // pattern: packed-selection
            PackedSelection cuts = new PackedSelection(events.size());
            cuts.add("twoMuons", events.counts("Muon").ge(2));
            cuts.add("lowMet", events.met().pt().lt(50));
            BoolColumn all = cuts.all("twoMuons", "lowMet");
            // For each cut, the events passing every OTHER cut: fill the N-1 plot of that variable.
            Map<String, BoolColumn> nMinusOne = cuts.nMinusOne("twoMuons", "lowMet");
            // end pattern

            PrimitiveColumn rawN = (PrimitiveColumn) tree.read("nMuon", 0, n);
            PrimitiveColumn rawMet = (PrimitiveColumn) tree.read("MET_pt", 0, n);
            int passAll = 0;
            for (int e = 0; e < n; e++) {
                boolean two = rawN.getLong(e) >= 2;
                boolean low = (float) rawMet.getDouble(e) < 50f;
                assertThat(all.get(e)).isEqualTo(two && low);
                assertThat(nMinusOne.get("twoMuons").get(e)).as("N-1 of twoMuons keeps lowMet").isEqualTo(low);
                assertThat(nMinusOne.get("lowMet").get(e)).as("N-1 of lowMet keeps twoMuons").isEqualTo(two);
                passAll += two && low ? 1 : 0;
            }
            assertThat(cuts.count("twoMuons", "lowMet")).isEqualTo(passAll);
        });
    }

    @Test
    void genMatchingThroughCrossReferencesAndDeltaR() {
        withFile("nano_tt_v12.root", (events, tree, n) -> {
            // pattern: gen-matching
            Jets jets = events.jets();
            GenJets gen = jets.matchedGen();
            // Unmatched jets get NaN gen kinematics, so the ratio is NaN there until masked.
            ListColumn<FloatColumn> response = Arith.div(jets.pt(), gen.pt());
            ListColumn<BoolColumn> wellMatched = gen.isPresent().and(jets.deltaR(gen).lt(0.2));
            // end pattern

            ListColumn<?> rawPt = (ListColumn<?>) tree.read("Jet_pt", 0, n);
            ListColumn<?> rawIdx = (ListColumn<?>) tree.read("Jet_genJetIdx", 0, n);
            ListColumn<?> genPt = (ListColumn<?>) tree.read("GenJet_pt", 0, n);
            int matched = 0;
            int close = 0;
            for (int e = 0; e < n; e++) {
                for (int j = 0; j < rawPt.count(e); j++) {
                    int g = (int) ((PrimitiveColumn) rawIdx.content()).getLong(rawIdx.start(e) + j);
                    float r = response.content().get(response.start(e) + j);
                    if (g >= 0 && g < genPt.count(e)) {
                        float expected = (float) raw(rawPt, e, j) / (float) raw(genPt, e, g);
                        assertThat(r).as("event %d jet %d", e, j).isEqualTo(expected);
                        matched++;
                        close += wellMatched.content().get(wellMatched.start(e) + j) ? 1 : 0;
                    } else {
                        assertThat(r).as("unmatched jet").isNaN();
                        assertThat(wellMatched.content().get(wellMatched.start(e) + j)).isFalse();
                    }
                }
            }
            // NanoAOD matches jets to gen jets within ΔR < 0.4; most matches are much closer.
            assertThat(matched).isPositive();
            assertThat(close).isGreaterThan(matched / 2);
        });
    }

    @Test
    void standardKernelsOfAnAnalysis() {
        withFile("nano_tt_v12.root", (events, tree, n) -> {
            // pattern: standard-kernels
            Jets jets = events.jets();
            Jets goodJets = jets.filter(jets.pt().gt(30).and(jets.eta().abs().lt(2.4)).and(jets.isTight()));
            FloatColumn ht = goodJets.pt().sum();
            FloatColumn leadPt = goodJets.pt().at(0);
            FloatColumn subleadPt = goodJets.pt().at(1);
            DoubleColumn jjDeltaR = goodJets.get(0).deltaR(goodJets.get(1));
            DoubleColumn mjj = goodJets.get(0).add(goodJets.get(1)).mass();
            CartesianKinematics trijets = goodJets.combinations(3).sum();
            DoubleColumn mjjj = trijets.mass().at(trijets.pt().argmax());
            Muons muons = events.muons();
            Muons tightMuons = muons.filter(muons.pt().gt(20).and(muons.isTight()).and(muons.pfRelIso04All().lt(0.15)));
            DoubleColumn mumuMass = tightMuons.get(0).add(tightMuons.get(1)).mass();
            GenJets genJets = goodJets.matchedGen();
            ListColumn<FloatColumn> response = Arith.div(goodJets.pt(), genJets.pt());
            Jets cleanJets = goodJets.filter(goodJets.nearest(tightMuons, 0.4).isPresent().not());
            // end pattern

            ListColumn<?> rawPt = (ListColumn<?>) tree.read("Jet_pt", 0, n);
            ListColumn<?> rawEta = (ListColumn<?>) tree.read("Jet_eta", 0, n);
            ListColumn<?> rawId = (ListColumn<?>) tree.read("Jet_jetId", 0, n);
            int checked = 0;
            for (int e = 0; e < n; e++) {
                java.util.List<Float> good = new java.util.ArrayList<>();
                for (int j = 0; j < rawPt.count(e); j++) {
                    float p = (float) raw(rawPt, e, j);
                    long id = ((PrimitiveColumn) rawId.content()).getLong(rawId.start(e) + j);
                    if (p > 30f && Math.abs((float) raw(rawEta, e, j)) < 2.4f && (id & 2) != 0) {
                        good.add(p);
                    }
                }
                assertThat(goodJets.counts().get(e)).isEqualTo(good.size());
                assertThat(Float.floatToIntBits(leadPt.get(e)))
                        .isEqualTo(Float.floatToIntBits(good.isEmpty() ? Float.NaN : good.get(0)));
                assertThat(Float.floatToIntBits(subleadPt.get(e)))
                        .isEqualTo(Float.floatToIntBits(good.size() < 2 ? Float.NaN : good.get(1)));
                assertThat(Double.isNaN(mjj.get(e))).isEqualTo(good.size() < 2);
                assertThat(Double.isNaN(jjDeltaR.get(e))).isEqualTo(good.size() < 2);
                assertThat(Double.isNaN(mjjj.get(e))).isEqualTo(good.size() < 3);
                assertThat(cleanJets.counts().get(e)).isLessThanOrEqualTo(good.size());
                assertThat(ht.get(e) > 0).isEqualTo(!good.isEmpty());
                checked += good.size();
            }
            assertThat(checked).isPositive();
            assertThat(response.totalCount()).isEqualTo(checked);
            assertThat(mumuMass.length()).isEqualTo(n);
        });
    }

    @Test
    void resultsDoNotDependOnThreadsOrChunkSize() {
        Fileset fileset = Fileset.read(TestData.root().resolve("data/filesets/zmumu.json"));
        TestData.nanoaod("nano_dy.root");
        // pattern: reproducible-runs
        RunConfig base = RunConfig.defaults().withProgress(false);
        RunOutput<AccumulatorMap> reference = new Runner(base.withWorkers(1)).run(new ZMuMuProcessor(), fileset);
        RunOutput<AccumulatorMap> parallel = new Runner(base.withWorkers(2).withChunkSize(97))
                .run(new ZMuMuProcessor(), fileset);
        // Chunks are merged in chunk order, so even floating-point sums are identical.
        assertThat(parallel.result()).isEqualTo(reference.result());
        // end pattern
        assertThat(reference.result().toString()).contains("dimuonMass");
    }

    /** Lines of {@code text} with surrounding blanks removed, so indentation does not matter. */
    static List<String> strippedLines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            out.add(line.strip());
        }
        return out;
    }

    @Test
    void everyJavaBlockInTheDocsIsTestedCode() throws IOException {
        Path root = TestData.root();
        Path self = root.resolve("examples/src/test/java/org/crema/examples/DocsExamplesTest.java");
        Pattern block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
        Pattern cite = Pattern.compile("`(examples/src/main/java/[^`]+\\.java)`");
        int blocks = 0;
        for (String doc : List.of("docs/patterns.md", "docs/coming-from-coffea.md")) {
            String md = Files.readString(root.resolve(doc));
            List<String> sources = new ArrayList<>();
            sources.add(Files.readString(self));
            Matcher c = cite.matcher(md);
            while (c.find()) {
                sources.add(Files.readString(root.resolve(c.group(1))));
            }
            Matcher m = block.matcher(md);
            while (m.find()) {
                List<String> code = strippedLines(m.group(1).stripTrailing());
                boolean found = sources.stream().anyMatch(s -> java.util.Collections.indexOfSubList(strippedLines(s), code) >= 0);
                assertThat(found).as("%s block not found verbatim in the tested sources:%n%s", doc, m.group(1)).isTrue();
                blocks++;
            }
        }
        assertThat(blocks).isPositive();
    }
}
