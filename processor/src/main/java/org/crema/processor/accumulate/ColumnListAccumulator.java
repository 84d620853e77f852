package org.crema.processor.accumulate;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.LongColumn;

/**
 * Flat columns saved per chunk (e.g. the dimuon mass of selected events, for an ML training set).
 * Concatenation is not commutative, so parts are keyed by their chunk (dataset, file, first entry)
 * and kept sorted: the merge is then an exact, associative and commutative union, and
 * {@link #column} concatenates the parts in input order whatever the merge order was.
 *
 * <p>Holds everything in memory: keep it to a few columns of selected events.
 */
public final class ColumnListAccumulator implements Accumulator<ColumnListAccumulator>, JsonExportable {
    private static final long serialVersionUID = 1L;
    private static final ColumnListAccumulator EMPTY = new ColumnListAccumulator(new TreeMap<>());
    private final TreeMap<ChunkKey, Map<String, Object>> parts;

    private ColumnListAccumulator(TreeMap<ChunkKey, Map<String, Object>> parts) {
        this.parts = parts;
    }

    /** @return the empty accumulator */
    public static ColumnListAccumulator empty() {
        return EMPTY;
    }

    /**
     * One chunk's columns.
     *
     * @param chunk the chunk they come from (its {@code Chunk.key()})
     * @param columns name → flat column ({@code BoolColumn}, {@code IntColumn}, {@code LongColumn},
     *     {@code FloatColumn} or {@code DoubleColumn}; copied), all of the same length
     * @return an accumulator holding one part
     */
    public static ColumnListAccumulator of(ChunkKey chunk, Map<String, ? extends Column> columns) {
        Map<String, Object> arrays = new LinkedHashMap<>();
        int length = -1;
        for (Map.Entry<String, ? extends Column> e : columns.entrySet()) {
            Column c = Objects.requireNonNull(e.getValue(), e.getKey());
            if (length >= 0 && c.length() != length) {
                throw new IllegalArgumentException("columns must have equal lengths: '" + e.getKey() + "' has "
                        + c.length() + ", expected " + length);
            }
            length = c.length();
            arrays.put(e.getKey(), switch (c) {
                case BoolColumn b -> b.toArray();
                case IntColumn i -> i.toArray();
                case LongColumn l -> l.toArray();
                case FloatColumn f -> f.toArray();
                case DoubleColumn d -> d.toArray();
                default -> throw new IllegalArgumentException("column '" + e.getKey() + "' must be a flat bool, int, "
                        + "long, float or double column, got " + c.getClass().getSimpleName());
            });
        }
        TreeMap<ChunkKey, Map<String, Object>> p = new TreeMap<>();
        p.put(chunk, Collections.unmodifiableMap(arrays));
        return new ColumnListAccumulator(p);
    }

    /** @return parts by chunk, sorted */
    public SortedMap<ChunkKey, Map<String, Object>> parts() {
        return Collections.unmodifiableSortedMap(parts);
    }

    /**
     * @param name column name
     * @return the parts of that column concatenated in input order
     */
    public Column column(String name) {
        List<Object> arrays = parts.values().stream().map(m -> m.get(name)).filter(Objects::nonNull).toList();
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("no column '" + name + "' in any part");
        }
        Class<?> type = arrays.get(0).getClass();
        int total = 0;
        for (Object a : arrays) {
            if (a.getClass() != type) {
                throw new IllegalStateException("column '" + name + "' has parts of types " + type.getSimpleName()
                        + " and " + a.getClass().getSimpleName());
            }
            total += Array.getLength(a);
        }
        Object out = Array.newInstance(type.getComponentType(), total);
        int k = 0;
        for (Object a : arrays) {
            int n = Array.getLength(a);
            System.arraycopy(a, 0, out, k, n);
            k += n;
        }
        return switch (out) {
            case boolean[] b -> BoolColumn.of(b);
            case int[] i -> IntColumn.of(i);
            case long[] l -> LongColumn.of(l);
            case float[] f -> FloatColumn.of(f);
            case double[] d -> DoubleColumn.of(d);
            default -> throw new IllegalStateException("unexpected array " + out.getClass());
        };
    }

    @Override
    public ColumnListAccumulator merge(ColumnListAccumulator other) {
        return new ColumnListAccumulator(ChunkKey.union(parts, other.parts, "column parts"));
    }

    @Override
    public ColumnListAccumulator identity() {
        return EMPTY;
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parts", parts.size());
        long rows = 0;
        for (Map<String, Object> p : parts.values()) {
            if (!p.isEmpty()) {
                rows += Array.getLength(p.values().iterator().next());
            }
        }
        m.put("rows", rows);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnListAccumulator c) || !c.parts.keySet().equals(parts.keySet())) {
            return false;
        }
        for (var e : parts.entrySet()) {
            Map<String, Object> a = e.getValue();
            Map<String, Object> b = c.parts.get(e.getKey());
            if (!a.keySet().equals(b.keySet())) {
                return false;
            }
            for (String k : a.keySet()) {
                if (!java.util.Objects.deepEquals(a.get(k), b.get(k))) {
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
