package org.crema.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.crema.correctionlib.CorrectionSet;
import org.junit.jupiter.api.Test;

/** The example's b-tag cut is the published Summer22 DeepJet medium working point, not a remembered number. */
class TtbarWorkingPointTest {
    @Test
    void deepJetMediumMatchesThePogFile() {
        CorrectionSet btv = CorrectionSet.load(TestData.shared("corrections/correctionlib/jsonpog/2022_Summer22/btagging.json"));
        double medium = btv.correction("deepJet_wp_values").evaluate("M");
        assertThat(TtbarAgcProcessor.DEEPJET_MEDIUM_2022).isEqualTo((float) medium);
    }
}
