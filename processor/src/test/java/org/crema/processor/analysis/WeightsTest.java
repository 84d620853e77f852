package org.crema.processor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightsTest {
    private final double[] gen = {2.0, -1.0, 0.5};
    private final double[] sf = {0.9, 1.1, 1.0};
    private final double[] sfUp = {1.0, 1.2, 1.1};
    private final double[] sfDown = {0.8, 1.0, 0.9};
    private final double[] btag = {1.5, 0.0, 2.0};

    private Weights weights() {
        return new Weights(3).add("genWeight", gen).add("muonSF", sf, sfUp, sfDown)
                .addMultiVariation("btag", btag, List.of("hf", "lf"),
                        List.of(new double[] {1.6, 0.1, 2.1}, new double[] {1.7, 0.2, 2.2}),
                        List.of(new double[] {1.4, 0.0, 1.9}, new double[] {1.3, 0.0, 1.8}));
    }

    @Test
    void totalVariationsAndPartialProducts() {
        Weights w = weights();
        assertThat(w.variations()).containsExactly("muonSFUp", "muonSFDown", "btag_hfUp", "btag_hfDown", "btag_lfUp",
                "btag_lfDown");
        for (int i = 0; i < 3; i++) {
            // Products in insertion order, as documented: compare bit for bit.
            assertThat(w.weight()[i]).isEqualTo(gen[i] * sf[i] * btag[i]);
            assertThat(w.weight("muonSFUp")[i]).isEqualTo(gen[i] * sfUp[i] * btag[i]);
            assertThat(w.weight("btag_lfDown")[i]).isEqualTo(gen[i] * sf[i] * new double[] {1.3, 0.0, 1.8}[i]);
            assertThat(w.partialWeight(List.of(), Set.of("btag"))[i]).isEqualTo(gen[i] * sf[i]);
            assertThat(w.partialWeight(List.of("muonSF"), List.of())[i]).isEqualTo(1.0 * sf[i]);
        }
        // a zero nominal factor does not break its own variation (no division by the nominal)
        assertThat(w.weight("btag_hfUp")[1]).isEqualTo(gen[1] * sf[1] * 0.1);
        assertThat(w.weight("nominal")).containsExactly(w.weight());
    }

    @Test
    void statistics() {
        Weights.Statistics s = weights().statistics().get("genWeight");
        assertThat(s.entries()).isEqualTo(3);
        assertThat(s.sum()).isEqualTo(1.5);
        assertThat(s.sumSquares()).isEqualTo(4 + 1 + 0.25);
        assertThat(s.min()).isEqualTo(-1.0);
        assertThat(s.max()).isEqualTo(2.0);
    }

    @Test
    void errors() {
        Weights w = weights();
        assertThatThrownBy(() -> w.weight("fooUp")).hasMessageContaining("no weight variation 'fooUp'");
        assertThatThrownBy(() -> w.add("x", new double[2])).hasMessageContaining("must have 3 entries, got 2");
        assertThatThrownBy(() -> w.add("genWeight", new double[3])).hasMessageContaining("already added");
        assertThatThrownBy(() -> w.partialWeight(List.of("nope"), List.of())).hasMessageContaining("no weight 'nope'");
    }
}
