package org.crema.columnar;

/**
 * A comparison between a column value {@code x} and a threshold or second operand {@code y}, as
 * used by {@link Masks#compare(FloatColumn, Comparison, float)}. Floating-point comparisons follow
 * Java (IEEE 754): every comparison with NaN is false except {@link #NE}, which is true.
 */
public enum Comparison {
    /** {@code x > y} */
    GT(">"),
    /** {@code x >= y} */
    GE(">="),
    /** {@code x < y} */
    LT("<"),
    /** {@code x <= y} */
    LE("<="),
    /** {@code x == y} */
    EQ("=="),
    /** {@code x != y} */
    NE("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as written in Java, e.g. {@code ">="} */
    public String symbol() {
        return symbol;
    }

    /**
     * @param symbol one of {@code > >= < <= == !=}
     * @return the comparison written that way
     * @throws IllegalArgumentException listing the accepted symbols
     */
    public static Comparison ofSymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("comparison must be one of > >= < <= == !=, got '" + symbol + "'");
    }

    /**
     * @param x left operand
     * @param y right operand
     * @return the comparison's result in float arithmetic
     */
    public boolean test(float x, float y) {
        return switch (this) {
            case GT -> x > y;
            case GE -> x >= y;
            case LT -> x < y;
            case LE -> x <= y;
            case EQ -> x == y;
            case NE -> x != y;
        };
    }

    /**
     * @param x left operand
     * @param y right operand
     * @return the comparison's result in double arithmetic
     */
    public boolean test(double x, double y) {
        return switch (this) {
            case GT -> x > y;
            case GE -> x >= y;
            case LT -> x < y;
            case LE -> x <= y;
            case EQ -> x == y;
            case NE -> x != y;
        };
    }

    /**
     * @param x left operand
     * @param y right operand
     * @return the comparison's result on signed ints
     */
    public boolean test(int x, int y) {
        return switch (this) {
            case GT -> x > y;
            case GE -> x >= y;
            case LT -> x < y;
            case LE -> x <= y;
            case EQ -> x == y;
            case NE -> x != y;
        };
    }
}
