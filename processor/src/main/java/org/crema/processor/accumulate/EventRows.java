package org.crema.processor.accumulate;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.ElementType;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.ShortColumn;

/**
 * Per-event rows that leave a run as files: the events of a skim, or the columns a processor saves
 * for a category. Each chunk contributes one part: named flat columns (one value per event) and
 * jagged ones (a list per event, with the name of the counter that counts it in NanoAOD, e.g.
 * {@code nMuon} for {@code Muon_pt}).
 *
 * <p>Concatenation is not commutative, so parts are keyed by their chunk (dataset, file, first
 * entry) and kept sorted, like {@link ColumnListAccumulator}: the merge is an exact union, and
 * {@link #columns(String)} gives a dataset's rows in input order whatever the chunking, the number of
 * workers or the merge order was. The runner writes them at the end of the run, one file per dataset.
 *
 * <p>Holds the rows in memory until then (copies of the selected events' values only): keep it to
 * selective skims and a few columns.
 */
public final class EventRows implements Accumulator<EventRows>, JsonExportable {
    private static final long serialVersionUID = 1L;
    private static final EventRows EMPTY = new EventRows(new TreeMap<>());

    /**
     * One stored column of one part.
     *
     * @param name column (branch) name
     * @param type element type
     * @param counter counter name of a jagged column ({@code nMuon}), or null (flat, or not NanoAOD)
     * @param counts per-event list lengths of a jagged column, null for a flat one
     * @param values the values: a primitive array of {@code type}
     */
    record Stored(String name, ElementType type, String counter, int[] counts, Object values) implements Serializable {
        boolean jagged() {
            return counts != null;
        }
    }

    private final TreeMap<ChunkKey, List<Stored>> parts;

    private EventRows(TreeMap<ChunkKey, List<Stored>> parts) {
        this.parts = parts;
    }

    /** @return the empty accumulator */
    public static EventRows empty() {
        return EMPTY;
    }

    /**
     * One chunk's rows (copied).
     *
     * @param chunk the chunk they come from (its {@code Chunk.key()})
     * @param columns name → a primitive column or a {@code ListColumn} of one, all of the same
     *     length (the chunk's selected events; 0 is allowed and still records the column types)
     * @param counters name of a jagged column → its NanoAOD counter; columns not listed get none
     * @return an accumulator holding one part
     * @throws IllegalArgumentException for another column type or unequal lengths, naming the column
     */
    public static EventRows of(ChunkKey chunk, SequencedMap<String, ? extends Column> columns,
            Map<String, String> counters) {
        List<Stored> stored = new ArrayList<>();
        int length = -1;
        for (Map.Entry<String, ? extends Column> e : columns.entrySet()) {
            Column c = Objects.requireNonNull(e.getValue(), e.getKey());
            if (length >= 0 && c.length() != length) {
                throw new IllegalArgumentException("columns must have equal lengths: '" + e.getKey() + "' has "
                        + c.length() + ", expected " + length);
            }
            length = c.length();
            if (c instanceof PrimitiveColumn p) {
                stored.add(new Stored(e.getKey(), p.elementType(), null, null, toArray(e.getKey(), p)));
            } else if (c instanceof ListColumn<?> l && l.flatContent() instanceof PrimitiveColumn p) {
                int[] counts = new int[l.length()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = l.count(i);
                }
                stored.add(new Stored(e.getKey(), p.elementType(), counters.get(e.getKey()), counts,
                        toArray(e.getKey(), p)));
            } else {
                throw new IllegalArgumentException("column '" + e.getKey() + "' must be a primitive column or a"
                        + " ListColumn of one, got " + c.getClass().getSimpleName());
            }
        }
        TreeMap<ChunkKey, List<Stored>> p = new TreeMap<>();
        p.put(chunk,
                List.copyOf(stored));
        return new EventRows(p);
    }

    private static Object toArray(String name, PrimitiveColumn p) {
        return switch (p) {
            case BoolColumn b -> b.toArray();
            case ByteColumn b -> b.toArray();
            case ShortColumn s -> s.toArray();
            case IntColumn i -> i.toArray();
            case LongColumn l -> l.toArray();
            case FloatColumn f -> f.toArray();
            case DoubleColumn d -> d.toArray();
            default -> throw new IllegalArgumentException("column '" + name + "': unsupported "
                    + p.getClass().getSimpleName());
        };
    }

    /** @return the datasets with at least one part, sorted */
    public List<String> datasets() {
        TreeSet<String> out = new TreeSet<>();
        parts.keySet().forEach(k -> out.add(k.dataset()));
        return List.copyOf(out);
    }

    /**
     * @param dataset a dataset name
     * @return its number of rows over all parts
     */
    public long rows(String dataset) {
        long n = 0;
        for (var e : parts.entrySet()) {
            if (e.getKey().dataset().equals(dataset) && !e.getValue().isEmpty()) {
                Stored s = e.getValue().getFirst();
                n += s.jagged() ? s.counts().length : Array.getLength(s.values());
            }
        }
        return n;
    }

