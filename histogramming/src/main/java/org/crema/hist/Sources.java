package org.crema.hist;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;

/**
 * Normalizes the many accepted fill inputs (arrays, columns, jagged columns, scalars) into one
 * shape: a primitive array, a base offset and whether it is per event or per object.
 */
final class Sources {
    private Sources() {}

    enum Kind { DOUBLE, FLOAT, INT, BOOL, STRINGS, SCALAR_DOUBLE, SCALAR_STRING, SCALAR_BOOL }

    /** One normalized input. {@code length} is -1 for scalars. */
    static final class Src {
        final Kind kind;
        final Object array;
        final int base;
        final int length;
        final boolean jagged;
        final ListColumn<?> list;
        final double scalar;
        final String scalarString;

        Src(Kind kind, Object array, int base, int length, ListColumn<?> list, double scalar, String scalarString) {
            this.kind = kind;
            this.array = array;
            this.base = base;
            this.length = length;
            this.list = list;
            this.jagged = list != null;
            this.scalar = scalar;
            this.scalarString = scalarString;
        }

        boolean isScalar() {
            return length < 0;
        }

        String describe() {
            return switch (kind) {
                case SCALAR_DOUBLE -> "a number";
                case SCALAR_STRING -> "a String";
                case SCALAR_BOOL -> "a boolean";
                case STRINGS -> "a String[]";
                default -> (jagged ? "a jagged " : "a ") + kind.name().toLowerCase(java.util.Locale.ROOT) + " array";
            };
        }
    }

    static Src of(Object v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        return switch (v) {
            case double[] a -> new Src(Kind.DOUBLE, a, 0, a.length, null, 0, null);
            case float[] a -> new Src(Kind.FLOAT, a, 0, a.length, null, 0, null);
            case int[] a -> new Src(Kind.INT, a, 0, a.length, null, 0, null);
            case boolean[] a -> new Src(Kind.BOOL, a, 0, a.length, null, 0, null);
            case String[] a -> new Src(Kind.STRINGS, a, 0, a.length, null, 0, null);
            case DoubleColumn c -> new Src(Kind.DOUBLE, c.array(), c.offset(), c.length(), null, 0, null);
            case FloatColumn c -> new Src(Kind.FLOAT, c.array(), c.offset(), c.length(), null, 0, null);
            case IntColumn c -> new Src(Kind.INT, c.array(), c.offset(), c.length(), null, 0, null);
            case BoolColumn c -> new Src(Kind.BOOL, c.array(), c.offset(), c.length(), null, 0, null);
            case ListColumn<?> l -> jagged(l, what);
            case Boolean b -> new Src(Kind.SCALAR_BOOL, null, 0, -1, null, b ? 1 : 0, null);
            case Number n -> new Src(Kind.SCALAR_DOUBLE, null, 0, -1, null, n.doubleValue(), null);
            case String s -> new Src(Kind.SCALAR_STRING, null, 0, -1, null, 0, s);
            default -> throw new IllegalArgumentException(what + " must be a double[], float[], int[], boolean[], "
                    + "String[], a flat or jagged Double/Float/Int/BoolColumn, a number, a boolean or a String; got "
                    + v.getClass().getName());
        };
    }

    private static Src jagged(ListColumn<?> l, String what) {
        Column content = l.content();
        // Row r of the view (objects counted across its events) is content element start(0) + r.
        int first = l.length() == 0 ? 0 : l.start(0);
        int n = l.totalCount();
        return switch (content) {
            case DoubleColumn c -> new Src(Kind.DOUBLE, c.array(), c.offset() + first, n, l, 0, null);
            case FloatColumn c -> new Src(Kind.FLOAT, c.array(), c.offset() + first, n, l, 0, null);
            case IntColumn c -> new Src(Kind.INT, c.array(), c.offset() + first, n, l, 0, null);
            case BoolColumn c -> new Src(Kind.BOOL, c.array(), c.offset() + first, n, l, 0, null);
            default -> throw new IllegalArgumentException(what + " is a jagged column of " + content.getClass().getSimpleName()
                    + "; only lists of Double/Float/Int/BoolColumn can be filled");
        };
    }

    /**
     * Copies {@code n} values of a numeric source, for rows {@code [row, row+n)}, into {@code out}
     * as doubles. {@code parent} (jagged fills) maps each row of the block to its event for
     * per-event sources.
     */
    static void gatherDoubles(Src s, int row, int n, int[] parent, double[] out) {
        boolean perEvent = parent != null && !s.jagged;
        switch (s.kind) {
            case DOUBLE -> {
                double[] a = (double[]) s.array;
                if (perEvent) {
                    for (int i = 0; i < n; i++) {
                        out[i] = a[s.base + parent[i]];
                    }
                } else {
                    System.arraycopy(a, s.base + row, out, 0, n);
                }
            }
            case FLOAT -> {
                float[] a = (float[]) s.array;
                if (perEvent) {
                    for (int i = 0; i < n; i++) {
                        out[i] = a[s.base + parent[i]];
                    }
                } else {
                    int b = s.base + row;
                    for (int i = 0; i < n; i++) {
                        out[i] = a[b + i];
                    }
                }
            }
            case INT -> {
                int[] a = (int[]) s.array;
                for (int i = 0; i < n; i++) {
                    out[i] = a[s.base + (perEvent ? parent[i] : row + i)];
                }
            }
            case BOOL -> {
                boolean[] a = (boolean[]) s.array;
                for (int i = 0; i < n; i++) {
                    out[i] = a[s.base + (perEvent ? parent[i] : row + i)] ? 1 : 0;
                }
            }
            case SCALAR_DOUBLE, SCALAR_BOOL -> java.util.Arrays.fill(out, 0, n, s.scalar);
            default -> throw new IllegalStateException("not numeric: " + s.kind);
        }
    }

    static void gatherInts(Src s, int row, int n, int[] parent, int[] out) {
        boolean perEvent = parent != null && !s.jagged;
        int[] a = (int[]) s.array;
        if (perEvent) {
            for (int i = 0; i < n; i++) {
                out[i] = a[s.base + parent[i]];
            }
        } else {
            System.arraycopy(a, s.base + row, out, 0, n);
        }
    }

    static String stringAt(Src s, int row, int[] parent, int i) {
        String[] a = (String[]) s.array;
        return a[s.base + (parent != null && !s.jagged ? parent[i] : row + i)];
    }

    static boolean boolAt(Src s, int row, int[] parent, int i) {
        boolean[] a = (boolean[]) s.array;
        return a[s.base + (parent != null && !s.jagged ? parent[i] : row + i)];
    }
}
