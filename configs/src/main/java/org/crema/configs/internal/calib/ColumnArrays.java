package org.crema.configs.internal.calib;

import org.crema.columnar.Column;
import org.crema.columnar.PrimitiveColumn;

/**
 * Branch contents as the primitive arrays the correction kernels take: NanoAOD stores some inputs in
 * narrower or wider types than the kernels want (e.g. {@code UChar_t} layer counts, {@code ULong64_t}
 * event numbers), and converting here keeps the calibrations free of per-type branches.
 */
final class ColumnArrays {
    private ColumnArrays() {
    }

    static float[] floats(Column c) {
        return ((PrimitiveColumn) c).toFloat().toArray();
    }

    static int[] ints(Column c) {
        return ((PrimitiveColumn) c).toInt().toArray();
    }

    static long[] longs(Column c) {
        return ((PrimitiveColumn) c).toLong().toArray();
    }
}
