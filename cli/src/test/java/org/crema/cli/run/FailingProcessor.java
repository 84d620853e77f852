package org.crema.cli.run;

import org.crema.processor.Events;
import org.crema.processor.Processor;
import org.crema.processor.accumulate.Counter;

/** A processor with a bug: it throws on every chunk. */
public final class FailingProcessor implements Processor<Counter> {
    private static final long serialVersionUID = 1L;

    @Override
    public Counter process(Events events) {
        return check(events.size());
    }

    private static Counter check(long n) {
        throw new IllegalStateException("the cut table has no entry for " + n + " events");
    }
}
