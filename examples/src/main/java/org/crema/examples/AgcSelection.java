package org.crema.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Arith;
import org.crema.columnar.Columns;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.processor.AnalysisContext;
import org.crema.processor.analysis.Categories;
import org.crema.processor.analysis.PackedSelection;
import org.crema.processor.analysis.Weights;
import org.crema.processor.nano.Electrons;
import org.crema.processor.nano.Jets;
import org.crema.processor.nano.Muons;

/**
 * The parts of the AGC tt̄ selection that both AGC examples share: the objects, the regions and the
 * toy b-tag weight variations. Each example calls these from its own hooks.
 */
final class AgcSelection {
    private AgcSelection() {
    }

    /** Good electrons, muons and jets of the AGC, stored as {@code GoodElectron}, {@code GoodMuon}, {@code GoodJet}. */
    static void selectObjects(AnalysisContext ctx) {
        Electrons el = ctx.electrons().prefetch("pt", "eta", "cutBased", "sip3d");
        ctx.set("GoodElectron", el.filter(el.pt().gt(30).and(el.eta().abs().lt(2.1)).and(el.isTight())
                .and(el.sip3d().lt(4))));
        Muons mu = ctx.muons().prefetch("pt", "eta", "tightId", "sip3d", "pfRelIso04_all");
        ctx.set("GoodMuon", mu.filter(mu.pt().gt(30).and(mu.eta().abs().lt(2.1)).and(mu.isTight())
                .and(mu.sip3d().lt(4)).and(mu.pfRelIso04All().lt(0.15))));
        // jetId bit 1 = tight, bit 2 = tight with lepton veto: the AGC's jetId == 6
        Jets jets = ctx.jets();
        ctx.set("GoodJet", jets.filter(jets.pt().gt(30).and(jets.eta().abs().lt(2.4)).and(jets.isTightLeptonVeto())));
    }

    /** The two regions' cuts on the variable {@code nBJet}. */
    static void categoryCuts(AnalysisContext ctx, PackedSelection cuts) {
        IntColumn nb = ctx.variable("nBJet", IntColumn.class);
        cuts.add("exactlyOneB", nb.eq(1));
        cuts.add("atLeastTwoB", nb.ge(2));
    }

    /** 4j1b (exactly one b-tag) and 4j2b (at least two). */
    static Categories categories() {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        categories.put("4j1b", List.of("exactlyOneB"));
        categories.put("4j2b", List.of("atLeastTwoB"));
        return Categories.standard(categories);
    }

    /** The AGC's toy b-tag uncertainty: 1 ± 0.075 · pt<sub>i</sub> / 50 for the i-th good jet, i = 0…3. */
    static void btagWeights(AnalysisContext ctx, Weights weights) {
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
}
