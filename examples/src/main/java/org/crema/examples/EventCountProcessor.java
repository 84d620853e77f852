package org.crema.examples;

import org.crema.columnar.FloatColumn;
import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Counter;
import org.crema.processor.accumulate.Sum;

/**
 * The smallest useful processor: per dataset, the number of events and Σ genWeight. It implements
 * {@link Processor} directly, without the structure of {@link org.crema.processor.AnalysisProcessor}.
 */
public final class EventCountProcessor implements Processor<AccumulatorMap> {
    private static final long serialVersionUID = 1L;

    /** Creates the processor (it has no options). */
    public EventCountProcessor() {
    }

    @Override
    public AccumulatorMap process(Events events) {
        String dataset = events.dataset().name();
        double[] w = new double[events.size()];
        if (events.isMC() && events.has("genWeight")) {
            FloatColumn gen = events.column("genWeight", FloatColumn.class);
            for (int i = 0; i < w.length; i++) {
                w[i] = gen.get(i);
            }
        } else {
            java.util.Arrays.fill(w, 1.0);
        }
        return AccumulatorMap.empty()
                .with("events", AccumulatorMap.empty().with(dataset, Counter.of(events.size())))
                .with("sumw", AccumulatorMap.empty().with(dataset, Sum.of(w)));
    }
}
