package org.crema.correctionlib.internal;

/** A formula (or a bound formula reference): evaluates a compiled, parameter-bound expression. */
public final class FormulaNode extends Node {
    private final Expr bound;
    private final Expr expr;
    private final int registers;

    /** @param expr the bound expression */
    public FormulaNode(Expr expr) {
        this.bound = expr;
        Cse.Result r = Cse.apply(expr);
        this.expr = r.expr();
        this.registers = r.registers();
    }

    /** @return whether the bound expression folded to a constant */
    public boolean folded() {
        return bound.isConstant();
    }

    /** @return the folded value (only when {@link #folded}) */
    public double foldedValue() {
        return bound.constantValue();
    }

    @Override
    public void evalChunk(Frame f, int from, int n, double[] out) {
        if (from != 0) {
            super.evalChunk(f, from, n, out);
            return;
        }
        evalColumns(f, null, 0, n, out);
    }

    @Override
    public void evalIndexed(Frame f, int[] idx, int from, int count, double[] out) {
        evalColumns(f, idx, from, count, out);
    }

    /** Column-wise: each operator runs over the whole group, so dispatch is paid per group, not per element. */
    private void evalColumns(Frame f, int[] idx, int from, int count, double[] out) {
        f.activeRegisterColumns = registers == 0 ? null : f.registerColumns(registers, count);
        expr.evalColumn(f, idx, from, count, out, 0);
    }

    @Override
    public double eval(Frame f, int i) {
        if (f.registers.length < registers) {
            f.registers = new double[registers];
        }
        return expr.eval(f, i);
    }
}
