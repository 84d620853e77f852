package org.crema.processor.nano;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;

/** Small kernels shared by the views. */
final class Views {
    private Views() {
    }

    /** @return per element, whether any bit of {@code bits} is set */
    static ListColumn<BoolColumn> bitSet(ListColumn<IntColumn> values, int bits) {
        IntColumn c = values.content();
        int[] a = c.array();
        int o = c.offset();
        boolean[] out = new boolean[c.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (a[o + i] & bits) != 0;
        }
        return values.withContent(BoolColumn.of(out));
    }
}
