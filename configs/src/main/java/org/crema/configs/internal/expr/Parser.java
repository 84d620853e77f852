package org.crema.configs.internal.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Recursive-descent parser of the expression language (grammar in docs/configs.md). Precedence,
 * loosest first: {@code ||}, {@code &&}, comparisons, {@code |}, {@code ^}, {@code &}, {@code + -},
 * {@code * / %}, unary {@code ! - ~}, postfix {@code .field [k] [a:b]}. Bit operators bind tighter
 * than comparisons (as in Python), so {@code jetId & 2 != 0} means {@code (jetId & 2) != 0}.
 *
 * <p>{@code ${a.b}} is a parameter reference, replaced by the parameter's value through
 * {@code parameters}; a number value becomes a number literal at the reference's position.
 */
public final class Parser {
    private final String text;
    private final Function<String, Object> parameters;
    private int pos;

    private Parser(String text, Function<String, Object> parameters) {
        this.text = text;
        this.parameters = parameters;
    }

    /**
     * @param text the expression
     * @param parameters parameter path → value (Number, Boolean or String); null when undefined
     * @return the syntax tree
     * @throws ExprException at the offending offset
     */
    public static Ast parse(String text, Function<String, Object> parameters) {
        Parser p = new Parser(text, parameters);
        p.skipSpace();
        if (p.pos >= text.length()) {
            throw new ExprException(0, "empty expression; expected e.g. 'pt > 30'");
        }
        Ast a = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new ExprException(p.pos, "unexpected '" + text.charAt(p.pos) + "'; expected an operator or the end");
        }
        return a;
    }

    private Ast or() {
        Ast a = and();
        while (true) {
            int at = skipSpace();
            if (eat("||")) {
                a = new Ast.Binary(at, "||", a, and());
            } else {
                return a;
            }
        }
    }

    private Ast and() {
        Ast a = comparison();
        while (true) {
            int at = skipSpace();
            if (eat("&&")) {
                a = new Ast.Binary(at, "&&", a, comparison());
            } else {
                return a;
            }
        }
    }

    private Ast comparison() {
        Ast a = bitOr();
        int at = skipSpace();
        for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            if (eat(op)) {
                Ast b = bitOr();
                int next = skipSpace();
                for (String op2 : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                    if (text.startsWith(op2, next)) {
                        throw new ExprException(next, "comparisons do not chain; write 'a < b && b < c'");
                    }
                }
                return new Ast.Binary(at, op, a, b);
            }
        }
        return a;
    }

    private Ast bitOr() {
        Ast a = bitXor();
        while (true) {
            int at = skipSpace();
            if (text.startsWith("|", at) && !text.startsWith("||", at)) {
                pos++;
                a = new Ast.Binary(at, "|", a, bitXor());
            } else {
                return a;
            }
        }
    }

    private Ast bitXor() {
        Ast a = bitAnd();
        while (true) {
            int at = skipSpace();
            if (eat("^")) {
                a = new Ast.Binary(at, "^", a, bitAnd());
            } else {
                return a;
            }
        }
    }

    private Ast bitAnd() {
        Ast a = additive();
        while (true) {
            int at = skipSpace();
            if (text.startsWith("&", at) && !text.startsWith("&&", at)) {
                pos++;
                a = new Ast.Binary(at, "&", a, additive());
            } else {
                return a;
            }
        }
    }

    private Ast additive() {
        Ast a = multiplicative();
        while (true) {
            int at = skipSpace();
            if (eat("+")) {
                a = new Ast.Binary(at, "+", a, multiplicative());
            } else if (eat("-")) {
                a = new Ast.Binary(at, "-", a, multiplicative());
            } else {
                return a;
            }
        }
    }

    private Ast multiplicative() {
        Ast a = unary();
        while (true) {
            int at = skipSpace();
            if (eat("*")) {
                a = new Ast.Binary(at, "*", a, unary());
            } else if (eat("/")) {
                a = new Ast.Binary(at, "/", a, unary());
            } else if (eat("%")) {
                a = new Ast.Binary(at, "%", a, unary());
            } else {
                return a;
            }
        }
    }

    private Ast unary() {
        int at = skipSpace();
        if (text.startsWith("!", at) && !text.startsWith("!=", at)) {
            pos++;
            return new Ast.Unary(at, "!", unary());
        }
        if (eat("-")) {
            Ast x = unary();
            if (x instanceof Ast.Num n) {
                return new Ast.Num(at, -n.value(), n.integral());
            }
            return new Ast.Unary(at, "-", x);
        }
        if (eat("~")) {
            return new Ast.Unary(at, "~", unary());
        }
        return postfix(primary());
    }

    private Ast postfix(Ast a) {
        while (true) {
            int at = skipSpace();
            if (eat(".")) {
                skipSpace();
                int start = pos;
                String name = identifier();
                if (name == null) {
                    throw new ExprException(start, "expected a field name after '.'");
                }
                a = new Ast.Field(a.pos(), a, name, start);
            } else if (eat("[")) {
                skipSpace();
                Integer from = optInt();
                skipSpace();
                if (eat(":")) {
                    skipSpace();
                    Integer to = optInt();
                    expect("]", "']' to close the slice");
                    a = new Ast.Slice(a.pos(), a, from, to);
                } else {
                    if (from == null) {
                        throw new ExprException(pos, "expected a non-negative integer index, e.g. [0], or a slice [0:4]");
                    }
                    expect("]", "']' to close the index");
                    a = new Ast.Index(a.pos(), a, from);
                }
            } else {
                return a;
            }
        }
    }

    private Integer optInt() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            if (pos < text.length() && text.charAt(pos) != ':' && text.charAt(pos) != ']') {
                throw new ExprException(pos, "expected a non-negative integer index, e.g. [0], or a slice [0:4]");
            }
            return null;
        }
        return Integer.valueOf(text.substring(start, pos));
    }

    private Ast primary() {
        int at = skipSpace();
        if (at >= text.length()) {
            throw new ExprException(at, "unexpected end of expression; expected a value");
        }
        char c = text.charAt(at);
        if (c == '(') {
            pos++;
            Ast a = or();
            expect(")", "')'");
            return a;
        }
        if (Character.isDigit(c) || c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
            return number();
        }
        if (text.startsWith("${", at)) {
            int end = text.indexOf('}', at);
            if (end < 0) {
                throw new ExprException(at, "unclosed parameter reference; expected '${name}'");
            }
            String path = text.substring(at + 2, end).trim();
            Object v = parameters.apply(path);
            if (v == null) {
                throw new ExprException(at + 2, "undefined parameter '" + path + "'");
            }
            pos = end + 1;
            if (v instanceof Number n) {
                boolean integral = n instanceof Integer || n instanceof Long;
                return new Ast.Num(at, n.doubleValue(), integral);
            }
            if (v instanceof Boolean b) {
                return new Ast.Bool(at, b);
            }
            throw new ExprException(at + 2, "parameter '" + path + "' is " + describe(v)
                    + ", not a number or boolean; expected a number in an expression");
        }
        String name = identifier();
        if (name == null) {
            throw new ExprException(at, "unexpected '" + c + "'; expected a number, a name or '('");
        }
        if (name.equals("true") || name.equals("false")) {
            return new Ast.Bool(at, name.equals("true"));
        }
        int save = pos;
        skipSpace();
        if (eat("(")) {
            List<Ast> args = new ArrayList<>();
            skipSpace();
            if (!eat(")")) {
                do {
                    args.add(or());
                    skipSpace();
                } while (eat(","));
                expect(")", "',' or ')' in the argument list of " + name + "(...)");
            }
            return new Ast.Call(at, name, args);
        }
        pos = save;
        return new Ast.Name(at, name);
    }

    private static String describe(Object v) {
        return v instanceof java.util.Map ? "a map" : v instanceof java.util.List ? "a list" : "'" + v + "'";
    }

    private Ast number() {
        int start = pos;
        boolean integral = true;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            integral = false;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            integral = false;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (digits == pos) {
                throw new ExprException(pos, "expected digits of the exponent");
            }
        }
        if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            throw new ExprException(pos, "unexpected '" + text.charAt(pos) + "' after a number");
        }
        String s = text.substring(start, pos);
        double v = Double.parseDouble(s);
        if (integral && Math.abs(v) > Integer.MAX_VALUE) {
            integral = false;
        }
        return new Ast.Num(start, v, integral);
    }

    private String identifier() {
        int start = pos;
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return text.substring(start, pos);
        }
        return null;
    }

    private int skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private boolean eat(String s) {
        skipSpace();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expect(String s, String what) {
        skipSpace();
        if (!eat(s)) {
            throw new ExprException(pos, pos >= text.length() ? "unexpected end of expression; expected " + what
                    : "unexpected '" + text.charAt(pos) + "'; expected " + what);
        }
    }
}
