package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the worked example of package-info.java on real NanoAOD jets, and checks it is quoted verbatim. */
class PackageExampleTest {
    @Test
    void workedExampleOnRealJets() {
        ListColumn<FloatColumn> jetPt = TestData.floatLists("nano_dy.json", "Jet_pt");
        ListColumn<FloatColumn> jetEta = TestData.floatLists("nano_dy.json", "Jet_eta");
        ListColumn<FloatColumn> jetPhi = TestData.floatLists("nano_dy.json", "Jet_phi");
        ListColumn<FloatColumn> jetMass = TestData.floatLists("nano_dy.json", "Jet_mass");
        ListColumn<IntColumn> jetId = TestData.intLists("nano_dy.json", "Jet_jetId");

        // example-start
        ListColumn<BoolColumn> good = Masks.and(
                Masks.and(Masks.gt(jetPt, 30f), Masks.lt(Arith.abs(jetEta), 2.4f)),
                Masks.hasBits(jetId, 2));                       // jetId bit 1: tight
        Kinematics jets = Kinematics.of(jetPt, jetEta, jetPhi, jetMass).filter(good);
        FloatColumn leadingPt = Selection.leading(jets.pt(), Float.NaN);
        BoolColumn twoJets = Masks.ge(Selection.counts(jets.pt()), 2);
        DoubleColumn mjj = FourVectors.pairMass(
                Selection.kth(jets.pt(), 0, Float.NaN), Selection.kth(jets.eta(), 0, Float.NaN),
                Selection.kth(jets.phi(), 0, Float.NaN), Selection.kth(jets.mass(), 0, Float.NaN),
                Selection.kth(jets.pt(), 1, Float.NaN), Selection.kth(jets.eta(), 1, Float.NaN),
                Selection.kth(jets.phi(), 1, Float.NaN), Selection.kth(jets.mass(), 1, Float.NaN));
        DoubleColumn mjjSelected = Selection.filterEvents(mjj, twoJets);
        // example-end

        // independent reference: the same selection by hand on the reference lists (as the stored
        // floats), masses with the documented double formulas, so the result is bit-identical
        double[][] pt = TestData.firstLists("nano_dy.json", "Jet_pt");
        double[][] eta = TestData.firstLists("nano_dy.json", "Jet_eta");
        double[][] phi = TestData.firstLists("nano_dy.json", "Jet_phi");
        double[][] m = TestData.firstLists("nano_dy.json", "Jet_mass");
        double[][] id = TestData.firstLists("nano_dy.json", "Jet_jetId");
        java.util.List<Double> expectedMjj = new java.util.ArrayList<>();
        for (int e = 0; e < pt.length; e++) {
            java.util.List<Integer> sel = new java.util.ArrayList<>();
            for (int j = 0; j < pt[e].length; j++) {
                if (pt[e][j] > 30 && Math.abs(eta[e][j]) < 2.4 && (((int) id[e][j]) & 2) != 0) {
                    sel.add(j);
                }
            }
            assertThat(leadingPt.get(e)).isEqualTo(sel.isEmpty() ? Float.NaN : (float) pt[e][sel.get(0)]);
            if (sel.size() >= 2) {
                double[] x = new double[2], y = new double[2], z = new double[2], en = new double[2];
                for (int k = 0; k < 2; k++) {
                    int j = sel.get(k);
                    double p = (float) pt[e][j];
                    double mm = (float) m[e][j];
                    x[k] = p * StrictMath.cos((float) phi[e][j]);
                    y[k] = p * StrictMath.sin((float) phi[e][j]);
                    z[k] = p * StrictMath.sinh((float) eta[e][j]);
                    en[k] = Math.sqrt(x[k] * x[k] + y[k] * y[k] + z[k] * z[k] + mm * mm);
                }
                double px = x[0] + x[1], py = y[0] + y[1], pz = z[0] + z[1], es = en[0] + en[1];
                expectedMjj.add(Math.sqrt(Math.max(es * es - (px * px + py * py + pz * pz), 0)));
            }
        }
        assertThat(mjjSelected.length()).isEqualTo(expectedMjj.size()).isGreaterThan(0);
        for (int i = 0; i < expectedMjj.size(); i++) {
            assertThat(mjjSelected.get(i)).isEqualTo(expectedMjj.get(i));
        }
    }

    @Test
    void packageInfoQuotesTheExampleVerbatim() throws IOException {
        Path root = TestData.root().resolve("core-columnar/src");
        String test = Files.readString(root.resolve("test/java/org/crema/columnar/PackageExampleTest.java"));
        String doc = Files.readString(root.resolve("main/java/org/crema/columnar/package-info.java"));
        String example = test.substring(test.indexOf("// example-start") + "// example-start".length(), test.indexOf("        // example-end"));
        String quoted = doc.substring(doc.indexOf("<pre>{@code") + "<pre>{@code".length(), doc.indexOf("}</pre>"));
        assertThat(normalize(quoted.replace("\n *", "\n"))).isEqualTo(normalize(example));
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
