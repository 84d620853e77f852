package org.crema.nano;

import java.util.List;
import org.crema.columnar.Column;

/**
 * The columns of one chunk of NanoAOD events as the typed views see them: branches by name, the
 * collections' offsets from their counters and resolved cross-references, all following {@link
 * NanoSchema}. The processor's {@code Events} implements it; views depend on this interface only,
 * so the events and the views do not import each other.
 *
 * <p>Implementations read lazily and cache: asking twice for a column, offsets or a cross-reference
 * returns the same object. Not required to be thread-safe.
 */
public interface EventTable {
    /** @return the number of events */
    int size();

    /** @return every branch name of the input */
    java.util.Set<String> columnNames();

    /** @param branch branch name @return true if the input has it */
    boolean has(String branch);

    /**
     * @param branch branch name, e.g. {@code Jet_pt}
     * @return one entry per event: a flat column, or a list column for a jagged branch
     */
    Column column(String branch);

    /** @return the collection names of the input ({@link NanoSchema#collectionNames}) */
    List<String> collectionNames();

    /**
     * @param collection collection name, e.g. {@code Jet}
     * @return {@code size() + 1} offsets from the counter ({@link NanoSchema#offsets}), starting at 0
     */
    int[] offsets(String collection);

    /**
     * @param collection source collection, e.g. {@code Jet}
     * @param idxField its index field, e.g. {@code genJetIdx}
     * @param target target collection, e.g. {@code GenJet}
     * @return the field resolved with {@link NanoSchema#resolve}
     */
    CrossReference crossReference(String collection, String idxField, String target);

    /**
     * A hint that these fields of a collection will be read: an implementation may read and
     * decompress them together, in parallel. The default does nothing.
     *
     * @param collection collection name, e.g. {@code Muon}
     * @param fields field names, e.g. {@code pt}, {@code eta}
     */
    default void prefetch(String collection, List<String> fields) {
    }

    /** @return where the events come from (file, tree, entry range), for messages */
    String describe();
}
