package org.crema.io.internal.column;

import java.util.List;
import java.util.concurrent.Executor;
import org.crema.columnar.Column;

/**
 * One branch's read of an entry range, as basket tasks and a final assembly: a caller reading
 * several branches collects every read's tasks and submits them in file order.
 */
interface ColumnRead {
    /** @return the basket tasks, made once and not yet submitted */
    List<? extends BasketTask<?>> tasks();

    /**
     * Runs the tasks no executor thread has started, waits for the others, and assembles the column.
     *
     * @return the column of the range
     */
    Column finish();

    /**
     * Submits the basket tasks.
     *
     * @param executor where baskets are read, decompressed and converted; {@code Runnable::run} for
     *     the calling thread
     * @return this
     */
    default ColumnRead start(Executor executor) {
        for (BasketTask<?> t : tasks()) {
            t.submit(executor);
        }
        return this;
    }
}
