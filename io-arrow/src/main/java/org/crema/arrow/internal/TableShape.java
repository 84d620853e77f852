package org.crema.arrow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.crema.arrow.ColumnOutputException;
import org.crema.columnar.Column;
import org.crema.columnar.ElementType;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;

/**
 * The schema of a table as fixed by its first batch, and the check that later batches match it.
 *
 * @param columns column shapes in schema order
 */
public record TableShape(List<ColumnShape> columns) {

    /**
     * One column: a primitive type, flat or in lists.
     *
     * @param name column name
     * @param type element type
     * @param list true for a list (jagged) column
     */
    public record ColumnShape(String name, ElementType type, boolean list) {
        @Override
        public String toString() {
            return list ? "list<" + type + ">" : type.toString();
        }
    }

    /**
     * Reads the shape of a batch and checks that its columns have one length.
     *
     * @param file the output file, for messages
     * @param batchIndex index of the batch, for messages
     * @param batch the columns
     * @return the shape
     */
    public static TableShape of(String file, int batchIndex, SequencedMap<String, ? extends Column> batch) {
        if (batch.isEmpty()) {
            throw new ColumnOutputException(file + ": batch " + batchIndex + " has no columns");
        }
        List<ColumnShape> out = new ArrayList<>(batch.size());
        String firstName = null;
        int rows = -1;
        for (Map.Entry<String, ? extends Column> e : batch.entrySet()) {
            String name = e.getKey();
            Column c = e.getValue();
            if (name == null || name.isEmpty()) {
                throw new ColumnOutputException(file + ": batch " + batchIndex + " has a column with an empty name");
            }
            if (c == null) {
                throw new ColumnOutputException(file + ": batch " + batchIndex + ", column '" + name + "' is null");
            }
            out.add(shapeOf(file, batchIndex, name, c));
            if (rows < 0) {
                rows = c.length();
                firstName = name;
            } else if (c.length() != rows) {
                throw new ColumnOutputException(file + ": batch " + batchIndex + ", column '" + name + "' has "
                        + c.length() + " rows but column '" + firstName + "' has " + rows);
            }
        }
        return new TableShape(List.copyOf(out));
    }

    private static ColumnShape shapeOf(String file, int batchIndex, String name, Column c) {
        return switch (c) {
            case PrimitiveColumn p -> new ColumnShape(name, p.elementType(), false);
            case ListColumn<?> l when l.content() instanceof PrimitiveColumn p -> new ColumnShape(name, p.elementType(), true);
            case ListColumn<?> l -> throw new ColumnOutputException(file + ": batch " + batchIndex + ", column '" + name
                    + "' is a list of " + l.content().getClass().getSimpleName()
                    + "; only flat columns and lists of primitive columns can be written");
            case RecordColumn r -> throw new ColumnOutputException(file + ": batch " + batchIndex + ", column '" + name
                    + "' is a RecordColumn; write its fields as separate columns (e.g. '" + name + "_pt')");
        };
    }

    /**
     * Checks a later batch against this shape.
     *
     * @param file the output file, for messages
     * @param batchIndex index of the batch, for messages
     * @param batch the columns
     * @return the batch's number of rows
     */
    public int check(String file, int batchIndex, SequencedMap<String, ? extends Column> batch) {
        TableShape other = of(file, batchIndex, batch);
        if (!other.equals(this)) {
            throw new ColumnOutputException(file + ": batch " + batchIndex + " does not match the schema of batch 0: expected "
                    + this + ", got " + other);
        }
        return batch.firstEntry().getValue().length();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (ColumnShape c : columns) {
            sb.append(sb.length() > 1 ? ", " : "").append(c.name()).append(": ").append(c);
        }
        return sb.append('}').toString();
    }
}
