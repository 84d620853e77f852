package org.crema.configs.internal.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crema.columnar.Column;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.internal.expr.Env;
import org.crema.correctionlib.CorrectionSet;
import org.crema.corrections.btag.BTagShapeSf;
import org.crema.corrections.btag.BTagShapeWeights;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The b-tag shape weight takes the JES systematic of the jet variation being processed. */
class BTagShapeFollowsJesTest {
    static final int[] OFF = {0, 2, 2, 5};
    static final float[] PT = {50f, 35f, 120f, 42f, 31f};
    static final float[] ETA = {0.5f, -1.2f, 2.1f, 0.1f, -0.3f};
    static final int[] FLAVOUR = {5, 0, 4, 5, 0};
    static final float[] DISC = {0.9f, 0.05f, 0.4f, 0.7f, 0.01f};

    static Env env() {
        ListColumn<RecordColumn> jets = ListColumn.of(OFF, RecordColumn.of(Map.of("pt", FloatColumn.of(PT),
                "eta", FloatColumn.of(ETA), "hadronFlavour", IntColumn.of(FLAVOUR), "btagDeepFlavB",
                FloatColumn.of(DISC)), 5));
        return new Env() {
            @Override
            public int size() {
                return 3;
            }

            @Override
            public Column branch(String name) {
                throw new AssertionError(name);
            }

            @Override
            public ListColumn<RecordColumn> collection(String name) {
                assertThat(name).isEqualTo("GoodJet");
                return jets;
            }

            @Override
            public Column variable(String name) {
                throw new AssertionError(name);
            }

            @Override
            public ListColumn<RecordColumn> self() {
                return null;
            }

            @Override
            public <T> T memo(String key, Object input, Supplier<T> compute) {
                return compute.get();
            }
        };
    }

    @Test
    void theNominalFactorOfAJesVariationUsesItsBTagSystematic() {
        Path file = Path.of("..", "..", "shared", "data", "corrections", "correctionlib", "jsonpog", "2018_UL",
                "btagging.json.gz").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file), "input " + file + " is not present");
        BTagShapeSf sf = BTagShapeSf.of(CorrectionSet.load(file).corrector("deepJet_shape"));
        StandardWeight.BTagShape w = new StandardWeight.BTagShape("GoodJet", sf, "btagDeepFlavB", List.of("hf"),
                Map.of("JES_AbsoluteUp", "up_jesAbsolute", "JES_AbsoluteDown", "down_jesAbsolute"));
        double[] pt = new double[PT.length];
        for (int i = 0; i < pt.length; i++) {
            pt[i] = PT[i];
        }
        StandardWeight.Evaluated nominal = w.evaluate(env(), "nominal");
        assertThat(nominal.nominal()).isEqualTo(BTagShapeWeights.eventWeights(sf, "central", OFF, FLAVOUR, ETA, pt,
                DISC, null));
        assertThat(nominal.sources()).containsExactly("hf");
        assertThat(nominal.ups().get(0)).isEqualTo(BTagShapeWeights.eventWeights(sf, "up_hf", OFF, FLAVOUR, ETA, pt,
                DISC, null));
        StandardWeight.Evaluated up = w.evaluate(env(), "JES_AbsoluteUp");
        double[] expected = BTagShapeWeights.eventWeights(sf, "up_jesAbsolute", OFF, FLAVOUR, ETA, pt, DISC, null);
        assertThat(up.nominal()).isEqualTo(expected).isNotEqualTo(nominal.nominal());
        // weight variations are filled in the nominal pass only
        assertThat(up.sources()).isEmpty();
        // an event without jets weighs 1
        assertThat(up.nominal()[1]).isEqualTo(1.0);
    }
}
