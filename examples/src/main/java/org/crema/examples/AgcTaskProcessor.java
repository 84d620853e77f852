package org.crema.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Arith;
import org.crema.columnar.CartesianKinematics;
import org.crema.columnar.Columns;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.hist.RegularAxis;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.Categories;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.PackedSelection;
import org.crema.processor.Weights;
import org.crema.processor.nano.Electrons;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.Muons;
import org.crema.processor.nano.ObjectCombinations;

/**
 * The Analysis Grand Challenge tt̄ task (version 2) as the user guide teaches it: the base
 * processor's hooks, typed views, fluent column methods and {@link ObjectCombinations}, nothing
 * hand-tuned. Objects and regions are the AGC's with Run 3 names (b-tag: {@code btagDeepFlavB}
 * at the 2022 medium working point); the systematics are those the AGC defines for one nominal
 * sample without random numbers: the shape variation {@code pt_scale_up} (jet pt × 1.03) and the
 * weight variations {@code btag_var_{0..3}} up and down (w × (1 ± 0.075 · pt<sub>i</sub> / 50)),
 * ten histogram variations in all.
 *
 * <p>This is the code the performance record measures against coffea running the same
 * selection; {@link TtbarAgcProcessor} is the full example with jet energy corrections.
 */
public final class AgcTaskProcessor extends AnalysisProcessor {
    private static final long serialVersionUID = 1L;

    /** DeepJet medium working point, Summer22 (2022 pre-EE). */
    public static final float BTAG_MEDIUM = TtbarAgcProcessor.DEEPJET_MEDIUM_2022;

    /** Creates the processor with the 2022 luminosity. */
    public AgcTaskProcessor() {
        super(TtbarAgcProcessor.LUMINOSITY_2022);
    }

    @Override
    protected void skim(Events events, PackedSelection skim) {
        skim.add("fourJets", events.counts("Jet").ge(4));
    }

    @Override
    protected List<String> shapeVariations(DatasetInfo dataset) {
        return List.of("pt_scale_up");
    }

    @Override
    protected void calibrate(AnalysisContext ctx) {
        if (ctx.variation().equals("pt_scale_up")) {
            Jets jets = ctx.jets();
            ctx.set("Jet", jets.withField("pt", jets.pt().mul(1.03f)));
        }
    }

    @Override
    protected void selectObjects(AnalysisContext ctx) {
        Electrons el = ctx.electrons();
        ctx.set("GoodElectron", el.filter(el.pt().gt(30).and(el.eta().abs().lt(2.1)).and(el.isTight())
                .and(el.sip3d().lt(4))));
        Muons mu = ctx.muons();
        ctx.set("GoodMuon", mu.filter(mu.pt().gt(30).and(mu.eta().abs().lt(2.1)).and(mu.isTight())
                .and(mu.sip3d().lt(4)).and(mu.pfRelIso04All().lt(0.15))));
        Jets jets = ctx.jets();
        ctx.set("GoodJet", jets.filter(jets.pt().gt(30).and(jets.eta().abs().lt(2.4)).and(jets.isTightLeptonVeto())));
    }

    @Override
    protected void defineVariables(AnalysisContext ctx) {
        Jets jets = ctx.get("GoodJet", Jets.class);
        ctx.setVariable("nLepton", Arith.add(ctx.get("GoodElectron", Electrons.class).counts(),
                ctx.get("GoodMuon", Muons.class).counts()));
        ctx.setVariable("nJet", jets.counts());
        ctx.setVariable("nBJet", jets.btagDeepFlavB().gt(BTAG_MEDIUM).count());
    }

    @Override
    protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
        cuts.add("oneLepton", ctx.variable("nLepton", IntColumn.class).eq(1));
        cuts.add("fourJets", ctx.variable("nJet", IntColumn.class).ge(4));
    }

    @Override
    protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
        IntColumn nb = ctx.variable("nBJet", IntColumn.class);
        cuts.add("exactlyOneB", nb.eq(1));
        cuts.add("atLeastTwoB", nb.ge(2));
    }

    @Override
    protected Categories categories() {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        categories.put("4j1b", List.of("exactlyOneB"));
        categories.put("4j2b", List.of("atLeastTwoB"));
        return Categories.standard(categories);
    }

    @Override
    protected void weights(AnalysisContext ctx, Weights weights) {
        super.weights(ctx, weights);
        if (!ctx.dataset().isMC()) {
            return;
        }
        ListColumn<FloatColumn> pt = ctx.get("GoodJet", Jets.class).pt();
        List<String> sources = new ArrayList<>();
        List<double[]> ups = new ArrayList<>();
        List<double[]> downs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DoubleColumn shift = Arith.div(Arith.mul(pt.at(i, 0).toDouble(), 0.075), 50.0);
            sources.add(Integer.toString(i));
            ups.add(Arith.add(shift, 1.0).toArray());
            downs.add(Arith.sub(1.0, shift).toArray());
        }
        weights.addMultiVariation("btag_var", Columns.constant(ctx.size(), 1.0).toArray(), sources, ups, downs);
    }

    @Override
    protected List<HistogramSpec> histograms() {
        return List.of(HistogramSpec.perCategory("observable",
                RegularAxis.of("observable", 25, 50, 550).withLabel("4j1b: H_T, 4j2b: m_bjj [GeV]"),
                Map.of("4j1b", AgcTaskProcessor::ht, "4j2b", AgcTaskProcessor::trijetMass)));
    }

    private static Object ht(AnalysisContext ctx) {
        return ctx.get("GoodJet", Jets.class).pt().sum();
    }

    /** The mass of the trijet with the largest pt among the trijets with at least one b-tagged jet. */
    private static Object trijetMass(AnalysisContext ctx) {
        ObjectCombinations<Jets> trijets = ctx.get("GoodJet", Jets.class).combinations(3);
        CartesianKinematics p4 = trijets.sum().filter(trijets.any(j -> j.btagDeepFlavB().gt(BTAG_MEDIUM)));
        return p4.mass().at(p4.pt().argmax());
    }
}
