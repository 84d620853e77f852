package org.crema.examples.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.crema.columnar.ListColumn;
import org.crema.examples.TestData;
import org.crema.examples.ZMuMuProcessor;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.Accumulator;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Cutflow;
import org.crema.processor.accumulate.HistAccumulator;
import org.crema.processor.accumulate.Sum;
import org.crema.processor.run.*;

/**
 * The reproducibility guarantee: for any chunk size (1 event up to the whole file) and 1–4
 * workers, every histogram bin's Σw and Σw², every cutflow Σw and every Σ genWeight of a run over
 * the bundled Z → μμ samples is bit-identical to a one-chunk, one-worker run. The processor is the
 * Z → μμ example (weighted histograms with weight and shape variations, cutflows, normalisation to
 * luminosity) plus a plain unweighted histogram of every muon's pt.
 */
class BitIdenticalResultsPropertyTest {
    /** Events per bundled sample: chunk sizes range over 1 … this. */
    private static final int FILE_ENTRIES = 40;
    private static Fileset fileset;
    private static AccumulatorMap reference;

    /** Z → μμ plus an unweighted histogram filled from a jagged column. */
    static final class ZMuMuWithPlainHistogram implements Processor<AccumulatorMap> {
        private static final long serialVersionUID = 1L;
        private final ZMuMuProcessor inner = new ZMuMuProcessor();

        @Override
        @SuppressWarnings("unchecked")
        public AccumulatorMap process(Events events) {
            Hist plain = Hist.of(RegularAxis.of("pt", 40, 0, 200));
            plain.fill((Object) events.column("Muon_pt", ListColumn.class));
            return inner.process(events).with("plain", AccumulatorMap.empty()
                    .with(events.dataset().name(), HistAccumulator.of(Map.of("muonPt", plain))));
        }

        @Override
        public AccumulatorMap postprocess(AccumulatorMap merged) {
            return inner.postprocess(merged);
        }
    }

    @BeforeProperty
    void once() {
        if (reference == null) {
            TestData.nanoaod("nano_dy.root");
            fileset = Fileset.read(TestData.root().resolve("data/filesets/zmumu.json"));
            reference = run(FILE_ENTRIES, 1);
        }
    }

    private static AccumulatorMap run(int chunkSize, int workers) {
        return new Runner(RunConfig.defaults().withChunkSize(chunkSize).withWorkers(workers).withProgress(false))
                .run(new ZMuMuWithPlainHistogram(), fileset).result();
    }

    @Property(tries = 12)
    void anyChunkingAndWorkerCountGivesTheOneChunkBits(@ForAll @IntRange(min = 1, max = FILE_ENTRIES) int chunkSize,
            @ForAll @IntRange(min = 1, max = 4) int workers) {
        AccumulatorMap result = run(chunkSize, workers);
        int compared = assertSameBits("", reference, result);
        // weighted and plain histograms of both datasets, cutflows and Σ genWeight were all reached
        assertThat(reference.entries().keySet()).contains("histograms", "plain", "cutflow", "sumGenWeights");
        assertThat(compared).isGreaterThanOrEqualTo(10);
    }

    /** Walks both results side by side; returns how many accumulators were compared. */
    private static int assertSameBits(String path, Accumulator<?> expected, Accumulator<?> actual) {
        assertThat(actual).as(path).isNotNull();
        assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
        switch (expected) {
            case AccumulatorMap m -> {
                AccumulatorMap a = (AccumulatorMap) actual;
                assertThat(a.entries().keySet()).as(path).containsExactlyElementsOf(m.entries().keySet());
                int n = 0;
                for (var e : m.entries().entrySet()) {
                    n += assertSameBits(path + "/" + e.getKey(), e.getValue(), a.get(e.getKey()));
                }
                return n;
            }
            case HistAccumulator h -> {
                HistAccumulator a = (HistAccumulator) actual;
                assertThat(a.names()).as(path).containsExactlyElementsOf(h.names());
                for (String name : h.names()) {
                    Hist x = h.get(name);
                    Hist y = a.get(name);
                    String what = path + "/" + name;
                    assertThat(y.axes()).as(what).isEqualTo(x.axes());
                    assertThat(bits(y.sumOfWeights(true))).as(what + " Σw").containsExactly(bits(x.sumOfWeights(true)));
                    assertThat(bits(y.variances(true))).as(what + " Σw²").containsExactly(bits(x.variances(true)));
                }
                return h.names().size();
            }
            case Cutflow c -> {
                Cutflow a = (Cutflow) actual;
                assertThat(a.flows().keySet()).as(path).containsExactlyElementsOf(c.flows().keySet());
                c.flows().forEach((k, steps) -> {
                    List<Cutflow.Step> got = a.flows().get(k);
                    assertThat(got).as(path + " " + k).hasSameSizeAs(steps);
                    for (int i = 0; i < steps.size(); i++) {
                        assertThat(got.get(i).events()).as(path + " " + k + " events").isEqualTo(steps.get(i).events());
                        assertThat(Double.doubleToRawLongBits(got.get(i).sumw())).as(path + " " + k + " Σw")
                                .isEqualTo(Double.doubleToRawLongBits(steps.get(i).sumw()));
                    }
                });
                return 1;
            }
            case Sum s -> {
                Sum a = (Sum) actual;
                assertThat(a.entries()).as(path).isEqualTo(s.entries());
                assertThat(Double.doubleToRawLongBits(a.sumw())).as(path + " Σw")
                        .isEqualTo(Double.doubleToRawLongBits(s.sumw()));
                assertThat(Double.doubleToRawLongBits(a.sumw2())).as(path + " Σw²")
                        .isEqualTo(Double.doubleToRawLongBits(s.sumw2()));
                return 1;
            }
            default -> {
                assertThat(actual).as(path).isEqualTo(expected);
                return 1;
            }
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
