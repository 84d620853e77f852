package org.crema.nano;

import java.util.List;
import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.io.RootFormatException;

/**
 * Flat per-event fields sharing a prefix, such as {@code MET_pt}, {@code MET_phi} → {@code MET}
 * with fields {@code pt}, {@code phi}. awkward: {@code RecordArray}.
 */
public final class NanoSingleton {
    private final NanoEvents events;
    private final String name;
    private final Map<String, String> fields;
    private final List<String> order;

    NanoSingleton(NanoEvents events, String name, Map<String, String> fields) {
        this.events = events;
        this.name = name;
        this.fields = Map.copyOf(fields);
        this.order = List.copyOf(fields.keySet());
    }

    /** @return the prefix, e.g. {@code MET} */
    public String name() {
        return name;
    }

    /** @return field names in tree order */
    public List<String> fieldNames() {
        return order;
    }

    /**
     * @param field field name, e.g. {@code pt}
     * @return the flat column (read on first use)
     */
    public PrimitiveColumn field(String field) {
        String branch = fields.get(field);
        if (branch == null) {
            throw new RootFormatException(events.tree().location() + ": " + name + " has no field '" + field
                    + "'; fields are " + order);
        }
        return (PrimitiveColumn) events.column(branch);
    }

    /** @return every field as one record per event (reads all fields) */
    public RecordColumn asRecord() {
        events.prefetch(order.stream().map(fields::get).toList());
        java.util.LinkedHashMap<String, Column> m = new java.util.LinkedHashMap<>();
        for (String f : order) {
            m.put(f, field(f));
        }
        return RecordColumn.of(m, events.length());
    }
}