    /**
     * @param dataset a dataset name
     * @return name of each jagged column → its counter (only those that have one), in column order
     */
    public SequencedMap<String, String> counters(String dataset) {
        SequencedMap<String, String> out = new LinkedHashMap<>();
        for (Stored s : first(dataset)) {
            if (s.counter() != null) {
                out.put(s.name(), s.counter());
            }
        }
        return out;
    }

    private List<Stored> first(String dataset) {
        for (var e : parts.entrySet()) {
            if (e.getKey().dataset().equals(dataset)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("no rows of dataset '" + dataset + "'; datasets: " + datasets());
    }

    /**
     * A dataset's rows: every part concatenated in input order (dataset, file, first entry) into new
     * columns (a copy). Flat columns come back as primitive columns, jagged ones as {@code ListColumn}s,
     * unsigned types kept unsigned.
     *
     * @param dataset a dataset name
     * @return column name → column, in the order of the first part
     * @throws IllegalStateException if two parts disagree on a column's name, type or shape
     */
    public SequencedMap<String, Column> columns(String dataset) {
        List<List<Stored>> ps = new ArrayList<>();
        parts.forEach((k, v) -> {
            if (k.dataset().equals(dataset)) {
                ps.add(v);
            }
        });
        List<Stored> layout = first(dataset);
        SequencedMap<String, Column> out = new LinkedHashMap<>();
        for (int c = 0; c < layout.size(); c++) {
            Stored head = layout.get(c);
            List<Object> arrays = new ArrayList<>();
            List<int[]> counts = new ArrayList<>();
            for (List<Stored> p : ps) {
                Stored s = c < p.size() ? p.get(c) : null;
                if (s == null || !s.name().equals(head.name()) || s.type() != head.type() || s.jagged() != head.jagged()) {
                    throw new IllegalStateException("dataset '" + dataset + "': chunks disagree on column " + c + " ('"
                            + head.name() + "' " + head.type() + (head.jagged() ? " jagged" : "") + " vs "
                            + (s == null ? "missing" : "'" + s.name() + "' " + s.type() + (s.jagged() ? " jagged" : ""))
                            + ")");
                }
                arrays.add(s.values());
                if (s.jagged()) {
                    counts.add(s.counts());
                }
            }
            PrimitiveColumn values = column(head.type(), concat(arrays));
            if (head.jagged()) {
                int[] all = (int[]) concat(new ArrayList<>(counts));
                out.put(head.name(), ListColumn.fromCounts(all, values));
            } else {
                out.put(head.name(), values);
            }
        }
        return out;
    }

    private static Object concat(List<Object> arrays) {
        int total = 0;
        for (Object a : arrays) {
            total += Array.getLength(a);
        }
        Object out = Array.newInstance(arrays.getFirst().getClass().getComponentType(), total);
        int k = 0;
        for (Object a : arrays) {
            int n = Array.getLength(a);
            System.arraycopy(a, 0, out, k, n);
            k += n;
        }
        return out;
    }

    private static PrimitiveColumn column(ElementType type, Object values) {
        return switch (type) {
            case BOOL -> BoolColumn.of((boolean[]) values);
            case INT8 -> ByteColumn.of((byte[]) values);
            case UINT8 -> ByteColumn.ofUnsigned((byte[]) values);
            case INT16 -> ShortColumn.of((short[]) values);
            case UINT16 -> ShortColumn.ofUnsigned((short[]) values);
            case INT32 -> IntColumn.of((int[]) values);
            case UINT32 -> IntColumn.ofUnsigned((int[]) values);
            case INT64 -> LongColumn.of((long[]) values);
            case UINT64 -> LongColumn.ofUnsigned((long[]) values);
            case FLOAT32 -> FloatColumn.of((float[]) values);
            case FLOAT64 -> DoubleColumn.of((double[]) values);
        };
    }

    /** @return parts by chunk key, sorted (for tests and tools) */
    SortedMap<ChunkKey, List<Stored>> parts() {
        return Collections.unmodifiableSortedMap(parts);
    }

    @Override
    public EventRows merge(EventRows other) {
        if (other.parts.isEmpty()) {
            return this;
        }
        if (parts.isEmpty()) {
            return other;
        }
        return new EventRows(ChunkKey.union(parts, other.parts, "row parts"));
    }

    @Override
    public EventRows identity() {
        return EMPTY;
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String d : datasets()) {
            m.put(d, rows(d));
        }
        return Map.of("rows", m);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EventRows r) || !r.parts.keySet().equals(parts.keySet())) {
            return false;
        }
        for (var e : parts.entrySet()) {
            List<Stored> a = e.getValue();
            List<Stored> b = r.parts.get(e.getKey());
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                Stored x = a.get(i);
                Stored y = b.get(i);
                if (!x.name().equals(y.name()) || x.type() != y.type() || !Objects.equals(x.counter(), y.counter())
                        || !java.util.Arrays.equals(x.counts(), y.counts())
                        || !Objects.deepEquals(x.values(), y.values())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return parts.keySet().hashCode();
    }
}
