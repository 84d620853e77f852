package org.crema.configs.internal.expr;

import java.util.List;

/** The parsed form of an expression; every node knows its offset in the expression text. */
public sealed interface Ast {
    /** @return 0-based offset of the node's first character */
    int pos();

    /** A number literal; {@code integral} when written without a point or exponent. */
    record Num(int pos, double value, boolean integral) implements Ast {
    }

    /** {@code true} or {@code false}. */
    record Bool(int pos, boolean value) implements Ast {
    }

    /** A name: a branch, collection, object, variable or (inside {@code where}) a field. */
    record Name(int pos, String name) implements Ast {
    }

    /** {@code target.name}; {@code pos} is the target's, {@code namePos} the field name's. */
    record Field(int pos, Ast target, String name, int namePos) implements Ast {
    }

    /** {@code target[k]}, k a non-negative integer literal. */
    record Index(int pos, Ast target, int k) implements Ast {
    }

    /** {@code target[from:to]}; a missing bound is null. */
    record Slice(int pos, Ast target, Integer from, Integer to) implements Ast {
    }

    /** {@code name(args)}. */
    record Call(int pos, String name, List<Ast> args) implements Ast {
    }

    /** {@code !x}, {@code -x}, {@code ~x}. */
    record Unary(int pos, String op, Ast x) implements Ast {
    }

    /** {@code a op b}. */
    record Binary(int pos, String op, Ast a, Ast b) implements Ast {
    }
}
