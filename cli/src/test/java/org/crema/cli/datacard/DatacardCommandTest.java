package org.crema.cli.datacard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.cli.CremaCommand;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.Storage;
import org.crema.hist.StrCategoryAxis;
import org.crema.hist.UhiJson;
import org.crema.io.KeyInfo;
import org.crema.io.RootFile;
import org.crema.examples.ZMuMuProcessor;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.RunConfig;
import org.crema.processor.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code crema datacard} on the Z→μμ example: the card is parsed back and the shapes file is read by
 * crema's reader and by JSROOT, bin for bin against the run's histograms.
 */
class DatacardCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int crema(String... args) {
        return new CommandLine(new CremaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    static Path root() {
        return Path.of(System.getProperty("crema.root", ".."));
    }

    /** The parts of a datacard a test checks: header counts, columns and systematic rows. */
    record Card(int imax, int jmax, int kmax, String shapes, Map<String, Double> observation, List<String> bins,
            List<String> processes, List<Integer> ids, List<Double> rates, Map<String, List<String>> systematics,
            List<String> tail) {
        static Card parse(String text) {
            int imax = -1;
            int jmax = -1;
            int kmax = -1;
            String shapes = null;
            Map<String, Double> obs = new LinkedHashMap<>();
            List<String> obsBins = null;
            List<String> bins = null;
            List<String> procs = null;
            List<Integer> ids = null;
            List<Double> rates = null;
            Map<String, List<String>> syst = new LinkedHashMap<>();
            List<String> tail = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.startsWith("---") || line.isBlank()) {
                    continue;
                }
                List<String> f = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
                String k = f.remove(0);
                switch (k) {
                    case "imax" -> imax = Integer.parseInt(f.get(0));
                    case "jmax" -> jmax = Integer.parseInt(f.get(0));
                    case "kmax" -> kmax = Integer.parseInt(f.get(0));
                    case "shapes" -> shapes = line;
                    case "bin" -> {
                        if (obsBins == null) {
                            obsBins = f;
                        } else {
                            bins = f;
                        }
                    }
                    case "observation" -> {
                        for (int i = 0; i < f.size(); i++) {
                            obs.put(obsBins.get(i), Double.parseDouble(f.get(i)));
                        }
                    }
                    case "process" -> {
                        if (procs == null) {
                            procs = f;
                        } else {
                            ids = f.stream().map(Integer::parseInt).toList();
                        }
                    }
                    case "rate" -> rates = f.stream().map(Double::parseDouble).toList();
                    default -> {
                        if (f.size() > 0 && (f.get(0).equals("lnN") || f.get(0).equals("shape"))) {
                            syst.put(k + " " + f.get(0), f.subList(1, f.size()));
                        } else {
                            tail.add(line);
                        }
                    }
                }
            }
            return new Card(imax, jmax, kmax, shapes, obs, bins, procs, ids, rates, syst, tail);
        }
    }

    @Test
    void zMuMuRunGivesACardAndShapesThatCombineAndIndependentReadersAccept() throws Exception {
        Path runDir = dir.resolve("run");
        new Runner(RunConfig.defaults().withProgress(false).withWorkers(2).withOutput(runDir))
                .run(new ZMuMuProcessor(), Fileset.read(root().resolve("data/filesets/zmumu.json")));
        Path yaml = dir.resolve("card.yaml");
        Files.writeString(yaml, """
                observable: dimuonMass
                processes:
                  DY: {signal: true, datasets: [DYJetsToLL_M50_2018]}
                data: {datasets: [DoubleMuon_2018]}
                systematics:
                  lumi: {type: lnN, value: 1.025}
                  muonSF: {type: shape}
                autoMCStats: {threshold: 10, includeSignal: 1, histMode: 1}
                rateParams:
                  - {name: SF_DY, process: DY, channel: "*", value: 1.0, range: [0, 5]}
                """);
        Path cardDir = dir.resolve("card");
        int code = crema("datacard", runDir.toString(), "--config", yaml.toString(), "--out", cardDir.toString());
        assertThat(code).as(err.toString()).isZero();

        Map<String, Hist> hists = UhiJson.readAll(runDir.resolve("histograms.json"));
        Hist dy = hists.get("histograms/DYJetsToLL_M50_2018/dimuonMass");
        Hist data = hists.get("histograms/DoubleMuon_2018/dimuonMass");

        Card card = Card.parse(Files.readString(cardDir.resolve("datacard.txt")));
        assertThat(card.imax()).isEqualTo(2);
        assertThat(card.jmax()).isZero();
        assertThat(card.kmax()).isEqualTo(2);
        assertThat(card.shapes()).isEqualTo("shapes * * shapes.root $CHANNEL/$PROCESS $CHANNEL/$PROCESS_$SYSTEMATIC");
        assertThat(card.bins()).containsExactly("baseline", "zWindow");
        assertThat(card.processes()).containsExactly("DY", "DY");
        assertThat(card.ids()).containsExactly(0, 0);
        assertThat(card.systematics()).containsEntry("lumi lnN", List.of("1.025", "1.025"))
                .containsEntry("muonSF shape", List.of("1", "1"));
        assertThat(card.tail()).containsExactly("SF_DY rateParam * DY 1 [0,5]", "* autoMCStats 10 1 1");

        JsonNode js = JsRoot.read(cardDir.resolve("shapes.root"));
        JsonNode objs = js.get("objects");
        List<String> channels = List.of("baseline", "zWindow");
        for (int c = 0; c < channels.size(); c++) {
            String ch = channels.get(c);
            Hist nominal = dy.at("category", ch).at("variation", "nominal");
            double[] v = nominal.values(true);
            assertThat(doubles(objs.get(ch + "/DY").get("contents"))).containsExactly(v);
            assertThat(doubles(objs.get(ch + "/DY").get("sumw2"))).containsExactly(nominal.variances(true));
            assertThat(card.rates().get(c)).isEqualTo(inRange(v));
            for (String shift : List.of("Up", "Down")) {
                Hist var = dy.at("category", ch).at("variation", "muonSF" + shift);
                assertThat(doubles(objs.get(ch + "/DY_muonSF" + shift).get("contents")))
                        .containsExactly(var.values(true));
                assertThat(doubles(objs.get(ch + "/DY_muonSF" + shift).get("sumw2")))
                        .containsExactly(var.variances(true));
            }
            Hist obs = data.at("category", ch).at("variation", "nominal");
            assertThat(doubles(objs.get(ch + "/data_obs").get("contents"))).containsExactly(obs.values(true));
            assertThat(card.observation().get(ch)).isEqualTo(inRange(obs.values(true)));
            // Identical binning for every shape of the channel.
            for (String p : List.of("data_obs", "DY", "DY_muonSFUp", "DY_muonSFDown")) {
                JsonNode x = objs.get(ch + "/" + p).get("xaxis");
                assertThat(x.get("nbins").asInt()).isEqualTo(60);
                assertThat(x.get("xmin").asDouble()).isEqualTo(0.0);
                assertThat(x.get("xmax").asDouble()).isEqualTo(150.0);
                // ROOT strings are bytes; crema writes UTF-8 and JSROOT reads each byte as one character.
                String title = x.get("title").asText();
                assertThat(new String(title.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("m(μμ) [GeV]");
            }
        }
        try (RootFile r = RootFile.open(cardDir.resolve("shapes.root"))) {
            assertThat(r.keys()).extracting(KeyInfo::name).containsExactly("baseline", "zWindow");
        }
    }

    static double inRange(double[] withFlow) {
        double s = 0;
        for (int i = 1; i < withFlow.length - 1; i++) {
            s += withFlow[i];
        }
        return s;
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    static Hist hist(String[] variations, double[][] values) {
        Hist h = Hist.builder().storage(Storage.WEIGHT).axis(StrCategoryAxis.of("category", "sr"))
                .axis(StrCategoryAxis.of("variation", variations)).axis(RegularAxis.of("x", 3, 0, 3)).build();
        for (int v = 0; v < variations.length; v++) {
            for (int b = 0; b < 3; b++) {
                double w = values[v][b];
                h.fillWeighted(new double[] {w}, new String[] {"sr"}, new String[] {variations[v]},
                        new double[] {b + 0.5});
            }
        }
        return h;
    }

    @Test
    void processIdsAsimovDataNegativeBinsAndShapeColumns() throws Exception {
        Map<String, Hist> hists = new LinkedHashMap<>();
        hists.put("histograms/sig/x", hist(new String[] {"nominal", "jesUp", "jesDown"},
                new double[][] {{1, 2, 3}, {1.5, 2, 3}, {0.5, 2, 3}}));
        hists.put("histograms/bkgA/x", hist(new String[] {"nominal"}, new double[][] {{10, -2, 5}}));
        hists.put("histograms/bkgB/x", hist(new String[] {"nominal"}, new double[][] {{4, 4, 4}}));
        Path yaml = dir.resolve("c.yaml");
        Files.writeString(yaml, """
                observable: x
                processes:
                  sig: {signal: true, datasets: [sig]}
                  A: {datasets: [bkgA]}
                  B: {datasets: [bkgB]}
                data: asimov
                systematics:
                  xs: {type: lnN, processes: {A: 0.9/1.1}}
                  jes: {type: shape}
                """);
        DatacardSpec spec = DatacardSpec.read(yaml);
        Datacard keep = Datacard.build(hists, spec, "s.root", "test");
        Card card = Card.parse(keep.text());
        assertThat(card.ids()).containsExactly(0, 1, 2);
        assertThat(card.rates()).containsExactly(6.0, 13.0, 12.0);
        assertThat(card.systematics()).containsEntry("xs lnN", List.of("-", "0.9/1.1", "-"))
                .containsEntry("jes shape", List.of("1", "-", "-"));
        // Asimov data: the sum of every process, negative bin included.
        assertThat(card.observation()).containsEntry("sr", 31.0);
        assertThat(keep.shapes().get("sr/data_obs").contents()).containsExactly(0, 15, 4, 12, 0);
        assertThat(keep.shapes()).containsKeys("sr/sig_jesUp", "sr/sig_jesDown").doesNotContainKey("sr/A_jesUp");

        Files.writeString(yaml, Files.readString(yaml) + "negativeBins: zero\n");
        Datacard zero = Datacard.build(hists, DatacardSpec.read(yaml), "s.root", "test");
        assertThat(zero.shapes().get("sr/A").contents()).containsExactly(0, 10, 0, 5, 0);
        assertThat(zero.shapes().get("sr/A").sumw2()).containsExactly(0, 100, 4, 25, 0);
        assertThat(Card.parse(zero.text()).rates()).containsExactly(6.0, 15.0, 12.0);
    }

    @Test
    void oneSidedShapeVariationsAreMirroredOnlyWhenAskedTo() throws Exception {
        Map<String, Hist> hists = new LinkedHashMap<>();
        hists.put("histograms/sig/x", hist(new String[] {"nominal", "pt_scale_up"},
                new double[][] {{1, 2, 3}, {1.5, 2, 2}}));
        hists.put("histograms/bkg/x", hist(new String[] {"nominal"}, new double[][] {{4, 4, 4}}));
        String head = """
                observable: x
                processes:
                  sig: {signal: true, datasets: [sig]}
                  B: {datasets: [bkg]}
                data: asimov
                systematics:
                """;
        Path yaml = dir.resolve("one-sided.yaml");
        Files.writeString(yaml, head + "  jetScale: {type: shape, up: pt_scale_up}\n");
        assertThatThrownBy(() -> Datacard.build(hists, DatacardSpec.read(yaml), "s.root", "h.json"))
                .hasMessage("shape systematic 'jetScale': process 'sig' has the variation 'pt_scale_up' but not"
                        + " 'jetScaleDown' in h.json; Combine needs both shifts: vary both ways in the analysis, or set"
                        + " 'symmetrize: true' on the systematic to mirror the one there is around the nominal");

        Files.writeString(yaml, head + "  jetScale: {type: shape, up: pt_scale_up, symmetrize: true}\n");
        Datacard card = Datacard.build(hists, DatacardSpec.read(yaml), "s.root", "h.json");
        assertThat(Card.parse(card.text()).systematics()).containsEntry("jetScale shape", List.of("1", "-"));
        assertThat(card.shapes().get("sr/sig_jetScaleUp").contents()).containsExactly(0, 1.5, 2, 2, 0);
        // down = 2·nominal − up, bin by bin; Σw² is the up shift's
        assertThat(card.shapes().get("sr/sig_jetScaleDown").contents()).containsExactly(0, 0.5, 2, 4, 0);
        assertThat(card.shapes().get("sr/sig_jetScaleDown").sumw2()).containsExactly(0, 2.25, 4, 4, 0);
        assertThat(card.shapes()).doesNotContainKey("sr/B_jetScaleUp");

        Files.writeString(yaml, head + "  jes: {type: shape}\n");
        assertThatThrownBy(() -> Datacard.build(hists, DatacardSpec.read(yaml), "s.root", "h.json"))
                .hasMessage("shape systematic 'jes' matches no histogram: no process in channels [sr] has the"
                        + " variation 'jesUp' or 'jesDown' in h.json; variations there: [nominal, pt_scale_up]");
        Files.writeString(yaml, head + "  jes: {type: shape, symetrize: true}\n");
        assertThatThrownBy(() -> DatacardSpec.read(yaml)).hasMessage(yaml + ": systematics.jes: unknown key"
                + " 'symetrize'; expected one of [type, value, processes, up, down, symmetrize]");
    }

    @Test
    void explainsBadDescriptions() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "observable: x\nprocesses:\n  A: {datasets: [a]}\n");
        assertThatThrownBy(() -> DatacardSpec.read(yaml))
                .hasMessage(yaml + ": no signal process; mark one with 'signal: true'");
        Files.writeString(yaml, "observable: x\nprocess: {}\n");
        assertThatThrownBy(() -> DatacardSpec.read(yaml)).hasMessageStartingWith(yaml + ": unknown key 'process'");
        Files.writeString(yaml, "observable: x\nprocesses:\n  S: {signal: true, datasets: [missing]}\n");
        Map<String, Hist> hists = Map.of("histograms/sig/x", hist(new String[] {"nominal"},
                new double[][] {{1, 1, 1}}));
        assertThatThrownBy(() -> Datacard.build(hists, DatacardSpec.read(yaml), "s.root", "h.json"))
                .hasMessage("no histogram 'x' for dataset 'missing' in h.json; datasets: [sig]");
        assertThat(crema("datacard", dir.resolve("nothing").toString(), "-c", yaml.toString(), "-o",
                dir.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("crema datacard:").contains("histograms.json");
        assertThat(Files.exists(dir.resolve("o"))).isFalse();
    }
}
