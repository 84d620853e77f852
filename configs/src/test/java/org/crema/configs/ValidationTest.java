package org.crema.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class of configuration error, with its exact message and line:column. Each configuration
 * starts with the same two dataset lines, so line 3 is the first line under test.
 */
class ValidationTest {
    static Path root;

    @BeforeAll
    static void data() {
        TestData.file("data/samples/nanoaod/nano_dy.root");
        root = TestData.root();
    }

    static final String HEAD = "datasets:\n  fileset: data/filesets/zmumu.json\n";

    static ConfigException fail(String body) {
        try {
            AnalysisConfig.parse(HEAD + body, "bad.yaml", root);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for\n" + body);
    }

    static String first(String body) {
        ConfigException e = fail(body);
        assertThat(e.diagnostics()).isNotEmpty();
        Diagnostic d = e.diagnostics().get(0);
        return d.where() + ": " + d.message();
    }

    @Test
    void notYaml() {
        assertThat(first("skim:\n  a: [1, 2\n")).isEqualTo("bad.yaml:4:11: not valid YAML: while parsing a flow"
                + " sequence: expected ',' or ']', but got <stream end>");
    }

    @Test
    void repeatedKey() {
        assertThat(first("skim:\n  a: \"nMuon > 1\"\n  a: \"nMuon > 2\"\n"))
                .isEqualTo("bad.yaml:5:3: key 'a' is repeated (first at line 4)");
    }

    @Test
    void unknownTopLevelKeyWithSuggestion() {
        assertThat(first("histogram:\n  h: {}\n")).isEqualTo("bad.yaml:3:1: unknown key 'histogram' in the top level;"
                + " did you mean 'histograms'?; expected one of [name, parameters, datasets, skim, calibrations, variations,"
                + " objects, variables, preselection, cuts, categories, weights, histograms, columns]");
    }

    @Test
    void unknownNestedKeyWithSuggestion() {
        assertThat(first("objects:\n  GoodMuon:\n    from: Muon\n    were: \"pt > 10\"\n"))
                .isEqualTo("bad.yaml:6:5: unknown key 'were' in object 'GoodMuon'; did you mean 'where'?;"
                        + " expected one of [from, where, sortBy, descending, cleanAgainst]");
    }

    @Test
    void unknownBranchPointsInsideTheExpression() {
        assertThat(first("skim:\n  twoMuons: \"nMuons >= 2\"\n"))
                .isEqualTo("bad.yaml:4:14: in skim cut 'twoMuons': undefined name 'nMuons'; did you mean 'nMuon'?;"
                        + " expected a variable, a collection or a branch");
    }

    @Test
    void unknownFieldOfACollection() {
        assertThat(first("variables:\n  x: \"sum(Muon.ptt)\"\n"))
                .isEqualTo("bad.yaml:4:16: in variable 'x': Muon has no field 'ptt'; did you mean 'pt'?");
    }

    @Test
    void unknownFieldInAWhereClausePlainScalar() {
        assertThat(first("objects:\n  GoodMuon:\n    from: Muon\n    where: pt > 15 && tight\n"))
                .isEqualTo("bad.yaml:6:23: in object 'GoodMuon' where: undefined name 'tight'; did you mean"
                        + " 'tightId'?; expected a field of Muon, a variable, a collection or a branch");
    }

    @Test
    void syntaxErrorInAnExpression() {
        assertThat(first("variables:\n  x: \"Muon.pt[0 + 1\"\n"))
                .isEqualTo("bad.yaml:4:17: in variable 'x': unexpected '+'; expected ']' to close the index");
        assertThat(first("variables:\n  x: \"(nMuon + 1\"\n"))
                .isEqualTo("bad.yaml:4:17: in variable 'x': unexpected end of expression; expected ')'");
    }

    @Test
    void typeErrors() {
        assertThat(first("variables:\n  x: \"nMuon + Muon.tightId\"\n"))
                .isEqualTo("bad.yaml:4:15: in variable 'x': '+' needs a number, got a per-object bool");
        assertThat(first("preselection:\n  few: \"nMuon\"\n"))
                .isEqualTo("bad.yaml:4:9: preselection cut 'few' must be a per-event bool, got a per-event int");
        assertThat(first("objects:\n  M:\n    from: Muon\n    where: \"nMuon > 1\"\n"))
                .isEqualTo("bad.yaml:6:13: object 'M' where must be one bool per object, got a per-event bool");
        assertThat(first("variables:\n  x: \"Muon\"\n"))
                .isEqualTo("bad.yaml:4:7: variable 'x' must be numbers or booleans (per event or per object), got a"
                        + " collection Muon; define collections under 'objects'");
    }

    @Test
    void categoryNamingAnUndefinedCut() {
        assertThat(first("cuts:\n  zWindow: \"nMuon > 1\"\ncategories:\n  standard:\n    z: [zwindow]\n"))
                .isEqualTo("bad.yaml:7:9: category 'z' names an undefined cut 'zwindow'; did you mean 'zWindow'?;"
                        + " expected a name defined under 'cuts': [zWindow]");
    }

    @Test
    void histogramNamingAnUndefinedVariationOrCategory() {
        String hist = "histograms:\n  n:\n    expr: nMuon\n    axis: {type: integer, start: 0, stop: 5}\n";
        assertThat(first(hist + "    variations: [muonSF]\n"))
                .isEqualTo("bad.yaml:7:18: histogram 'n' names an undefined variation 'muonSF'; expected a variation"
                        + " or weight name: []");
        assertThat(first(hist + "    categories: [signal]\n"))
                .isEqualTo("bad.yaml:7:18: histogram 'n' names an undefined category 'signal'; expected one of"
                        + " [baseline]");
    }

    @Test
    void axisDefinitions() {
        assertThat(first("histograms:\n  n:\n    expr: nMuon\n    axis: {type: regular, bins: 10, start: 5, stop: 1}\n"))
                .isEqualTo("bad.yaml:6:53: histogram 'n' axis stop must be above start: 1.0 <= 5.0");
        assertThat(first("histograms:\n  n:\n    expr: nMuon\n    axis: {type: regulr, bins: 10, start: 0, stop: 1}\n"))
                .isEqualTo("bad.yaml:6:18: unknown axis type 'regulr'; did you mean 'regular'?; expected one of"
                        + " [regular, variable, integer]");
        assertThat(first("histograms:\n  n:\n    expr: nMuon\n    axis: {type: variable, edges: [0, 2, 1]}\n"))
                .isEqualTo("bad.yaml:6:42: histogram 'n' edges must increase: 1.0 <= 2.0");
        assertThat(first("histograms:\n  n:\n    expr: nMuon\n    axis: {type: regular, bins: 10, start: 0}\n"))
                .isEqualTo("bad.yaml:6:11: histogram 'n' regular axis needs 'bins', 'start' and 'stop'");
    }

    @Test
    void undefinedParameter() {
        assertThat(first("objects:\n  J:\n    from: Jet\n    where: \"btagDeepFlavB > ${btag.deepJet.2018.mediun}\"\n"))
                .isEqualTo("bad.yaml:6:31: in object 'J' where: undefined parameter 'btag.deepJet.2018.mediun'");
    }

    @Test
    void parametersAreResolvedAndOverridable() {
        AnalysisConfig cfg = AnalysisConfig.parse(HEAD + "parameters:\n  lumi: {\"2018\": 1000.0}\n"
                + "objects:\n  J:\n    from: Jet\n    where: \"btagDeepFlavB > ${btag.deepJet.2018.medium}\"\n",
                "ok.yaml", root);
        assertThat(cfg.luminosity()).containsEntry("2018", 1000.0).containsEntry("2017", 41480.0);
        assertThat(cfg.parameters()).containsKey("btag");
    }

    @Test
    void weightAndVariationDefinitions() {
        assertThat(first("weights:\n  genWeight: {value: \"1\"}\n"))
                .isEqualTo("bad.yaml:4:3: 'genWeight' is applied to simulation automatically; remove it from weights");
        assertThat(first("variations:\n  s: {type: smear, collection: Muon, field: pt, shift: 0.1}\n"))
                .isEqualTo("bad.yaml:4:13: unknown variation type 'smear'; expected one of [scale, jer, jes, rochester,"
                        + " expression, unclustered]");
        assertThat(first("variations:\n  s: {type: scale, collection: Muon, field: charge, shift: 0.1}\n"))
                .isEqualTo("bad.yaml:4:45: variation 's': Muon.charge is int; a scale variation needs a float field"
                        + " such as pt");
    }

    static final String POG = "../shared/data/corrections/correctionlib/jsonpog/2018_UL/";

    /** Correction-file weights over the DY fileset; line 6 is the first line of the weight. */
    static String correctionWeight(String weight) {
        TestData.file(POG + "btagging.json.gz");
        return "parameters:\n  corrections: {dir: " + POG + "}\nweights:\n" + weight;
    }

    @Test
    void correctionWeightDefinitions() {
        assertThat(first(correctionWeight("  pu: {type: pileups}\n"))).isEqualTo("bad.yaml:6:14: unknown weight type"
                + " 'pileups'; did you mean 'pileup'?; expected one of [expression, pileup, leptonSF, btagShape, btagWP]");
        assertThat(first(correctionWeight("  pu: {type: pileup, file: puWeights.json.gz, correction: x, value: \"1\"}\n")))
                .isEqualTo("bad.yaml:6:62: a pileup weight has no 'value'; expected [type, datasets, samples,"
                        + " categories, file, correction]");
        assertThat(first(correctionWeight("  pu: {type: pileup, file: nope.json, correction: x}\n")))
                .isEqualTo("bad.yaml:6:28: weight 'pu' (pileup): correction file " + root.resolve(POG + "nope.json")
                        .normalize() + " does not exist (relative names resolve against ${corrections.dir})");
        assertThat(first(correctionWeight("  pu: {type: pileup, file: puWeights.json.gz,"
                + " correction: Collisions18_UltraLegacy_golden}\n")))
                .isEqualTo("bad.yaml:6:59: weight 'pu' (pileup): puWeights.json.gz has no correction"
                        + " 'Collisions18_UltraLegacy_golden'; did you mean 'Collisions18_UltraLegacy_goldenJSON'?;"
                        + " expected one of [Collisions18_UltraLegacy_goldenJSON]");
        assertThat(first(correctionWeight("  id: {type: leptonSF, collection: GoodMuon, file: muon_Z.json.gz,"
                + " correction: NUM_TightID_DEN_TrackerMuons}\n")))
                .isEqualTo("bad.yaml:6:36: weight 'id' (leptonSF): no collection 'GoodMuon'; expected an input"
                        + " collection or an object");
        assertThat(first(correctionWeight("  id: {type: leptonSF, collection: Muon, file: muon_Z.json.gz,"
                + " correction: NUM_TightID_DEN_TrackerMuons}\n")))
                .isEqualTo("bad.yaml:6:7: weight 'id' (leptonSF): correction 'NUM_TightID_DEN_TrackerMuons' has a"
                        + " 'year' input; expected 'year', e.g. 2018_UL");
        assertThat(first(correctionWeight("  b: {type: btagShape, collection: Jet, file: btagging.json.gz,"
                + " correction: deepJet_shape, discriminant: btagDeepFlavB, systematics: [hf, lff]}\n")))
                .isEqualTo("bad.yaml:6:139: weight 'b' (btagShape): correction 'deepJet_shape' has no systematic"
                        + " 'up_lff'/'down_lff'; did you mean 'lf'?; expected some of [hf, lf, hfstats1, hfstats2,"
                        + " lfstats1, lfstats2, cferr1, cferr2]");
        assertThat(first(correctionWeight("  b: {type: btagShape, collection: Jet, file: btagging.json.gz,"
                + " correction: deepJet_shape, discriminant: btagDeepFlavB, systematics: [jesTotal]}\n")))
                .isEqualTo("bad.yaml:6:135: weight 'b' (btagShape): 'jesTotal' belongs to the jets of a JES"
                        + " variation and follows it automatically; remove it from systematics");
        assertThat(first(correctionWeight("  b: {type: btagWP, collection: Jet, file: btagging.json.gz,"
                + " correction: deepJet_shape, workingPoint: M, discriminant: btagDeepFlavB, threshold: 0.2783,"
                + " efficiency: {b: 0.7, c: 0.2, light: 0.02}}\n")))
                .isEqualTo("bad.yaml:6:74: weight 'b' (btagWP): correction 'deepJet_shape' has no input"
                        + " 'working_point'; expected a BTV fixed-working-point correction such as deepJet_comb with"
                        + " inputs [systematic, working_point, flavor, abseta, pt]");
        assertThat(first(correctionWeight("  b: {type: btagWP, collection: Jet, file: btagging.json.gz,"
                + " correction: deepJet_comb, workingPoint: M, discriminant: btagDeepFlavB, threshold: 0.2783,"
                + " efficiency: {b: 0.7, c: 1.2, light: 0.02}}\n")))
                .isEqualTo("bad.yaml:6:177: weight 'b' (btagWP) efficiency c must be between 0 and 1 (exclusive),"
                        + " got 1.2");
        assertThat(first("weights:\n  sf: {value: \"1\", categories: [zWindw]}\n"))
                .isEqualTo("bad.yaml:4:33: weight 'sf' names an undefined category 'zWindw'; expected one of"
                        + " [baseline]");
    }

    @Test
    void aSimulatedYearWithoutLuminosity() {
        ConfigException e = null;
        try {
            AnalysisConfig.parse("datasets:\n  inline:\n    dy:\n      files: [data/samples/nanoaod/nano_dy.root]\n"
                    + "      metadata: {sample: DY, year: \"2019\", isMC: true, xsec: 1.0}\n", "bad.yaml", root);
        } catch (ConfigException x) {
            e = x;
        }
        assertThat(e).isNotNull();
        Diagnostic d = e.diagnostics().get(0);
        assertThat(d.where() + ": " + d.message()).isEqualTo("bad.yaml:2:3: dataset 'dy' has year '2019', which has"
                + " no luminosity in the parameters; did you mean '2016'?; expected one of [2016, 2016preVFP,"
                + " 2016postVFP, 2017, 2018, 2022, 2022EE, 2023, 2023BPix, 2024], or add it under parameters:"
                + " {lumi: {2019: PB}}");
    }

    @Test
    void bTagShapeWeightWhoseFileLacksAJesSourceOfTheJetVariation() throws java.io.IOException {
        TestData.file(POG + "btagging.json.gz");
        TestData.file("data/samples/nanoaod/nano_tt_v12.root");
        String ttbar = java.nio.file.Files.readString(TestData.file("configs/examples/ttbar.yaml"))
                .replace("sources: [Absolute, FlavorQCD, Total]", "sources: [Absolute, HF_2022]")
                .replace("weights:\n", "weights:\n  btagSF: {type: btagShape, collection: GoodJet, file: ../../" + POG
                        + "btagging.json.gz, correction: deepJet_shape, discriminant: btagDeepFlavB, systematics: [hf]}\n");
        AnalysisConfig cfg = AnalysisConfig.parse(ttbar, "ttbar.yaml", root.resolve("configs/examples"));
        assertThat(cfg.warnings()).extracting(d -> d.where() + ": " + d.message()).containsExactly(
                "ttbar.yaml:30:8: variation 'JES' shifts Jet but b-tag shape weight correction 'deepJet_shape' has no"
                        + " JES systematic for source [HF_2022] (up_jes<Source>); the b-tag weight does not follow"
                        + " those jet variations");
    }

    @Test
    void twoDimensionalHistogramDefinitions() {
        String axes = "    axis:\n      - {bins: 10, start: 0, stop: 100}\n      - {name: y, bins: 10, start: 0, stop: 5}\n";
        assertThat(first("histograms:\n  h:\n    expr: [nMuon, Muon.pt]\n" + axes))
                .isEqualTo("bad.yaml:5:19: histogram 'h': both expressions of a 2-D histogram must be per event or"
                        + " both per object (of one collection), got a per-event int and a per-object float");
        assertThat(first("histograms:\n  h:\n    expr: nMuon\n" + axes))
                .isEqualTo("bad.yaml:5:11: histogram 'h': a 2-D histogram needs two axes and two expressions, axis:"
                        + " [{...}, {...}] and expr: [x, y]; at most two axes are supported");
        assertThat(first("histograms:\n  h:\n    expr: [nMuon, nJet]\n    axis:\n      - {bins: 10, start: 0, stop: 100}\n"
                + "      - {bins: 10, start: 0, stop: 5}\n"))
                .isEqualTo("bad.yaml:8:9: histogram 'h': the two axes need different names, both are 'x'");
    }

    @Test
    void crossReferencesResolveThroughTheNanoAodIndexFields() {
        AnalysisConfig cfg = AnalysisConfig.parse(HEAD + "objects:\n  GoodJet: {from: Jet, where: \"pt > 30\"}\n"
                + "variables:\n  response: \"GoodJet.pt / GoodJet.matchedGen.pt\"\n"
                + "  muonJetPt: \"Muon.matchedJet.pt\"\n", "refs.yaml", root);
        assertThat(cfg.warnings()).isEmpty();
        assertThat(first("variables:\n  x: \"Jet.matchedGem.pt\"\n"))
                .isEqualTo("bad.yaml:4:11: in variable 'x': Jet has no field 'matchedGem'; did you mean"
                        + " 'matchedGen'?");
    }

    @Test
    void columnDefinitions() {
        assertThat(first("columns:\n  c: {category: zWindw, values: {n: nMuon}}\n"))
                .isEqualTo("bad.yaml:4:17: columns 'c' names an undefined category 'zWindw'; expected one of [baseline]");
        assertThat(first("columns:\n  c: {format: feather, values: {n: nMuon}}\n"))
                .isEqualTo("bad.yaml:4:15: columns 'c': unknown format 'feather'; expected one of [parquet, arrow]");
        assertThat(first("columns:\n  c: {values: {pt: Muon.pt}}\n"))
                .isEqualTo("bad.yaml:4:20: columns 'c' column 'pt' must be one number or boolean per event, got a"
                        + " per-object float; pick one object, e.g. GoodJet[0].pt, or reduce, e.g. sum(GoodJet.pt)");
        assertThat(first("columns:\n  c: {category: baseline}\n"))
                .isEqualTo("bad.yaml:4:6: columns 'c' needs 'values': column name → per-event expression");
        assertThat(first("columns:\n  a/b: {values: {n: nMuon}}\n"))
                .isEqualTo("bad.yaml:4:3: columns 'a/b': the name becomes a folder name; expected letters, digits,"
                        + " '_', '.' or '-'");
    }

    @Test
    void oneSidedScaleVariationNeedsOneFactorAboveZero() {
        String v = "variations:\n  s:\n    type: scale\n    collection: Jet\n    field: pt\n";
        assertThat(first(v + "    shift: 0.01\n    factor: 1.03\n")).isEqualTo("bad.yaml:9:13: variation 's' has both"
                + " 'shift' and 'factor'; expected 'shift' for an up/down pair or 'factor' for one variation");
        assertThat(first(v + "    factor: 0\n"))
                .isEqualTo("bad.yaml:8:13: variation 's' factor must be a finite number > 0, got 0.0");
        assertThat(first(v)).isEqualTo("bad.yaml:5:5: variation 's' needs 'shift' (a pair sUp/Down, e.g. 0.01 for"
                + " ±1 %) or 'factor' (one variation s, e.g. 1.03)");
    }

    static final String EXPRESSION = "variations:\n  v:\n    type: expression\n    collection: Muon\n";

    @Test
    void expressionVariationMustGiveOneNumberPerObjectOfItsCollection() {
        String pt = EXPRESSION + "    field: pt\n";
        assertThat(first(pt + "    up: \"Jet.pt * 1.01\"\n")).isEqualTo("bad.yaml:8:10: variation 'v' up must be one"
                + " number per Muon object, but it reads no field of Muon; per-object values of another collection"
                + " cannot replace Muon's");
        assertThat(first(pt + "    up: \"Muon.pt > 20\"\n")).isEqualTo("bad.yaml:8:10: variation 'v' up must be one"
                + " number per Muon object, got a per-object bool");
        assertThat(first(pt + "    down: \"nMuon * 1.5\"\n")).isEqualTo("bad.yaml:8:12: variation 'v' down must be"
                + " one number per Muon object, got a per-event double; combine it with a field, e.g."
                + " Muon.pt * (1 + 0.01 * nMuon)");
        assertThat(first(pt + "    up: \"Muon.ptt * 2\"\n")).isEqualTo("bad.yaml:8:15: in variation 'v' up: Muon"
                + " has no field 'ptt'; did you mean 'pt'?");
        assertThat(first(pt)).isEqualTo("bad.yaml:5:5: variation 'v' needs 'up' and 'down' (or one of them for a"
                + " single variation v): the field's new value per object, e.g. up: \"Jet.pt * 1.02\"");
        ConfigException e = fail(pt + "    up: \"nMuon * 1.5\"\n");
        assertThat(e.getMessage()).endsWith("\n        up: \"nMuon * 1.5\"\n             ^");
    }

    @Test
    void expressionVariationReplacesAnExistingFloatFieldOfAnInputCollection() {
        String up = "    up: \"Muon.pt * 1.01\"\n";
        assertThat(first(EXPRESSION + "    field: ptt\n" + up)).isEqualTo("bad.yaml:7:12: variation 'v': Muon has no"
                + " field 'ptt'; did you mean 'pt'?; an expression variation replaces a float or double field such as pt");
        assertThat(first(EXPRESSION + "    field: charge\n" + up)).isEqualTo("bad.yaml:7:12: variation 'v':"
                + " Muon.charge is int; an expression variation replaces a float or double field such as pt");
        assertThat(first(EXPRESSION.replace("collection: Muon", "collection: GoodMuon") + "    field: pt\n" + up))
                .isEqualTo("bad.yaml:6:17: variation 'v': no input collection 'GoodMuon'; an"
                        + " expression variation applies to an input collection, before objects are selected");
        assertThat(first(EXPRESSION + "    field: pt\n" + up + "    shift: 0.01\n")).isEqualTo("bad.yaml:9:12:"
                + " variation 'v': 'shift' does not apply to type expression; it belongs to scale variations");
        assertThat(first("variations:\n  s: {type: scale, collection: Muon, field: pt, shift: 0.01, up: \"pt\"}\n"))
                .isEqualTo("bad.yaml:4:67: variation 's': 'up' does not apply to type scale; it belongs to"
                        + " expression variations");
    }

    static final String SUBSAMPLES = "  subsamples:\n    DYJetsToLL_M50_2018:\n";

    @Test
    void subsampleOfAnUnknownBranch() {
        assertThat(first(SUBSAMPLES + "      DY0J: \"LHE_Njet == 0\"\n")).startsWith("bad.yaml:5:")
                .contains("in subsample 'DY0J': undefined name 'LHE_Njet'; did you mean 'LHE_Njets'?");
    }

    @Test
    void subsampleThatIsNotABoolean() {
        assertThat(first(SUBSAMPLES + "      DY0J: \"LHE_Njets + 1\"\n"))
                .startsWith("bad.yaml:5:").contains("subsample 'DY0J' must be a per-event bool, got");
    }

    @Test
    void subsamplesOfAnUndefinedDataset() {
        assertThat(first("  subsamples:\n    DYJetsToLL_M50_2019: {A: \"LHE_Njets == 0\"}\n"))
                .isEqualTo("bad.yaml:4:5: datasets.subsamples names an undefined dataset 'DYJetsToLL_M50_2019';"
                        + " did you mean 'DYJetsToLL_M50_2018'?; expected one of [DYJetsToLL_M50_2018, DoubleMuon_2018]");
    }

    @Test
    void subsampleNamedLikeADatasetOrTwice() {
        assertThat(first(SUBSAMPLES + "      DoubleMuon_2018: \"LHE_Njets == 0\"\n"))
                .isEqualTo("bad.yaml:5:7: subsample 'DoubleMuon_2018' has the name of a dataset; expected a new"
                        + " dataset name");
        assertThat(first(SUBSAMPLES + "      A: \"LHE_Njets == 0\"\n    DoubleMuon_2018:\n      A: \"nMuon > 0\"\n"))
                .isEqualTo("bad.yaml:7:7: subsample 'A' is defined twice (first at line 5); every subsample is a"
                        + " dataset of its own and needs its own name");
    }

    @Test
    void everyErrorIsReportedAtOnceWithTheLineAndACaret() {
        ConfigException e = fail("skim:\n  a: \"nMuonn > 1\"\nobjects:\n  G:\n    frm: Muon\n");
        assertThat(e.diagnostics()).extracting(Diagnostic::where)
                .containsExactly("bad.yaml:4:7", "bad.yaml:7:5", "bad.yaml:7:5");
        assertThat(e.getMessage()).startsWith("""
                bad.yaml:4:7: error: in skim cut 'a': undefined name 'nMuonn'; did you mean 'nMuon'?; expected a\
                 variable, a collection or a branch
                      a: "nMuonn > 1"
                          ^
                """);
    }

    @Test
    void systematicsLint() {
        AnalysisConfig cfg = AnalysisConfig.parse(HEAD + """
                variations:
                  jetScale: {type: scale, collection: Jet, field: pt, shift: 0.02}
                weights:
                  sf: {value: "1", up: "1.1"}
                variables:
                  met: "MET_pt"
                histograms:
                  met:
                    expr: met
                    axis: {bins: 10, start: 0, stop: 100}
                    variations: [sf]
                """, "lint.yaml", root);
        assertThat(cfg.warnings()).extracting(d -> d.where() + ": " + d.message()).containsExactly(
                "lint.yaml:6:25: weight 'sf' has only an up variation; a one-sided variation is usually symmetrised"
                        + " by hand: add 'down'",
                "lint.yaml:4:3: variation 'jetScale' is filled into no histogram; list it under a histogram's"
                        + " 'variations' or remove it",
                "lint.yaml:4:3: variation 'jetScale' changes jets but MET is used and is not recomputed; the jet"
                        + " shift is not propagated to MET");
    }

    @Test
    void systematicsLintOfExpressionVariations() {
        AnalysisConfig cfg = AnalysisConfig.parse(HEAD + """
                variations:
                  jetUp: {type: expression, collection: Jet, field: pt, up: "Jet.pt * 1.02"}
                  muonDown: {type: expression, collection: Muon, field: pt, down: "pt * 0.98", datasets: [x]}
                variables:
                  met: "MET_pt"
                histograms:
                  met:
                    expr: met
                    axis: {bins: 10, start: 0, stop: 100}
                    variations: [jetUp]
                """, "lint.yaml", root);
        assertThat(cfg.warnings()).extracting(d -> d.where() + ": " + d.message()).containsExactly(
                "lint.yaml:4:62: variation 'jetUp' has only an up expression and runs as the single variation"
                        + " 'jetUp'; a one-sided variation is usually symmetrised by hand: add 'down'",
                "lint.yaml:5:68: variation 'muonDown' has only a down expression and runs as the single variation"
                        + " 'muonDown'; a one-sided variation is usually symmetrised by hand: add 'up'",
                "lint.yaml:5:3: variation 'muonDown' is filled into no histogram; list it under a histogram's"
                        + " 'variations' or remove it",
                "lint.yaml:4:3: variation 'jetUp' changes jets but MET is used and is not recomputed; the jet"
                        + " shift is not propagated to MET");
    }

    @Test
    void missingDatasets() {
        ConfigException e = null;
        try {
            AnalysisConfig.parse("skim:\n  a: \"nMuon > 1\"\n", "bad.yaml", root);
        } catch (ConfigException x) {
            e = x;
        }
        assertThat(e).isNotNull();
        assertThat(e.diagnostics().get(0).message()).isEqualTo(
                "missing key 'datasets'; expected datasets: {fileset: FILE.json} or datasets: {inline: ...}");
        assertThatThrownBy(() -> AnalysisConfig.parse("datasets:\n  fileset: nope.json\n", "bad.yaml", root))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bad.yaml:2:12: error: fileset " + root.resolve("nope.json")
                        + " does not exist; expected a datasets JSON file");
    }
}
