package org.crema.processor.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Arith;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.Masks;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.Selection;
import org.crema.hist.RegularAxis;
import org.crema.processor.AnalysisContext;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.Categories;
import org.crema.processor.DatasetInfo;
import org.crema.processor.Events;
import org.crema.processor.HistogramSpec;
import org.crema.processor.PackedSelection;
import org.crema.processor.Weights;

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
 * Run it with {@code crema run --processor org.crema.processor.examples.ZMuMuProcessor --fileset
 * data/filesets/zmumu.json}.
 */
public final class ZMuMuProcessor extends AnalysisProcessor {
    private static final long serialVersionUID = 1L;

    private static final String[] MUON_FIELDS = {"pt", "eta", "phi", "mass", "charge", "tightId", "pfRelIso04_all"};

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
        skim.add("twoMuons", Masks.ge(events.column("nMuon", IntColumn.class), 2));
    }

    @Override
    protected List<String> shapeVariations(DatasetInfo dataset) {
        return List.of("muonScaleUp", "muonScaleDown");
    }

    @Override
    protected void calibrate(AnalysisContext ctx) {
        // Read only the muon branches this analysis uses; later hooks see the stored collection.
        ListColumn<RecordColumn> muons = ctx.collection("Muon", MUON_FIELDS);
        float factor = switch (ctx.variation()) {
            case "muonScaleUp" -> 1f + ptScaleShift;
            case "muonScaleDown" -> 1f - ptScaleShift;
            default -> 1f;
        };
        if (factor != 1f) {
            FloatColumn pt = muons.content().field("pt", FloatColumn.class);
            muons = muons.withContent(muons.content().withField("pt", Arith.mul(pt, factor)));
        }
        ctx.setCollection("Muon", muons);
    }

    @Override
    protected void selectObjects(AnalysisContext ctx) {
        ListColumn<BoolColumn> good = Masks.and(
                Masks.and(Masks.gt(ctx.field("Muon", "pt", FloatColumn.class), ptMin),
                        Masks.lt(Arith.abs(ctx.field("Muon", "eta", FloatColumn.class)), 2.4f)),
                Masks.and(ctx.field("Muon", "tightId", BoolColumn.class),
                        Masks.lt(ctx.field("Muon", "pfRelIso04_all", FloatColumn.class), 0.15f)));
        ctx.setCollection("GoodMuon", Selection.filter(ctx.collection("Muon"), good));
    }

    @Override
    protected void countObjects(AnalysisContext ctx) {
        ctx.setVariable("nGoodMuon", Selection.counts(ctx.collection("GoodMuon")));
    }

    @Override
    protected void defineVariables(AnalysisContext ctx) {
        ListColumn<FloatColumn> pt = ctx.field("GoodMuon", "pt", FloatColumn.class);
        ListColumn<FloatColumn> eta = ctx.field("GoodMuon", "eta", FloatColumn.class);
        ListColumn<FloatColumn> phi = ctx.field("GoodMuon", "phi", FloatColumn.class);
        ListColumn<FloatColumn> mass = ctx.field("GoodMuon", "mass", FloatColumn.class);
        ListColumn<IntColumn> charge = ctx.field("GoodMuon", "charge", IntColumn.class);
        // NanoAOD muons are sorted by decreasing pt, and a common scale factor keeps that order.
        ctx.setVariable("dimuonMass", FourVectors.pairMass(
                Selection.kth(pt, 0, Float.NaN), Selection.kth(eta, 0, Float.NaN), Selection.kth(phi, 0, Float.NaN),
                Selection.kth(mass, 0, Float.NaN),
                Selection.kth(pt, 1, Float.NaN), Selection.kth(eta, 1, Float.NaN), Selection.kth(phi, 1, Float.NaN),
                Selection.kth(mass, 1, Float.NaN)));
        ctx.setVariable("leadingMuonPt", Selection.leading(pt, Float.NaN));
        ctx.setVariable("chargeProduct", Arith.mul(Selection.kth(charge, 0, 0), Selection.kth(charge, 1, 0)));
    }

    @Override
    protected void preselection(AnalysisContext ctx, PackedSelection cuts) {
        cuts.add("twoGoodMuons", Masks.ge(ctx.variable("nGoodMuon", IntColumn.class), 2));
        cuts.add("oppositeSign", Masks.lt(ctx.variable("chargeProduct", IntColumn.class), 0));
    }

    @Override
    protected void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
        DoubleColumn m = ctx.variable("dimuonMass", DoubleColumn.class);
        cuts.add("zWindow", Masks.and(Masks.gt(m, 60.0), Masks.lt(m, 120.0)));
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
            double[] one = new double[n];
            double[] up = new double[n];
            double[] down = new double[n];
            java.util.Arrays.fill(one, 1.0);
            java.util.Arrays.fill(up, 1.0 + sfUncertainty);
            java.util.Arrays.fill(down, 1.0 - sfUncertainty);
            weights.add("muonSF", one, up, down);
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
