package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crema.columnar.CartesianKinematics;
import org.crema.columnar.Combinations;
import org.crema.columnar.Combinatorics;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.FourVectors;
import org.crema.columnar.Kinematics;
import org.crema.columnar.ListColumn;
import org.crema.columnar.Selection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * crema's double kinematics against an independent float64 loop written here in plain Java, on
 * every bundled and shared NanoAOD sample with jets: ΔR of every jet pair and every jet–muon pair,
 * the leading-dijet mass, and the mass and pt of every three-jet combination.
 *
 * <p>Comparisons are bit-exact. The loop uses the documented formulas (px = pt cos φ, py = pt sin
 * φ, pz = pt sinh η, E = √(px² + py² + pz² + m²), sums in slot order, M = √max(E² − p², 0), Δφ by
 * floor-mod, ΔR = √(Δη² + Δφ²)) with {@link Math}'s functions; every other step is a correctly
 * rounded IEEE operation, so equal inputs give equal bits. The transcendental functions are the
 * same {@code Math} methods in the same JVM (HotSpot runs its intrinsic stubs in the interpreter
 * too, so they do not change with compilation), hence no tolerance is needed.
 */
class KinematicsOnRealFilesTest {

    static Stream<Path> samplesWithJets() {
        List<Path> files = new ArrayList<>();
        for (Path p : TestData.bundledRootFiles()) {
            if (p.getParent().getFileName().toString().equals("nanoaod")) {
                files.add(p);
            }
        }
        for (Path p : TestData.sharedRootFiles()) {
            // the shared folder also holds large benchmark inputs: those are for throughput, not here
            if (p.getParent().getFileName().toString().equals("nanoaod") && !p.getFileName().toString().contains("bench")) {
                files.add(p);
            }
        }
        return files.stream().filter(KinematicsOnRealFilesTest::hasJets);
    }

