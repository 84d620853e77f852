package org.crema.columnar;

/** Short, bounded {@code toString} renderings for debugging output. */
final class ColumnFormat {
    private static final int MAX_SHOWN = 10;

    private ColumnFormat() {}

    static String format(PrimitiveColumn c) {
        StringBuilder sb = new StringBuilder(c.elementType().name().toLowerCase()).append('[');
        int n = Math.min(c.length(), MAX_SHOWN);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendValue(sb, c, i);
        }
        if (c.length() > n) {
            sb.append(", … (").append(c.length()).append(" entries)");
        }
        return sb.append(']').toString();
    }

    static void appendValue(StringBuilder sb, PrimitiveColumn c, int i) {
        switch (c) {
            case FloatColumn f -> sb.append(f.get(i));
            case DoubleColumn d -> sb.append(d.get(i));
            case BoolColumn b -> sb.append(b.get(i));
            case LongColumn l when l.isUnsigned() -> sb.append(Long.toUnsignedString(l.get(i)));
            default -> sb.append(c.getLong(i));
        }
    }

    static String format(ListColumn<?> c) {
        StringBuilder sb = new StringBuilder("list[");
        int n = Math.min(c.length(), MAX_SHOWN);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(c.get(i));
        }
        if (c.length() > n) {
            sb.append(", … (").append(c.length()).append(" entries)");
        }
        return sb.append(']').toString();
    }
}
