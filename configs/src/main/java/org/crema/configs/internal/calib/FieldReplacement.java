package org.crema.configs.internal.calib;

import java.util.Arrays;
import org.crema.columnar.Arith;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.ConfigException;

/**
 * Replaces one field of a collection by per-object values an expression computed, keeping the
 * field's column type: a float field stays float, the values rounded to the nearest float as the
 * Java cast {@code (float) x} does; a double field stays double.
 */
public final class FieldReplacement {
    private FieldReplacement() {
    }

    /**
     * @param variation the variation's name, for messages
     * @param objects the collection
     * @param field a float or double field of it
     * @param values one number per object, lists aligned with {@code objects}
     * @return the collection with the field replaced, other fields shared
     * @throws ConfigException when the values are not one per object
     */
    public static ListColumn<RecordColumn> replace(String variation, ListColumn<RecordColumn> objects, String field,
            Column values) {
        int[] offsets = objects.zeroBasedOffsets();
        if (!(values instanceof ListColumn<?> lists)) {
            throw new ConfigException("variation '" + variation + "' gives one value per event; expected one per object");
        }
        int[] got = lists.zeroBasedOffsets();
        if (!Arrays.equals(offsets, got)) {
            throw new ConfigException("variation '" + variation + "': " + describe(offsets, got)
                    + "; the expression must give one number per object of the varied collection");
        }
        RecordColumn content = (RecordColumn) objects.flatContent();
        PrimitiveColumn flat = (PrimitiveColumn) lists.flatContent();
        Column replaced = switch (content.field(field)) {
            case FloatColumn f -> Arith.toFloat(flat);
            case DoubleColumn d -> Arith.toDouble(flat);
            default -> throw new ConfigException("variation '" + variation + "': field '" + field + "' is "
                    + content.field(field).getClass().getSimpleName() + "; expected a float or double field");
        };
        return ListColumn.of(offsets, content.withField(field, replaced));
    }

    private static String describe(int[] objects, int[] values) {
        int events = Math.min(objects.length, values.length) - 1;
        for (int e = 0; e < events; e++) {
            int want = objects[e + 1] - objects[e];
            int have = values[e + 1] - values[e];
            if (want != have) {
                return "event " + e + " of the chunk has " + want + " objects but the expression gives " + have
                        + " values";
            }
        }
        return "the expression gives values for " + (values.length - 1) + " events, the collection has "
                + (objects.length - 1);
    }
}
