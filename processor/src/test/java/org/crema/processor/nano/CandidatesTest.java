package org.crema.processor.nano;

import static org.assertj.core.api.Assertions.assertThat;

import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;
import org.junit.jupiter.api.Test;

class CandidatesTest {
    private static Candidates of(float pt, float eta, float phi, float m, float pt2, float eta2, float phi2, float m2) {
        return Candidates.of(new FourVectors.PtEtaPhiM(FloatColumn.of(pt, pt2), FloatColumn.of(eta, eta2),
                FloatColumn.of(phi, phi2), FloatColumn.of(m, m2)));
    }

    /** ΔR between sums is the documented double formula on the sums' (η, φ), bit for bit. */
    @Test
    void deltaRBetweenSumsIsThePlainDoubleFormula() {
        Candidates z = of(45.2f, 0.31f, 3.05f, 0.105f, 20.5f, -1.7f, -0.4f, 0.105f)
                .add(of(38.9f, -0.62f, -3.02f, 0.105f, 31.0f, 2.2f, 1.9f, 0.105f));
        Candidates jet = of(60.1f, 1.1f, -3.1f, 8.2f, 25.0f, -0.3f, 2.8f, 5.5f);
        double[] dr = z.deltaR(jet).toArray();
        for (int i = 0; i < 2; i++) {
            double de = z.eta().get(i) - jet.eta().get(i);
            double d = z.phi().get(i) - jet.phi().get(i);
            double dphi = d - 2 * Math.PI * Math.floor((d + Math.PI) / (2 * Math.PI));
            assertThat(dr[i]).isEqualTo(Math.sqrt(de * de + dphi * dphi));
        }
        // the first event's φ difference crosses ±π: wrapped, not 2π − x
        assertThat(dr[0]).isLessThan(3.0);
    }
}
