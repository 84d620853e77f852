package org.crema.examples;

import java.util.List;
import java.util.Map;
import org.crema.columnar.Arith;
import org.crema.columnar.CartesianKinematics;
import org.crema.columnar.IntColumn;
import org.crema.hist.RegularAxis;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.analysis.Categories;
import org.crema.processor.analysis.PackedSelection;
import org.crema.processor.analysis.Weights;
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
        AgcSelection.selectObjects(ctx);
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
        AgcSelection.categoryCuts(ctx, cuts);
    }

    @Override
    protected Categories categories() {
        return AgcSelection.categories();
    }

    @Override
    protected void weights(AnalysisContext ctx, Weights weights) {
        super.weights(ctx, weights);
        if (ctx.dataset().isMC()) {
            AgcSelection.btagWeights(ctx, weights);
        }
    }

    @Override
    protected List<HistogramSpec> histograms() {
        return List.of(HistogramSpec.perCategory("observable",
                RegularAxis.of("observable", 25, 50, 550).withLabel("4j1b: H_T, 4j2b: m_bjj [GeV]"),
                Map.of("4j1b", AgcTaskProcessor::ht, "4j2b", AgcTaskProcessor::trijetMass)));
    }

    static Object ht(AnalysisContext ctx) {
        return ctx.get("GoodJet", Jets.class).pt().sum();
    }

    /** The mass of the trijet with the largest pt among the trijets with at least one b-tagged jet. */
    static Object trijetMass(AnalysisContext ctx) {
        ObjectCombinations<Jets> trijets = ctx.get("GoodJet", Jets.class).combinations(3);
        CartesianKinematics p4 = trijets.sum().filter(trijets.any(j -> j.btagDeepFlavB().gt(BTAG_MEDIUM)));
        return p4.mass().at(p4.pt().argmax());
    }
}
