package org.crema.processor.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.StrCategoryAxis;
import org.crema.processor.DatasetInfo;
import org.crema.processor.DatasetMetadata;
import org.crema.processor.internal.Serialization;

/** Merge laws for histogram, metadata and normalisation accumulators, and their serialized form. */
class HistAccumulatorTest {

    static Hist hist(List<Double> xs, List<Double> ws, String cat) {
        Hist h = Hist.of(StrCategoryAxis.of("category", "a", "b"), RegularAxis.of("x", 10, 0, 10));
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] w = new double[x.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = ws.get(i % ws.size());
        }
        return h.fillWeighted(w, cat, x);
    }

    @Provide
    Arbitrary<HistAccumulator> hists() {
        // Dyadic weights: bin sums are exact, so the laws can be checked with equals().
        Arbitrary<List<Double>> xs = Arbitraries.integers().between(-20, 120).map(i -> i / 10.0).list().ofMaxSize(8);
        Arbitrary<List<Double>> ws = Arbitraries.integers().between(-16, 16).map(i -> i / 4.0).list().ofMinSize(1)
                .ofMaxSize(3);
        Arbitrary<Hist> h = Combinators.combine(xs, ws, Arbitraries.of("a", "b")).as(HistAccumulatorTest::hist);
        return Combinators.combine(h.injectNull(0.3), h.injectNull(0.3)).as((m, p) -> {
            HistAccumulator acc = HistAccumulator.empty();
            if (m != null) {
                acc = acc.with("mass", m);
            }
            if (p != null) {
                acc = acc.with("pt", p);
            }
            return acc;
        });
    }

    @Property(tries = 200)
    void mergeLaws(@ForAll("hists") HistAccumulator a, @ForAll("hists") HistAccumulator b,
            @ForAll("hists") HistAccumulator c) {
        AccumulatorMergePropertiesTest.laws(a, b, c);
    }

    @Property(tries = 50)
    void serializationKeepsEveryBinExactly(@ForAll("hists") HistAccumulator a) throws Exception {
        Object back = Serialization.read(new ByteArrayInputStream(Serialization.toBytes(a)),
                getClass().getClassLoader());
        assertThat(back).isEqualTo(a);
    }

    @Property(tries = 100)
    void datasetMetadataAndNormalisationLaws(@ForAll("names") String x, @ForAll("names") String y,
            @ForAll("names") String z) {
        AccumulatorMergePropertiesTest.laws(meta(x), meta(y), meta(z));
        AccumulatorMergePropertiesTest.laws(norm(x), norm(y), norm(z));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("", "DY", "TT", "data");
    }

    static DatasetMetadata meta(String name) {
        return name.isEmpty() ? DatasetMetadata.empty() : DatasetMetadata.of(DatasetInfo.of(name, true));
    }

    static Normalisation norm(String name) {
        return name.isEmpty() ? Normalisation.empty()
                : Normalisation.empty().with(name, new Normalisation.Entry(59830, name.length(), 2, 59830 * name.length() / 2.0));
    }

    @Property(tries = 10)
    void differentBinningDoesNotMerge(@ForAll("names") String ignored) {
        HistAccumulator a = HistAccumulator.empty().with("m", Hist.of(RegularAxis.of("x", 10, 0, 10)));
        HistAccumulator b = HistAccumulator.empty().with("m", Hist.of(RegularAxis.of("x", 20, 0, 10)));
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(AccumulatorMergeException.class)
                .hasMessageContaining("histogram 'm'");
        assertThatThrownBy(() -> DatasetMetadata.of(DatasetInfo.of("DY", true))
                .merge(DatasetMetadata.of(DatasetInfo.of("DY", false)))).hasMessageContaining("dataset 'DY'");
    }

    @Property(tries = 10)
    void storedHistogramsAreCopies(@ForAll("names") String ignored) {
        Hist h = Hist.of(RegularAxis.of("x", 10, 0, 10));
        HistAccumulator acc = HistAccumulator.of(Map.of("h", h));
        h.fill(new double[] {1, 2, 3});
        assertThat(acc.get("h").sum(true)).isZero();
        acc.get("h").fill(new double[] {1});
        assertThat(acc.get("h").sum(true)).isZero();
        assertThat(acc.scale(2).get("h").sum(true)).isZero();
    }
}
