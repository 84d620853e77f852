package org.crema.correctionlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Bin look-up against a linear scan of the edges (the definition: {@code e[k] <= x < e[k+1]}, the
 * last edge and NaN are overflow), for random edges and values, under every flow, through both the
 * scalar and the whole-chunk path.
 */
class BinningPropertiesTest {

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-20, 20),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0, 5.0));
    }

    private static int linearBin(double[] e, double x) {
        if (!(x >= e[0])) {
            return Double.isNaN(x) ? -2 : -1;
        }
        for (int k = 0; k + 1 < e.length; k++) {
            if (x >= e[k] && x < e[k + 1]) {
                return k;
            }
        }
        return -2;
    }

    @Property(tries = 300)
    void edgesAgreeWithLinearScan(@ForAll @Size(min = 2, max = 12) int[] rawEdges, @ForAll @Size(max = 30) java.util.List<@net.jqwik.api.From("values") Double> xs,
            @ForAll @IntRange(min = 0, max = 2) int flowKind) {
        double[] e = Arrays.stream(rawEdges).distinct().sorted().mapToDouble(i -> i % 15).distinct().sorted().toArray();
        if (e.length < 2) {
            return;
        }
        int nb = e.length - 1;
        StringBuilder content = new StringBuilder();
        for (int k = 0; k < nb; k++) {
            content.append(k > 0 ? "," : "").append(k + 1);
        }
        String flow = switch (flowKind) {
            case 0 -> "\"clamp\"";
            case 1 -> "\"error\"";
            default -> "-7.5";
        };
        Correction c = TestData.set("{\"name\": \"b\", \"version\": 1, \"inputs\": [{\"name\": \"x\", \"type\": \"real\"}],"
                + " \"output\": {\"name\": \"o\", \"type\": \"real\"}, \"data\": {\"nodetype\": \"binning\", \"input\": \"x\","
                + " \"edges\": " + Arrays.toString(e) + ", \"content\": [" + content + "], \"flow\": " + flow + "}}").correction("b");
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int b = linearBin(e, x[i]);
            if (b >= 0) {
                expected[i] = b + 1;
            } else if (flowKind == 0) {
                expected[i] = b == -1 ? 1 : nb;
            } else if (flowKind == 1) {
                expected[i] = Double.NaN; // error
            } else {
                expected[i] = -7.5;
            }
        }
        Evaluation ev = c.bind().column("x", x).evaluate(x.length, ErrorPolicy.COLLECT);
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToLongBits(ev.values()[i])).as("x = %s, edges %s", x[i], Arrays.toString(e))
                    .isEqualTo(Double.doubleToLongBits(expected[i]));
            double scalar;
            try {
                scalar = c.evaluate(x[i]);
            } catch (CorrectionDomainException ex) {
                scalar = Double.NaN;
            }
            assertThat(Double.doubleToLongBits(scalar)).isEqualTo(Double.doubleToLongBits(expected[i]));
        }
        if (flowKind != 1) {
            assertThat(c.bind().column("x", x).evaluate(x.length)).containsExactly(expected);
        }
    }
}
