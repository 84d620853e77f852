package org.crema.nano;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crema.columnar.Column;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.io.RootFormatException;

/**
 * One NanoAOD collection (e.g. {@code Jet}) of a {@link NanoEvents} view: the counter {@code nJet}
 * gives the offsets, and every field ({@code Jet_pt} → {@code pt}) is a list column sharing them.
 * Fields are read when first asked for. awkward: {@code ListOffsetArray(RecordArray)}.
 */
public final class NanoCollection {
    private final NanoEvents events;
    private final String name;
    private final String counter;
    private final Map<String, String> fields;
    private volatile int[] offsets;

    NanoCollection(NanoEvents events, String name, String counter, Map<String, String> fields) {
        this.events = events;
        this.name = name;
        this.counter = counter;
        this.fields = fields;
    }

    /** @return the collection name, e.g. {@code Jet} */
    public String name() {
        return name;
    }

    /** @return the counter branch, e.g. {@code nJet} */
    public String counterName() {
        return counter;
    }

    /** @return field names in tree order, e.g. {@code pt}, {@code eta} */
    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /** @param field field name @return true if the collection has it */
    public boolean hasField(String field) {
        return fields.containsKey(field);
    }

    /** @return the number of events */
    public int length() {
        return events.length();
    }

    /**
     * List boundaries from the counter: {@code offsets[i+1] - offsets[i]} objects in event i.
     *
     * @return {@code length() + 1} offsets starting at 0; shared, do not modify
     */
    public int[] offsets() {
        int[] o = offsets;
        if (o == null) {
            o = NanoSchema.offsets((PrimitiveColumn) events.column(counter), events.tree().location() + ", counter "
                    + counter, events.from());
            offsets = o;
        }
        return o;
    }

    /** @return objects per event */
    public IntColumn counts() {
        int[] o = offsets();
        int[] c = new int[o.length - 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = o[i + 1] - o[i];
        }
        return IntColumn.of(c);
    }

    /** @return total number of objects in the view */
    public int totalCount() {
        int[] o = offsets();
        return o[o.length - 1];
    }

    /**
     * @param field field name, e.g. {@code pt}
     * @return the field as a list column over the collection's offsets
     * @throws RootFormatException if the field's element count disagrees with the counter
     */
    public ListColumn<PrimitiveColumn> field(String field) {
        String branch = fields.get(field);
        if (branch == null) {
            throw new RootFormatException(events.tree().location() + ": collection " + name + " has no field '" + field
                    + "'; fields are " + fields.keySet());
        }
        Column c = events.column(branch);
        if (!(c instanceof ListColumn<?> list) || !(list.content() instanceof PrimitiveColumn content)) {
            throw new RootFormatException(events.tree().location() + ": branch " + branch
                    + " is not a jagged primitive branch");
        }
        int[] o = offsets();
        int start = list.length() == 0 ? 0 : list.start(0);
        if (list.totalCount() != o[o.length - 1]) {
            throw new RootFormatException(events.tree().location() + ", branch " + branch + ": holds "
                    + list.totalCount() + " values but "
                    + counter + " counts " + o[o.length - 1] + " for entries [" + events.from() + ", " + events.to() + ")");
        }
        PrimitiveColumn values = start == 0 ? content : content.region(start, list.totalCount());
        return ListColumn.ofTrusted(o, values);
    }

    /** @return every field as one record per object (reads all fields) */
    public ListColumn<RecordColumn> asRecord() {
        return asRecord(fieldNames());
    }

    /**
     * @param names fields to include
     * @return the chosen fields as one record per object
     */
    public ListColumn<RecordColumn> asRecord(Collection<String> names) {
        List<String> branches = new ArrayList<>();
        for (String n : names) {
            if (fields.containsKey(n)) {
                branches.add(fields.get(n));
            }
        }
        events.prefetch(branches);
        Map<String, Column> contents = new LinkedHashMap<>();
        for (String n : names) {
            contents.put(n, field(n).content());
        }
        return ListColumn.ofTrusted(offsets(), RecordColumn.of(contents, totalCount()));
    }
}
