package org.crema.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Arith;
import org.crema.columnar.Columns;
import org.crema.columnar.DoubleColumn;
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
import org.crema.processor.nano.Muons;

/**
 * Z → μμ: the opposite-sign dimuon mass in simulation and data, with a muon momentum-scale shape
 * variation and a muon scale-factor weight variation.
 *
 * <ul>
 *   <li>skim: at least two muons ({@code nMuon >= 2});</li>
 *   <li>shape variations (MC): {@code muonScaleUp} / {@code muonScaleDown} multiply every muon's pt
 *       by 1 ± {@code ptScaleShift}; selection, mass and categories are recomputed for each;</li>
 *   <li>good muons: pt &gt; {@code ptMin}, |η| &lt; 2.4, tight ID, {@code pfRelIso04_all} &lt; 0.15;</li>
 *   <li>preselection: two good muons, the leading two of opposite charge;</li>
 *   <li>categories: {@code baseline} (every preselected event) and {@code zWindow}
 *       (60 &lt; m(μμ) &lt; 120 GeV);</li>
 *   <li>weights (MC): {@code genWeight} and a flat {@code muonSF} = 1 with ±{@code sfUncertainty}
 *       variations {@code muonSFUp} / {@code muonSFDown};</li>
 *   <li>histograms: {@code dimuonMass} and {@code leadingMuonPt}.</li>
 * </ul>
 *
 * Run it with {@code crema run --processor org.crema.examples.ZMuMuProcessor --fileset
 * data/filesets/zmumu.json}.
 */
public final class ZMuMuProcessor extends AnalysisProcessor {
    private static final long serialVersionUID = 1L;

    private final float ptMin;
    private final float ptScaleShift;
    private final double sfUncertainty;

    /** Default cuts: pt &gt; 15 GeV, ±1 % muon momentum scale, ±2 % muon scale factor. */
    public ZMuMuProcessor() {
        this(15f, 0.01f, 0.02);
    }

    /**
     * @param ptMin muon pt threshold in GeV
     * @param ptScaleShift relative muon momentum-scale shift of the shape variation, e.g. 0.01
     * @param sfUncertainty relative uncertainty of the muon scale factor, e.g. 0.02
     */
    public ZMuMuProcessor(float ptMin, float ptScaleShift, double sfUncertainty) {
        this.ptMin = ptMin;
        this.ptScaleShift = ptScaleShift;
        this.sfUncertainty = sfUncertainty;
    }

    @Override
    protected void skim(Events events, PackedSelection skim) {
        skim.add("twoMuons", events.counts("Muon").ge(2));
    }

    @Override
    protected List<String> shapeVariations(DatasetInfo dataset) {
        return List.of("muonScaleUp", "muonScaleDown");
    }

    @Override
    protected void calibrate(AnalysisContext ctx) {
        float factor = switch (ctx.variation()) {
            case "muonScaleUp" -> 1f + ptScaleShift;
            case "muonScaleDown" -> 1f - ptScaleShift;
            default -> 1f;
        };
        Muons muons = ctx.muons().prefetch("pt", "eta", "phi", "mass", "charge", "tightId", "pfRelIso04_all");
        ctx.set("Muon", muons.withField("pt", muons.pt().mul(factor)));
    }

    @Override
    protected void selectObjects(AnalysisContext ctx) {
        Muons mu = ctx.muons();
        ctx.set("GoodMuon", mu.filter(mu.pt().gt(ptMin).and(mu.eta().abs().lt(2.4)).and(mu.isTight())
                .and(mu.pfRelIso04All().lt(0.15))));
    }

    @Override
    protected void defineVariables(AnalysisContext ctx) {
        // NanoAOD muons are sorted by decreasing pt, and a common scale factor keeps that order.
        Muons good = ctx.get("GoodMuon", Muons.class);
        ctx.setVariable("nGoodMuon", good.counts());
        ctx.setVariable("dimuonMass", good.get(0).add(good.get(1)).mass());
        ctx.setVariable("leadingMuonPt", good.pt().at(0));
        ctx.setVariable("chargeProduct", Arith.mul(good.charge().at(0, 0), good.charge().at(1, 0)));
    }

    @Override
    protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
        cuts.add("twoGoodMuons", ctx.variable("nGoodMuon", IntColumn.class).ge(2));
        cuts.add("oppositeSign", ctx.variable("chargeProduct", IntColumn.class).lt(0));
    }

    @Override
    protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
        DoubleColumn m = ctx.variable("dimuonMass", DoubleColumn.class);
        cuts.add("zWindow", m.gt(60).and(m.lt(120)));
    }

    @Override
    protected Categories categories() {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        categories.put("baseline", List.of());
        categories.put("zWindow", List.of("zWindow"));
        return Categories.standard(categories);
    }

    @Override
    protected void weights(AnalysisContext ctx, Weights weights) {
        super.weights(ctx, weights);
        if (ctx.dataset().isMC()) {
            int n = ctx.size();
            weights.add("muonSF", Columns.constant(n, 1.0), Columns.constant(n, 1.0 + sfUncertainty),
                    Columns.constant(n, 1.0 - sfUncertainty));
        }
    }

    @Override
    protected List<HistogramSpec> histograms() {
        return List.of(
                new HistogramSpec("dimuonMass", RegularAxis.of("mass", 60, 0, 150).withLabel("m(μμ) [GeV]"),
                        ctx -> ctx.variable("dimuonMass")),
                new HistogramSpec("leadingMuonPt", RegularAxis.of("pt", 50, 0, 200).withLabel("leading muon pt [GeV]"),
                        ctx -> ctx.variable("leadingMuonPt")));
    }
}
