package org.crema.processor.run;

import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.Counter;
import org.crema.processor.accumulate.Sum;

/** A small serializable processor that reads a collection, for tests that ship tasks to other workers. */
final class ShippableCount implements Processor<AccumulatorMap> {
    private static final long serialVersionUID = 1L;

    @Override
    public AccumulatorMap process(Events events) {
        return AccumulatorMap.empty().with("events", Counter.of(events.size()))
                .with("muonPt", Sum.of(events.muons().pt().sum().toDouble().toArray()));
    }
}
