package org.crema.corrections.muon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.crema.correctionlib.formula.SpecialFunctions;
import org.crema.corrections.CorrectionFileException;
import org.crema.corrections.TestData;
import org.crema.corrections.jme.EventIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RoccoR 2018 parameters (coffea's test copy of the official file). No output of the official C++
 * for this file is available as text, so the expected values are derived by hand from the lines of
 * the file quoted next to each case; the muon kinematics are the first muons of
 * {@code nano_dimuon.root} as the independent jsroot reader lists them in
 * {@code reference/nano_dimuon.json}.
 */
class RochesterCorrectionTest {
    private static RochesterCorrection rc;

    @BeforeAll
    static void load() {
        rc = RochesterCorrection.read(TestData.shared("corrections/rochester/RoccoR2018.txt.gz"));
    }

    @Test
    void headerDeclaresSixSetsWithTheirMembers() {
        // NSET 6 / NMEM 1 100 1 1 1 1 / TVAR 0 1 2 2 2 2
        assertThat(rc.sets()).isEqualTo(6);
        int[] members = {1, 100, 1, 1, 1, 1};
        int[] types = {0, 1, 2, 2, 2, 2};
        for (int s = 0; s < 6; s++) {
            assertThat(rc.members(s)).as("set %d", s).isEqualTo(members[s]);
            assertThat(rc.setType(s)).as("set %d", s).isEqualTo(types[s]);
        }
    }

    /**
     * k = 1 / (M + Q·A·pt), M = 1 + x_M/100 and A = x_A/100 from the lines {@code set member C 1 0
     * etaBin} and {@code set member C 1 1 etaBin}, value number phiBin. Eta bins (CETA): −2.4 −2.1
     * −1.85 −1.6 −1.2 −0.8 −0.4 0 0.4 0.8 1.2 1.6 1.85 2.1 2.4; phi bin = floor((phi + π) / (2π/16)).
     */
    @Test
    void dataScaleOfTheFirstDimuonMuonsMatchesTheFileParameters() {
        // {set, member, Q, pt, eta, phi, x_M, x_A}; eta bin / phi bin noted per row
        double[][] cases = {
            {0, 0, 1, 7.240253925323486, 0.8287353515625, 0.88525390625, -0.1663848, -0.0007204},       // H 9, F 10
            {0, 0, -1, 6.008164405822754, -0.706787109375, -1.739990234375, -0.1411655, -0.0011947},    // H 5, F 3
            {0, 0, 1, 3.898627996444702, 1.290771484375, 1.58251953125, -0.2546060, 0.0061220},         // H 10, F 12
            {0, 0, 1, 44.42646789550781, 0.762451171875, 1.728759765625, -0.1350791, 0.0011823},        // H 8, F 12
            {0, 0, -1, 41.76271057128906, 1.411865234375, -1.27197265625, -0.2303800, 0.0012124},       // H 10, F 4
            {1, 7, 1, 7.240253925323486, 0.8287353515625, 0.88525390625, -0.1567046, -0.0008119},       // replica 7
            {2, 0, -1, 41.76271057128906, 1.411865234375, -1.27197265625, -0.2271959, 0.0009707},       // systematic
        };
        // the same cases evaluated with Python doubles from the same numbers (repr of the result)
        double[] python = {1.0017189565303546, 1.001341673134752, 1.0023127223371866, 1.0008262189442727,
            1.0028180501934647, 1.0016284772481678, 1.0026845370758664};
        for (int i = 0; i < cases.length; i++) {
            double[] c = cases[i];
            int q = (int) c[2];
            double expected = 1.0 / ((1 + c[6] / 100) + q * (c[7] / 100) * c[3]);
            double k = rc.kScaleDT(q, (float) c[3], (float) c[4], (float) c[5], (int) c[0], (int) c[1]);
            assertThat(k).as("case %d", i).isEqualTo(expected).isEqualTo(python[i]);
        }
    }

    /**
     * Gen-matched simulation: Q = −1, pt 40, eta −1.3, phi 2.0, genPt 41. Scale from {@code 0 0 C 0 0
     * 3} value 13 (−0.0738483) and {@code 0 0 C 0 1 3} value 13 (−0.0006928); resolution ratios for
     * |eta| bin 3 (RETA 0 0.4 0.8 1.2 1.6 …) from {@code 0 0 F 1} (1.0620262) and {@code 0 0 F 0}
     * (0.9915087). k = kScale · x / (1 + (x − 1)·kData/kMC), x = genPt / (kScale·pt).
     */
    @Test
    void spreadOfAGenMatchedMuonMatchesTheFileParameters() {
        double kScale = 1.0 / ((1 + -0.0738483 / 100) + -1 * (-0.0006928 / 100) * 40.0);
        double x = 41.0 / (kScale * 40.0);
        double expected = kScale * (x / (1.0 + (x - 1.0) * 1.0620262 / 0.9915087));
        assertThat(rc.kScaleMC(-1, 40.0, -1.3, 2.0, 0, 0)).isEqualTo(kScale).isEqualTo(1.000461575954067);
        assertThat(rc.kSpreadMC(-1, 40.0, -1.3, 2.0, 41.0, 0, 0)).isEqualTo(expected).isEqualTo(0.9987610440884966);
    }

    @Test
    void smearingAtTheMedianLeavesOnlyTheScaleAndGrowsWithU() {
        // invcdf(0.5) = 0 for the symmetric Crystal Ball, so the extra smearing factor is exactly 1
        for (int layers : new int[] {5, 6, 10, 18, 25}) {
            assertThat(rc.kSmearMC(1, 30.0, 0.3, -0.5, layers, 0.5, 0, 0)).as("%d layers", layers)
                    .isCloseTo(rc.kScaleMC(1, 30.0, 0.3, -0.5, 0, 0), within(1e-15));
        }
        // a larger deviate means a larger measured momentum, hence a smaller factor
        double previous = Double.POSITIVE_INFINITY;
        for (double u : new double[] {1e-9, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-9}) {
            double k = rc.kSmearMC(1, 30.0, 0.3, -0.5, 12, u, 0, 0);
            assertThat(k).as("u=%s", u).isLessThanOrEqualTo(previous).isPositive();
            previous = k;
        }
    }

    @Test
    void crystalBallInverseUndoesItsCdfInCoreAndTails() {
        CrystalBall cb = new CrystalBall(1.0, 1.5, 4.0);
        assertThat(cb.cdf(0)).isCloseTo(0.5, within(1e-15));
        for (double x : new double[] {-20, -5, -1.6, -1.5, -1.4, -0.3, 0.0, 0.7, 1.4, 1.5, 1.6, 5, 20}) {
            assertThat(cb.invcdf(cb.cdf(x))).as("x=%s", x).isCloseTo(x, within(1e-9 * Math.max(1, Math.abs(x))));
        }
        // the tails join the core continuously at ±a·s
        assertThat(cb.cdf(Math.nextDown(-1.5))).isCloseTo(cb.cdf(Math.nextUp(-1.5)), within(1e-12));
        assertThat(cb.cdf(Math.nextDown(1.5))).isCloseTo(cb.cdf(Math.nextUp(1.5)), within(1e-12));
    }

    @Test
    void inverseErfAgreesWithTabulatedValues() {
        // erfinv(0.5) and erfinv(0.9) from Mathematica / mpmath to 17 digits
        assertThat(CrystalBall.inverseErf(0.5)).isCloseTo(0.47693627620446987, within(2e-16));
        assertThat(CrystalBall.inverseErf(0.9)).isCloseTo(1.1630871536766743, within(4e-16));
        assertThat(CrystalBall.inverseErf(-0.9)).isEqualTo(-CrystalBall.inverseErf(0.9));
        for (double y = -0.999; y < 1; y += 0.037) {
            assertThat(SpecialFunctions.erf(CrystalBall.inverseErf(y))).isCloseTo(y, within(4e-16));
        }
    }

    @Test
    void errorsCombineSetsInQuadrature() {
        RochesterCorrection.Member f = (s, m) -> rc.kScaleDT(-1, 41.76271057128906, 1.411865234375,
                -1.27197265625, s, m);
        double total = rc.error(f);
        double sum = 0;
        for (int s = 0; s < rc.sets(); s++) {
            sum += rc.error(f, s) * rc.error(f, s);
        }
        assertThat(total).isCloseTo(Math.sqrt(sum), within(1e-18)).isPositive();
        // a one-member systematic set: its error is the distance of its member from the nominal
        assertThat(rc.error(f, 2)).isEqualTo(Math.abs(1.0026845370758664 - 1.0028180501934647));
        assertThat(rc.error(f, 0)).isZero();
    }

    @Test
    void simulationResultsDoNotDependOnChunking() {
        // 3 events: 2, 0 and 3 muons; the second muon of event 0 and the first of event 2 unmatched
        int[] offsets = {0, 2, 2, 5};
        EventIds ids = new EventIds(new int[] {1, 1, 1}, new int[] {7, 7, 8}, new long[] {100, 101, 102});
        int[] q = {1, -1, 1, -1, 1};
        float[] pt = {30f, 25f, 60f, 12f, 8f};
        float[] eta = {0.1f, -1.9f, 2.3f, -0.5f, 1.0f};
        float[] phi = {0.4f, -3.1f, 2.0f, 1.0f, -0.2f};
        float[] gen = {30.5f, Float.NaN, Float.NaN, 11.7f, 8.1f};
        int[] layers = {12, 8, 15, 10, 7};
        MuonScale scale = new MuonScale(rc);
        double[] all = scale.mc(offsets, ids, q, pt, eta, phi, gen, layers, 0, 0);
        double[] lastEvent = scale.mc(new int[] {0, 3},
                new EventIds(new int[] {1}, new int[] {8}, new long[] {102}),
                new int[] {1, -1, 1}, new float[] {60f, 12f, 8f}, new float[] {2.3f, -0.5f, 1.0f},
                new float[] {2.0f, 1.0f, -0.2f}, new float[] {Float.NaN, 11.7f, 8.1f}, new int[] {15, 10, 7}, 0, 0);
        assertThat(new double[] {all[2], all[3], all[4]}).containsExactly(lastEvent);
        assertThat(all[0]).isEqualTo(rc.kSpreadMC(1, 30f, 0.1f, 0.4f, 30.5f, 0, 0));
        assertThat(all[1]).isEqualTo(rc.kSmearMC(-1, 25f, -1.9f, -3.1f, 8, MuonScale.uniform(ids, 0, 1), 0, 0));
        assertThat(MuonScale.uniform(ids, 0, 1)).isNotEqualTo(MuonScale.uniform(ids, 0, 0)).isBetween(0.0, 1.0);
        double[] err = scale.mcError(offsets, ids, q, pt, eta, phi, gen, layers);
        for (double e : err) {
            assertThat(e).isPositive().isLessThan(0.05);
        }
    }

    @Test
    void matchedGenPtFollowsGenPartIdxWithinEachEvent() {
        int[] muonOffsets = {0, 2, 3};
        int[] genPartIdx = {1, -1, 0};
        int[] genOffsets = {0, 3, 5};
        float[] genPt = {10f, 20f, 30f, 40f, 50f};
        assertThat(MuonScale.matchedGenPt(muonOffsets, genPartIdx, genOffsets, genPt))
                .containsExactly(20f, Float.NaN, 40f);
        assertThatThrownBy(() -> MuonScale.matchedGenPt(muonOffsets, new int[] {1, -1, 2}, genOffsets, genPt))
                .hasMessageContaining("Muon_genPartIdx 2 of muon 0 in event 1 points past the event's 2 GenPart entries");
    }

    private static final String HEADER = "NSET 1\nNMEM 1\nTVAR 0\nCPHI 2\nCETA 1 -2.4 2.4\nRMIN 6\nRTRK 1\nRETA 1 0 2.4\n";

    @Test
    void malformedFilesAreReportedWithFileAndLine() {
        assertThatThrownBy(() -> RochesterCorrection.parse("bad.txt", HEADER + "0 0 C 1 0 0 0.1\n"))
                .isInstanceOf(CorrectionFileException.class)
                .hasMessage("bad.txt:9: expected 8 fields on a '0 0 C' line, found 7");
        assertThatThrownBy(() -> RochesterCorrection.parse("bad.txt", HEADER + "0 0 X 1\n"))
                .hasMessage("bad.txt:9: unknown tag 'X'; expected C, F, R or T");
        assertThatThrownBy(() -> RochesterCorrection.parse("bad.txt", HEADER + "0 3 F 0 1.0\n"))
                .hasMessage("bad.txt:9: member of set 0 3 out of range [0, 1)");
        assertThatThrownBy(() -> RochesterCorrection.parse("bad.txt", HEADER + "0 0 F 0 abc\n"))
                .hasMessage("bad.txt:9: value 1 is not a number: 'abc'");
        assertThatThrownBy(() -> RochesterCorrection.parse("bad.txt", "0 0 F 0 1.0\n"))
                .hasMessageContaining("bad.txt:1: parameters before the complete header");
        assertThatThrownBy(() -> RochesterCorrection.parse("bad.txt", HEADER + "0 0 F 0 1.0\n"))
                .hasMessage("bad.txt: set 0 member 0 lacks the parameter line 'C 0 0 0'");
    }

    @Test
    void aCompleteMinimalFileEvaluates() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int t = 0; t < 2; t++) {
            text.append("0 0 C ").append(t).append(" 0 0 1.0 -1.0\n");
            text.append("0 0 C ").append(t).append(" 1 0 0.01 0.02\n");
            text.append("0 0 F ").append(t).append(' ').append(t == 0 ? "1.0" : "1.1").append('\n');
        }
        double[] r = {0.01, 0.0001, 0.1, 1.0, 1.5, 4.0};
        for (int v = 0; v < 6; v++) {
            text.append("0 0 R ").append(v).append(" 0 ").append(r[v]).append('\n');
        }
        RochesterCorrection small = RochesterCorrection.parse("small.txt", text.toString());
        // phi < 0 is bin 0: M = 1.01, A = 0.0001; k = 1 / (1.01 + 0.0001 * 50)
        assertThat(small.kScaleDT(1, 50, 0.0, -1.0, 0, 0)).isEqualTo(1.0 / (1.01 + 1 * 0.0001 * 50));
        // phi >= 0 is bin 1: M = 0.99, A = 0.0002, negative charge
        assertThat(small.kScaleDT(-1, 50, 3.0, 1.0, 0, 0)).isEqualTo(1.0 / (0.99 + -1 * 0.0002 * 50));
        assertThat(Path.of(small.source())).hasToString("small.txt");
    }
}
