package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the worked example of package-info.java (keep the two in step) and checks its numbers by hand. */
class PackageExampleTest {
    @Test
    void workedExample(@TempDir Path dir) throws Exception {
        Hist h = Hist.builder().name("mjj").label("dijet mass")
                .axis(StrCategoryAxis.growing("dataset"))
                .axis(StrCategoryAxis.of("category", "SR", "CR"))
                .axis(StrCategoryAxis.growing(Hist.VARIATION_AXIS))
                .axis(RegularAxis.of("mass", 30, 0, 300).withLabel("m_{jj}").withUnit("GeV"))
                .build();

        int[] category = {0, 1, 0, 0};
        double[] mass = {91.5, 125.0, 300.0, Double.NaN};
        String[] variations = {"nominal", "jesUp", "jesDown"};
        double[][] weights = {
            {1.0, 0.5, 2.0, 1.0},
            {1.25, 0.5, 2.0, 1.0},
            {0.75, 0.5, 2.0, 1.0}};
        h.fillVariations(new Object[] {"ttbar", category, mass}, variations, weights);

        Hist other = h.emptyCopy();
        other.fillVariations(new Object[] {"dy", new int[] {0}, new double[] {91.0}},
                new String[] {"nominal"}, new double[][] {{3.0}});
        h.add(other);

        Hist sr = h.at("dataset", "ttbar").at("category", "SR").at(Hist.VARIATION_AXIS, "nominal");
        double[] counts = sr.values(false);
        Hist massOnly = h.at(Hist.VARIATION_AXIS, "nominal").project("mass");
        UhiJson.write(dir.resolve("mjj.json"), h);
        String table = HistTable.toText(sr.rebin("mass", 10), true);

        // By hand: ttbar SR nominal has 91.5 (w=1) in bin 9 = [90, 100); 300 and NaN (w=2, w=1) overflow.
        assertThat(counts).hasSize(30);
        assertThat(counts[9]).isEqualTo(1.0);
        assertThat(sr.value(30)).isEqualTo(3.0);
        assertThat(h.at("dataset", "ttbar").at("category", "SR").at(Hist.VARIATION_AXIS, "jesUp").value(9)).isEqualTo(1.25);
        // All datasets and categories, nominal: 91.5 (1) + 91.0 (3) in bin 9, 125 (0.5) in bin 12.
        assertThat(massOnly.value(9)).isEqualTo(4.0);
        assertThat(massOnly.value(12)).isEqualTo(0.5);
        assertThat(((StrCategoryAxis) h.axis("dataset")).categories()).containsExactly("ttbar", "dy");
        assertThat(UhiJson.read(dir.resolve("mjj.json"))).isEqualTo(h);
        assertThat(table).contains("[0, 100)").contains("overflow");
    }
}
