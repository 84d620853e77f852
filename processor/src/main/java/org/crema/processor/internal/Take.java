package org.crema.processor.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.ShortColumn;

/** Gathers entries of any column by index (a copy), recursing through lists and records. */
public final class Take {
    private Take() {
    }

    /**
     * @param mask one flag per entry
     * @return indices of the entries whose flag is set, ascending
     */
    public static int[] indicesOf(BoolColumn mask) {
        boolean[] a = mask.array();
        int off = mask.offset();
        int n = mask.length();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (a[off + i]) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (a[off + i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /**
     * @param column any column
     * @param indices entries to keep, each in {@code [0, column.length())}
     * @return a new column with {@code indices.length} entries
     */
    public static Column take(Column column, int[] indices) {
        return switch (column) {
            case BoolColumn c -> c.take(indices);
            case ByteColumn c -> c.take(indices);
            case ShortColumn c -> c.take(indices);
            case IntColumn c -> c.take(indices);
            case LongColumn c -> c.take(indices);
            case FloatColumn c -> c.take(indices);
            case DoubleColumn c -> c.take(indices);
            case ListColumn<?> c -> takeList(c, indices);
            case RecordColumn c -> {
                Map<String, Column> fields = new LinkedHashMap<>();
                c.fields().forEach((name, f) -> fields.put(name, take(f, indices)));
                yield RecordColumn.of(fields, indices.length);
            }
        };
    }

    private static ListColumn<Column> takeList(ListColumn<?> list, int[] indices) {
        int[] offsets = new int[indices.length + 1];
        int total = 0;
        for (int i = 0; i < indices.length; i++) {
            total += list.count(indices[i]);
            offsets[i + 1] = total;
        }
        int[] inner = new int[total];
        int k = 0;
        for (int index : indices) {
            for (int j = list.start(index), e = list.end(index); j < e; j++) {
                inner[k++] = j;
            }
        }
        return ListColumn.ofTrusted(offsets, take(list.content(), inner));
    }
}
