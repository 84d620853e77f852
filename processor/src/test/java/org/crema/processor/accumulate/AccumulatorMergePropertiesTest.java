package org.crema.processor.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.IntColumn;
import org.crema.processor.Chunk;
import org.crema.processor.DatasetInfo;

/**
 * Merge laws for every accumulator: associative, commutative, identity, and pure (operands unchanged),
 * and a {@link Accumulator#fold} equals the left fold of merges. Everything is compared exactly:
 * weights are arbitrary doubles over many decades (whose double sums would round differently in
 * every order), and the exact sums must still agree bit for bit.
 */
class AccumulatorMergePropertiesTest {

    static <A extends Accumulator<A>> void laws(A a, A b, A c) {
        A aCopy = a.merge(a.identity());
        A bCopy = b.merge(b.identity());
        assertThat(aCopy).isEqualTo(a);
        assertThat(a.identity().merge(a)).isEqualTo(a);
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a).isEqualTo(aCopy);
        assertThat(b).isEqualTo(bCopy);
        Accumulator.Fold<A> f = a.fold();
        f.add(b);
        f.add(c);
        assertThat(f.result()).isEqualTo(a.merge(b).merge(c));
        assertThat(a).isEqualTo(aCopy);
        assertThat(b).isEqualTo(bCopy);
    }

    /** Doubles of both signs over twenty decades. */
    static Arbitrary<Double> weights() {
        return Combinators.combine(Arbitraries.doubles().between(-1, 3), Arbitraries.integers().between(-10, 10))
                .as((m, e) -> m * Math.pow(10, e));
    }

    static Arbitrary<Double> dyadic() {
        return Arbitraries.integers().between(-800, 800).map(i -> i / 8.0);
    }

    @Provide
    Arbitrary<Counter> counters() {
        return Arbitraries.longs().between(0, 1L << 40).map(Counter::of);
    }

    @Property(tries = 200)
    void counter(@ForAll("counters") Counter a, @ForAll("counters") Counter b, @ForAll("counters") Counter c) {
        laws(a, b, c);
    }

    @Provide
    Arbitrary<Sum> sums() {
        return weights().list().ofMaxSize(20)
                .map(w -> Sum.of(w.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    @Property(tries = 200)
    void sum(@ForAll("sums") Sum a, @ForAll("sums") Sum b, @ForAll("sums") Sum c) {
        laws(a, b, c);
    }

    @Provide
    Arbitrary<SetAccumulator<String>> sets() {
        return Arbitraries.strings().alpha().ofMaxLength(3).set().ofMaxSize(6).map(SetAccumulator::of);
    }

    @Property(tries = 200)
    void set(@ForAll("sets") SetAccumulator<String> a, @ForAll("sets") SetAccumulator<String> b,
            @ForAll("sets") SetAccumulator<String> c) {
        laws(a, b, c);
    }

    private static final List<String> STEPS = List.of("initial", "skim", "twoMuons");

    @Provide
    Arbitrary<Cutflow> cutflows() {
        Arbitrary<Cutflow.Key> keys = Combinators.combine(Arbitraries.of("DY", "data"), Arbitraries.of("all", "os"),
                Arbitraries.of("nominal", "muonScaleUp")).as(Cutflow.Key::new);
        Arbitrary<List<Cutflow.Step>> steps = Combinators.combine(Arbitraries.longs().between(0, 100).list().ofSize(3),
                weights().list().ofSize(3)).as((n, w) -> {
                    List<Cutflow.Step> s = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        s.add(new Cutflow.Step(STEPS.get(i), n.get(i), w.get(i)));
                    }
                    return s;
                });
        return Combinators.combine(keys, steps).as(Map::entry).list().ofMaxSize(4).map(entries -> {
            Cutflow cf = Cutflow.empty();
            for (var e : entries) {
                cf = cf.with(e.getKey(), e.getValue());
            }
            return cf;
        });
    }

    @Property(tries = 200)
    void cutflow(@ForAll("cutflows") Cutflow a, @ForAll("cutflows") Cutflow b, @ForAll("cutflows") Cutflow c) {
        laws(a, b, c);
    }

    @Provide
    Arbitrary<AccumulatorMap> maps() {
        return Combinators.combine(counters().injectNull(0.3), sums().injectNull(0.3), cutflows().injectNull(0.3),
                counters().injectNull(0.5)).as((n, s, cf, nested) -> {
                    Map<String, Accumulator<?>> m = new LinkedHashMap<>();
                    if (n != null) {
                        m.put("events", n);
                    }
                    if (s != null) {
                        m.put("sumw", s);
                    }
                    if (cf != null) {
                        m.put("cutflow", cf);
                    }
                    if (nested != null) {
                        m.put("nested", AccumulatorMap.empty().with("inner", nested));
                    }
                    return AccumulatorMap.of(m);
                });
    }

    @Property(tries = 200)
    void accumulatorMap(@ForAll("maps") AccumulatorMap a, @ForAll("maps") AccumulatorMap b,
            @ForAll("maps") AccumulatorMap c) {
        laws(a, b, c);
    }

    private static Chunk chunk(String file, long start) {
        return new Chunk(0, DatasetInfo.of("DY", true), file, "Events", start, start + 10, 1000);
    }

    @Provide
    Arbitrary<ColumnListAccumulator> columnLists() {
        return Combinators.combine(Arbitraries.of("a.root", "b.root"), Arbitraries.longs().between(0, 50),
                dyadic().list().ofMaxSize(5)).as((f, s, vals) -> {
                    double[] d = vals.stream().mapToDouble(Double::doubleValue).toArray();
                    int[] idx = new int[d.length];
                    return ColumnListAccumulator.of(chunk(f, s * 10).key(), Map.of("mass", DoubleColumn.of(d),
                            "n", IntColumn.of(idx)));
                }).list().ofMaxSize(3).uniqueElements(c -> c.parts().firstKey()).map(list -> {
                    ColumnListAccumulator acc = ColumnListAccumulator.empty();
                    for (ColumnListAccumulator c : list) {
                        acc = acc.merge(c);
                    }
                    return acc;
                });
    }

    @Property(tries = 200)
    void columnList(@ForAll("columnLists") ColumnListAccumulator a, @ForAll("columnLists") ColumnListAccumulator b,
            @ForAll("columnLists") ColumnListAccumulator c) {
        Set<ChunkKey> ka = a.parts().keySet();
        // Parts identify chunks; merging the same chunk twice is an error, so test disjoint inputs.
        net.jqwik.api.Assume.that(java.util.Collections.disjoint(ka, b.parts().keySet())
                && java.util.Collections.disjoint(ka, c.parts().keySet())
                && java.util.Collections.disjoint(b.parts().keySet(), c.parts().keySet()));
        laws(a, b, c);
    }

    @org.junit.jupiter.api.Test
    void aChunkMergedTwiceIsRefusedAndTheSamePartIsNot() {
        ChunkKey key = new ChunkKey("DY", "nano_dy.root", 0);
        ColumnListAccumulator columns = ColumnListAccumulator.of(key, Map.of("mass", DoubleColumn.of(91.2)));
        ColumnListAccumulator again = ColumnListAccumulator.of(key, Map.of("mass", DoubleColumn.of(91.2)));
        assertThat(columns.merge(columns).parts()).containsOnlyKeys(key);
        assertThatThrownBy(() -> columns.merge(again)).isInstanceOf(AccumulatorMergeException.class)
                .hasMessage("two column parts come from the same chunk " + key + " (was a chunk merged twice?)");

        java.util.SequencedMap<String, DoubleColumn> row = new LinkedHashMap<>();
        row.put("mass", DoubleColumn.of(91.2));
        EventRows rows = EventRows.of(key, row, Map.of());
        assertThatThrownBy(() -> rows.merge(EventRows.of(key, row, Map.of())))
                .isInstanceOf(AccumulatorMergeException.class)
                .hasMessage("two row parts come from the same chunk " + key + " (was a chunk merged twice?)");
    }

    @Property(tries = 50)
    void columnListConcatenatesInInputOrder(@ForAll("columnLists") ColumnListAccumulator a) {
        if (a.parts().isEmpty()) {
            return;
        }
        List<Double> expected = new ArrayList<>();
        for (Map<String, Object> p : a.parts().values()) {
            for (double d : (double[]) p.get("mass")) {
                expected.add(d);
            }
        }
        double[] got = ((DoubleColumn) a.column("mass")).toArray();
        assertThat(got).containsExactly(expected.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 20)
    void cutflowsWithDifferentStepsDoNotMerge(@ForAll("cutflows") Cutflow a) {
        Cutflow.Key k = new Cutflow.Key("DY", "all", "nominal");
        Cutflow x = Cutflow.of(k, List.of(new Cutflow.Step("initial", 1, 1)));
        Cutflow y = Cutflow.of(k, List.of(new Cutflow.Step("skim", 1, 1)));
        assertThatThrownBy(() -> x.merge(y)).isInstanceOf(AccumulatorMergeException.class)
                .hasMessageContaining("[initial]").hasMessageContaining("[skim]");
    }
}