    private static boolean hasJets(Path file) {
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("Events");
            return t.has("Jet_pt") && t.has("Jet_eta") && t.has("Jet_phi") && t.has("Jet_mass");
        }
    }

    @SuppressWarnings("unchecked")
    private static ListColumn<FloatColumn> floats(Tree t, String branch) {
        return (ListColumn<FloatColumn>) t.read(branch, 0, t.entries());
    }

    /** The independent reference: one object's Cartesian components from the stored floats. */
    private record P4(double px, double py, double pz, double e) {
        static P4 of(float pt, float eta, float phi, float mass) {
            double p = pt;
            double m = mass;
            double x = p * StrictMath.cos(phi);
            double y = p * StrictMath.sin(phi);
            double z = p * StrictMath.sinh(eta);
            return new P4(x, y, z, Math.sqrt(x * x + y * y + z * z + m * m));
        }

        P4 plus(P4 o) {
            return new P4(px + o.px, py + o.py, pz + o.pz, e + o.e);
        }

        double mass() {
            return Math.sqrt(Math.max(e * e - (px * px + py * py + pz * pz), 0));
        }

        double pt() {
            return Math.sqrt(px * px + py * py);
        }
    }

    private static double deltaR(float eta1, float phi1, float eta2, float phi2) {
        double deta = (double) eta1 - (double) eta2;
        double d = (double) phi1 - (double) phi2;
        double twoPi = 2 * Math.PI;
        double dphi = d - twoPi * Math.floor((d + Math.PI) / twoPi);
        return Math.sqrt(deta * deta + dphi * dphi);
    }

    private static float at(ListColumn<FloatColumn> l, int e, int j) {
        return l.content().get(l.start(e) + j);
    }

    private static void assertBits(String what, double expected, double actual) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            throw new AssertionError(what + ": expected " + expected + " but crema gave " + actual);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesWithJets")
    void matchesAnIndependentFloat64Loop(Path file) {
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("Events");
            int n = (int) t.entries();
            ListColumn<FloatColumn> pt = floats(t, "Jet_pt");
            ListColumn<FloatColumn> eta = floats(t, "Jet_eta");
            ListColumn<FloatColumn> phi = floats(t, "Jet_phi");
            ListColumn<FloatColumn> mass = floats(t, "Jet_mass");
            Kinematics jets = Kinematics.of(pt, eta, phi, mass);
            String name = file.getFileName().toString();

            // every jet pair: ΔR and pair mass
            Combinations pairs = Combinatorics.pairs(pt);
            ListColumn<DoubleColumn> pairDr = pairs.select(0, jets).deltaR(pairs.select(1, jets));
            ListColumn<DoubleColumn> pairMass = pairs.sum(jets).mass();
            // leading dijet
            DoubleColumn mjj = FourVectors.pairMass(Selection.kth(pt, 0, Float.NaN), Selection.kth(eta, 0, Float.NaN),
                    Selection.kth(phi, 0, Float.NaN), Selection.kth(mass, 0, Float.NaN),
                    Selection.kth(pt, 1, Float.NaN), Selection.kth(eta, 1, Float.NaN),
                    Selection.kth(phi, 1, Float.NaN), Selection.kth(mass, 1, Float.NaN));
            // every trijet, two ways: straight from the index arrays, and by chaining add on gathered slots
            Combinations tri = Combinatorics.triplets(pt);
            CartesianKinematics trijets = tri.sum(jets);
            CartesianKinematics chained = tri.select(0, jets).add(tri.select(1, jets)).add(tri.select(2, jets));
            ListColumn<DoubleColumn> triMass = trijets.mass();
            ListColumn<DoubleColumn> triPt = trijets.pt();
            ListColumn<DoubleColumn> chainedMass = chained.mass();
            ListColumn<DoubleColumn> chainedPt = chained.pt();

            long pairsSeen = 0;
            long trijetsSeen = 0;
            for (int e = 0; e < n; e++) {
                int nj = pt.count(e);
                P4[] p = new P4[nj];
                for (int j = 0; j < nj; j++) {
                    p[j] = P4.of(at(pt, e, j), at(eta, e, j), at(phi, e, j), at(mass, e, j));
                }
                int k = 0;
                for (int a = 0; a < nj; a++) {
                    for (int b = a + 1; b < nj; b++) {
                        String where = name + " event " + e + " jets " + a + "," + b;
                        assertBits(where + " ΔR", deltaR(at(eta, e, a), at(phi, e, a), at(eta, e, b), at(phi, e, b)),
                                pairDr.content().get(pairDr.start(e) + k));
                        assertBits(where + " mass", p[a].plus(p[b]).mass(), pairMass.content().get(pairMass.start(e) + k));
                        k++;
                        pairsSeen++;
                    }
                }
                assertBits(name + " event " + e + " leading dijet mass", nj >= 2 ? p[0].plus(p[1]).mass() : Double.NaN, mjj.get(e));
                k = 0;
                for (int a = 0; a < nj; a++) {
                    for (int b = a + 1; b < nj; b++) {
                        for (int c = b + 1; c < nj; c++) {
                            P4 s = p[a].plus(p[b]).plus(p[c]);
                            String where = name + " event " + e + " trijet " + a + "," + b + "," + c;
                            assertBits(where + " mass", s.mass(), triMass.content().get(triMass.start(e) + k));
                            assertBits(where + " pt", s.pt(), triPt.content().get(triPt.start(e) + k));
                            assertBits(where + " chained mass", s.mass(), chainedMass.content().get(chainedMass.start(e) + k));
                            assertBits(where + " chained pt", s.pt(), chainedPt.content().get(chainedPt.start(e) + k));
                            k++;
                            trijetsSeen++;
                        }
                    }
                }
            }
            assertThat(triMass.totalCount()).isEqualTo((int) trijetsSeen);
            assertThat(pairDr.totalCount()).isEqualTo((int) pairsSeen);
            if (n > 0) {
                assertThat(pairsSeen).as("%s has jet pairs", name).isPositive();
            }

            if (t.has("Muon_eta") && t.has("Muon_phi")) {
                ListColumn<FloatColumn> muEta = floats(t, "Muon_eta");
                ListColumn<FloatColumn> muPhi = floats(t, "Muon_phi");
                ListColumn<ListColumn<DoubleColumn>> table = FourVectors.deltaRTable(eta, phi, muEta, muPhi);
                for (int e = 0; e < n; e++) {
                    for (int j = 0; j < pt.count(e); j++) {
                        ListColumn<DoubleColumn> rows = table.content();
                        int row = table.start(e) + j;
                        assertThat(rows.count(row)).isEqualTo(muEta.count(e));
                        for (int m = 0; m < muEta.count(e); m++) {
                            assertBits(name + " event " + e + " jet " + j + " muon " + m + " ΔR",
                                    deltaR(at(eta, e, j), at(phi, e, j), at(muEta, e, m), at(muPhi, e, m)),
                                    rows.content().get(rows.start(row) + m));
                        }
                    }
                }
            }
        }
    }
}
