package org.crema.configs.internal.expr;

import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;

/** What a compiled expression reads from at run time: one chunk (after the skim, one variation). */
public interface Env {
    /** @return events in the chunk */
    int size();

    /** @param name a flat branch, e.g. {@code nMuon} @return its column */
    Column branch(String name);

    /** @param name an input or derived collection @return its objects */
    ListColumn<RecordColumn> collection(String name);

    /** @param name a defined variable @return its values */
    Column variable(String name);

    /** @return the collection whose fields are bare names (in an object's {@code where}), or null */
    ListColumn<RecordColumn> self();

    /**
     * A value computed once per chunk and variation, e.g. the combinations several expressions use.
     *
     * @param key what is computed
     * @param input the input it is computed from (compared by identity, so a new input recomputes)
     * @param compute computes it
     * @param <T> value type
     * @return the cached or computed value
     */
    <T> T memo(String key, Object input, java.util.function.Supplier<T> compute);
}
