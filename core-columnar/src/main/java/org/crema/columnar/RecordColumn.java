package org.crema.columnar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable group of named columns of equal length: one record per entry. awkward: {@code
 * RecordArray}; Arrow: {@code Struct}. A NanoAOD collection such as {@code Jet} is a {@code
 * ListColumn<RecordColumn>}: the {@code nJet} offsets over a record of {@code pt}, {@code eta}, ….
 * Field order is kept as given.
 */
public final class RecordColumn implements Column {
    private final Map<String, Column> fields;
    private final int length;

    private RecordColumn(Map<String, Column> fields, int length) {
        this.fields = fields;
        this.length = length;
    }

    /**
     * @param fields named columns, all of the same length (copied into an unmodifiable map)
     * @param length the common length (needed when there are no fields)
     * @return a record column
     * @throws IllegalArgumentException naming the first field whose length differs
     */
    public static RecordColumn of(Map<String, ? extends Column> fields, int length) {
        Map<String, Column> copy = new LinkedHashMap<>();
        fields.forEach((name, column) -> {
            Objects.requireNonNull(column, name);
            if (column.length() != length) {
                throw new IllegalArgumentException("field '" + name + "' has length " + column.length()
                        + " but the record has length " + length);
            }
            copy.put(name, column);
        });
        return new RecordColumn(Collections.unmodifiableMap(copy), length);
    }

    @Override
    public int length() {
        return length;
    }

    /** @return field names in order */
    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /**
     * @param name field name
     * @return true if a field of that name exists
     */
    public boolean hasField(String name) {
        return fields.containsKey(name);
    }

    /**
     * @param name field name
     * @return the field's column
     * @throws IllegalArgumentException listing the available fields if there is no such field
     */
    public Column field(String name) {
        Column c = fields.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no field '" + name + "'; fields are " + fields.keySet());
        }
        return c;
    }

    /**
     * Typed field access.
     *
     * @param name field name
     * @param type expected column class
     * @param <T> column type
     * @return the field's column
     * @throws IllegalArgumentException if missing or of another type
     */
    public <T extends Column> T field(String name, Class<T> type) {
        Column c = field(name);
        if (!type.isInstance(c)) {
            throw new IllegalArgumentException("field '" + name + "' is a " + c.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(c);
    }

    /** @return an unmodifiable name → column map in field order */
    public Map<String, Column> fields() {
        return fields;
    }

    /**
     * @param name new field name (replaces an existing one of that name)
     * @param column column of {@link #length()} entries
     * @return a new record with the field added; other fields are shared
     */
    public RecordColumn withField(String name, Column column) {
        Map<String, Column> copy = new LinkedHashMap<>(fields);
        copy.put(name, column);
        return of(copy, length);
    }

    @Override
    public RecordColumn region(int from, int length) {
        Objects.checkFromIndexSize(from, length, this.length);
        Map<String, Column> out = new LinkedHashMap<>();
        fields.forEach((name, column) -> out.put(name, column.region(from, length)));
        return new RecordColumn(Collections.unmodifiableMap(out), length);
    }

    @Override
    public long retainedSizeInBytes() {
        long sum = 0;
        for (Column c : fields.values()) {
            sum += c.retainedSizeInBytes();
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordColumn other && other.length == length && other.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "record" + fields.keySet() + "[" + length + " entries]";
    }
}
