package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;

/** Entry-by-entry equality of columns read in different ways (values compared bit for bit). */
final class ColumnAssert {
    private ColumnAssert() {
    }

    static void assertSameEntries(String what, Column expected, Column actual) {
        assertThat(actual.length()).as(what + " length").isEqualTo(expected.length());
        if (expected instanceof ListColumn<?> e) {
            assertThat(actual).as(what).isInstanceOf(ListColumn.class);
            ListColumn<?> a = (ListColumn<?>) actual;
            PrimitiveColumn ec = (PrimitiveColumn) e.content();
            PrimitiveColumn ac = (PrimitiveColumn) a.content();
            for (int i = 0; i < e.length(); i++) {
                assertThat(a.count(i)).as(what + " count of entry " + i).isEqualTo(e.count(i));
                for (int j = 0; j < e.count(i); j++) {
                    assertThat(Double.doubleToRawLongBits(ac.getDouble(a.start(i) + j)))
                            .as(what + " entry " + i + " element " + j)
                            .isEqualTo(Double.doubleToRawLongBits(ec.getDouble(e.start(i) + j)));
                }
            }
        } else {
            PrimitiveColumn e = (PrimitiveColumn) expected;
            PrimitiveColumn a = (PrimitiveColumn) actual;
            assertThat(a.elementType()).isEqualTo(e.elementType());
            for (int i = 0; i < e.length(); i++) {
                assertThat(Double.doubleToRawLongBits(a.getDouble(i))).as(what + " entry " + i)
                        .isEqualTo(Double.doubleToRawLongBits(e.getDouble(i)));
            }
        }
    }
}
