package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistTableTest {
    @Test
    void csvHasOneRowPerBinWithLabelsAndFullPrecision() {
        Hist h = Hist.of(StrCategoryAxis.of("d", "a,b").withFlow(false), IntegerAxis.of("n", 0, 2).withUnit("jets"));
        h.fillWeighted(new double[] {0.1, 2}, new String[] {"a,b", "a,b"}, new int[] {1, 5});
        assertThat(HistTable.toCsv(h, true)).isEqualTo("""
                d,n [jets],value,variance
                "a,b",underflow,0,0
                "a,b","[0, 1)",0,0
                "a,b","[1, 2)",0.1,0.010000000000000002
                "a,b",overflow,2,4
                """);
        assertThat(HistTable.toCsv(h, false).lines()).hasSize(3);
    }

    @Test
    void textTableForProfilesShowsCountMeanAndVarianceOfMean() {
        Hist h = Hist.builder().name("prof").storage(Storage.MEAN).axis(BooleanAxis.of("b")).build();
        h.filler().values((Object) new boolean[] {true, true}).sample(new double[] {1, 3}).fill();
        String t = HistTable.toText(h, true);
        assertThat(t.lines().findFirst()).hasValue("prof (MEAN)");
        // true bin: count 2, mean 2, sample variance 2, variance of the mean 1
        assertThat(t).containsPattern("true\\s+2\\s+2\\s+1");
        assertThat(t).containsPattern("b\\s+count\\s+mean\\s+variance_of_mean");
    }
}
