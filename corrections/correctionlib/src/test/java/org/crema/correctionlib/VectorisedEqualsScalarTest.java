package org.crema.correctionlib;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Property: for random inputs the vectorised path returns exactly what the scalar path returns. */
class VectorisedEqualsScalarTest {
    private static final CorrectionSet MY = CorrectionSet.load(TestData.bundled("mycorrections.json"));
    private static final CorrectionSet SF2D = CorrectionSet.load(TestData.bundled("testSF2d.corr.json.gz"));

    @Property(tries = 200)
    void multibinningAndFormulas(@ForAll @Size(max = 40) double[] pt, @ForAll @DoubleRange(min = -4, max = 4) double eta) {
        double[] etas = new double[pt.length];
        long[] charge = new long[pt.length];
        String[] syst = new String[pt.length];
        for (int i = 0; i < pt.length; i++) {
            etas[i] = eta * (i % 3 - 1);
            charge[i] = i % 2 == 0 ? 1 : -1;
            syst[i] = i % 2 == 0 ? "MuonEffUp" : "nominal";
        }
        Correction g = MY.correction("gen2_to_gen1");
        double[] v = g.bind().column("pt", pt).column("eta", etas).evaluate();
        Correction w = MY.correction("ptweight");
        double[] vw = w.bind().column("pt", pt).column("syst", syst).evaluate();
        Correction phi = MY.correction("phimod");
        double[] vp = phi.bind().column("phi", pt).column("q", charge).evaluate();
        Correction sf = SF2D.correction("scalefactors_Tight_Electron");
        double[] vs = sf.bind().column("axis1", pt).column("axis0", etas).evaluate();
        for (int i = 0; i < pt.length; i++) {
            assertThat(v[i]).isEqualTo(g.evaluate(pt[i], etas[i]));
            assertThat(vw[i]).isEqualTo(w.evaluate(pt[i], syst[i]));
            assertThat(Double.doubleToLongBits(vp[i])).isEqualTo(Double.doubleToLongBits(phi.evaluate(pt[i], charge[i])));
            assertThat(vs[i]).isEqualTo(sf.evaluate(etas[i], pt[i]));
        }
    }
}
