package org.crema.configs.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.internal.expr.Type.Kind;
import org.crema.configs.internal.expr.Type.Shape;
import org.junit.jupiter.api.Test;

/** The expression language on three hand-made events with 2, 0 and 3 jets, against values worked out by hand. */
class ExpressionTest {
    static final int[] OFF = {0, 2, 2, 5};
    static final ListColumn<RecordColumn> JETS = ListColumn.of(OFF, RecordColumn.of(Map.of(
            "pt", FloatColumn.of(50f, 20f, 40f, 30f, 10f),
            "eta", FloatColumn.of(0.5f, -1f, 2.5f, 0.1f, -0.3f),
            "phi", FloatColumn.of(0f, 1f, 2f, -2f, 3f),
            "mass", FloatColumn.of(5f, 4f, 3f, 2f, 1f),
            "jetId", IntColumn.of(6, 2, 7, 4, 6)), 5));
    static final Map<String, Column> FLAT = Map.of("nJet", IntColumn.of(2, 0, 3), "MET_pt", FloatColumn.of(10.5f, 20.25f, 30f));

    static final Scope SCOPE = new Scope() {
        @Override
        public Type variable(String name) {
            return null;
        }

        @Override
        public Map<String, Kind> collection(String name) {
            if (!name.equals("Jet")) {
                return null;
            }
            Map<String, Kind> m = new LinkedHashMap<>();
            for (String f : List.of("pt", "eta", "phi", "mass")) {
                m.put(f, Kind.FLOAT);
            }
            m.put("jetId", Kind.INT);
            return m;
        }

        @Override
        public Kind branch(String name) {
            return name.equals("nJet") ? Kind.INT : name.equals("MET_pt") ? Kind.FLOAT : null;
        }

        @Override
        public String self() {
            return null;
        }

        @Override
        public Collection<String> names() {
            return List.of("Jet", "nJet", "MET_pt");
        }

        @Override
        public void use(String collection, String field) {
        }
    };

    static final Env ENV = new Env() {
        final Map<String, Object[]> memo = new HashMap<>();

        @Override
        public int size() {
            return 3;
        }

        @Override
        public Column branch(String name) {
            return FLAT.get(name);
        }

        @Override
        public ListColumn<RecordColumn> collection(String name) {
            return JETS;
        }

        @Override
        public Column variable(String name) {
            throw new AssertionError(name);
        }

        @Override
        public ListColumn<RecordColumn> self() {
            return null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T memo(String key, Object input, Supplier<T> compute) {
            Object[] hit = memo.get(key);
            if (hit == null || hit[0] != input) {
                hit = new Object[] {input, compute.get()};
                memo.put(key, hit);
            }
            return (T) hit[1];
        }
    };

    static Compiled compile(String text) {
        return Compiler.compile(Parser.parse(text, p -> p.equals("wp") ? 0.5 : null), SCOPE);
    }

    static Object eval(String text) {
        return compile(text).eval(ENV);
    }

    @Test
    void reductionsIndexingAndSlicing() {
        assertThat(eval("sum(Jet.pt)")).isEqualTo(FloatColumn.of(70f, 0f, 80f));
        assertThat(eval("count(Jet.pt > 25)")).isEqualTo(IntColumn.of(1, 0, 2));
        assertThat(eval("count(Jet)")).isEqualTo(IntColumn.of(2, 0, 3));
        assertThat(eval("Jet[1].pt")).isEqualTo(FloatColumn.of(20f, Float.NaN, 30f));
        assertThat(eval("Jet.jetId[2]")).isEqualTo(IntColumn.of(0, 0, 6));
        assertThat(eval("max(Jet.pt)")).isEqualTo(FloatColumn.of(50f, Float.NaN, 40f));
        assertThat(eval("any(abs(Jet.eta) > 2)")).isEqualTo(BoolColumn.of(false, false, true));
        assertThat(eval("all(Jet.pt > 15)")).isEqualTo(BoolColumn.of(true, true, false));
        ListColumn<?> sliced = (ListColumn<?>) eval("Jet.pt[1:]");
        assertThat(sliced.counts()).isEqualTo(IntColumn.of(1, 0, 2));
        assertThat(sliced.flatContent()).isEqualTo(FloatColumn.of(20f, 30f, 10f));
        assertThat(eval("count(Jet[:2])")).isEqualTo(IntColumn.of(2, 0, 2));
    }

    @Test
    void bitOperationsBindTighterThanComparisons() {
        assertThat(eval("count((Jet.jetId & 6) == 6)")).isEqualTo(IntColumn.of(1, 0, 2));
        assertThat(eval("count(Jet.jetId & 2 != 0)")).isEqualTo(IntColumn.of(2, 0, 2));
        assertThat(eval("sum(Jet.jetId | 1)")).isEqualTo(IntColumn.of(7 + 3, 0, 7 + 5 + 7));
    }

    @Test
    void promotionBroadcastAndConstants() {
        ListColumn<?> b = (ListColumn<?>) eval("Jet.pt * 2 + nJet");
        assertThat(b.flatContent()).isEqualTo(FloatColumn.of(102f, 42f, 83f, 63f, 23f));
        assertThat(eval("nJet / 2")).isEqualTo(DoubleColumn.of(1.0, 0.0, 1.5));
        assertThat(eval("nJet > 1.5")).isEqualTo(BoolColumn.of(true, false, true));
        assertThat(eval("pow(2, nJet)")).isEqualTo(DoubleColumn.of(4.0, 1.0, 8.0));
        assertThat(eval("where(nJet > 1, MET_pt, -1)")).isEqualTo(FloatColumn.of(10.5f, -1f, 30f));
        assertThat(eval("min(MET_pt, 25)")).isEqualTo(FloatColumn.of(10.5f, 20.25f, 25f));
        Compiled folded = compile("1 + 2 * 3 > 6 && !false");
        assertThat(folded.type().shape()).isEqualTo(Shape.CONST);
        assertThat(folded.constant()).isEqualTo(1.0);
        assertThat(eval("MET_pt > ${wp}")).isEqualTo(BoolColumn.of(true, true, true));
    }

    @Test
    void fourVectors() {
        // kinematics are double, as FourVectors returns them; the references below sum the same
        // Cartesian components in another order, hence the tolerances (a few ulps of the inputs)
        assertThat(compile("deltaR(Jet[0], Jet[1])").type()).isEqualTo(Type.event(Kind.DOUBLE));
        DoubleColumn dr = (DoubleColumn) eval("deltaR(Jet[0], Jet[1])");
        assertThat(dr.get(0)).isCloseTo(Math.hypot(0.5 - -1.0, 1.0), within(1e-12));
        assertThat(dr.get(1)).isNaN();
        // event 2: jets 0 and 1, Δφ = 4 wraps to 4 - 2π
        assertThat(dr.get(2)).isCloseTo(Math.hypot((double) 2.5f - 0.1f, 4 - 2 * Math.PI), within(1e-12));
        assertThat(compile("deltaR(Jet, Jet[0])").type()).isEqualTo(Type.jagged(Kind.DOUBLE));
        assertThat(compile("(Jet[0] + Jet[1]).mass").type()).isEqualTo(Type.event(Kind.DOUBLE));
        DoubleColumn m = (DoubleColumn) eval("(Jet[0] + Jet[1]).mass");
        assertThat(m.get(0)).isCloseTo(mass(0, 1), within(1e-9));
        DoubleColumn m3 = (DoubleColumn) eval("(Jet[0] + Jet[1] + Jet[2]).mass");
        assertThat(m3.get(2)).isCloseTo(mass(2, 3, 4), within(1e-9));
        assertThat(m3.get(0)).isNaN();
    }

    @Test
    void kindsFollowJava() {
        // float branch with an int literal stays float, with a double literal becomes double
        assertThat(compile("MET_pt * 2").type()).isEqualTo(Type.event(Kind.FLOAT));
        assertThat(compile("MET_pt * 0.5").type()).isEqualTo(Type.event(Kind.DOUBLE));
        assertThat(eval("MET_pt * 0.1")).isEqualTo(DoubleColumn.of(10.5f * 0.1, 20.25f * 0.1, 30f * 0.1));
        assertThat(compile("Jet.pt * 2.0").type()).isEqualTo(Type.jagged(Kind.DOUBLE));
        assertThat(compile("double(MET_pt)").type()).isEqualTo(Type.event(Kind.DOUBLE));
        assertThat(compile("float((Jet[0] + Jet[1]).mass)").type()).isEqualTo(Type.event(Kind.FLOAT));
        // a float sum plus a double mass is double; min and where widen like Java's Math.min and ?:
        assertThat(compile("MET_pt + (Jet[0] + Jet[1]).pt").type()).isEqualTo(Type.event(Kind.DOUBLE));
        assertThat(compile("min(MET_pt, 25.5)").type()).isEqualTo(Type.event(Kind.DOUBLE));
        assertThat(compile("where(nJet > 1, MET_pt, -1.5)").type()).isEqualTo(Type.event(Kind.DOUBLE));
        // comparisons accept both kinds
        assertThat(eval("MET_pt >= 20.25")).isEqualTo(BoolColumn.of(false, true, true));
        assertThat(eval("(Jet[0] + Jet[1]).mass > 10")).isEqualTo(BoolColumn.of(mass(0, 1) > 10, false, mass(2, 3) > 10));
        assertThat(eval("deltaR(Jet[0], Jet[1]) < MET_pt")).isEqualTo(BoolColumn.of(true, false, true));
    }

    @Test
    void combinationsWithBest() {
        ListColumn<?> pairs = (ListColumn<?>) eval("combinations(Jet, 2).mass");
        assertThat(pairs.counts()).isEqualTo(IntColumn.of(1, 0, 3));
        assertThat(((DoubleColumn) pairs.flatContent()).get(0)).isCloseTo(mass(0, 1), within(1e-9));
        ListColumn<?> firstPt = (ListColumn<?>) eval("combinations(Jet, 2)[0].pt");
        assertThat(firstPt.flatContent()).isEqualTo(FloatColumn.of(50f, 40f, 40f, 30f));
        // event 2: the pair with the largest pt sum among pairs whose first jet has pt > 35
        DoubleColumn best = (DoubleColumn) eval("best(filter(combinations(Jet, 2).mass, combinations(Jet, 2)[0].pt > 35),"
                + " filter(combinations(Jet, 2).pt, combinations(Jet, 2)[0].pt > 35))");
        double p01 = pt(2, 3);
        double p02 = pt(2, 4);
        double expected = p01 >= p02 ? mass(2, 3) : mass(2, 4);
        assertThat(best.get(2)).isCloseTo(expected, within(1e-9));
        assertThat(best.get(1)).isNaN();
    }

    private static double[] sum(int... jets) {
        RecordColumn c = JETS.content();
        double x = 0, y = 0, z = 0, e = 0;
        for (int j : jets) {
            double pt = c.field("pt", FloatColumn.class).get(j);
            double eta = c.field("eta", FloatColumn.class).get(j);
            double phi = c.field("phi", FloatColumn.class).get(j);
            double m = c.field("mass", FloatColumn.class).get(j);
            x += pt * StrictMath.cos(phi);
            y += pt * StrictMath.sin(phi);
            z += pt * StrictMath.sinh(eta);
            e += Math.sqrt(Math.pow(pt * Math.cosh(eta), 2) + m * m);
        }
        return new double[] {x, y, z, e};
    }

    private static double mass(int... jets) {
        double[] s = sum(jets);
        return Math.sqrt(s[3] * s[3] - s[0] * s[0] - s[1] * s[1] - s[2] * s[2]);
    }

    private static double pt(int... jets) {
        double[] s = sum(jets);
        return Math.hypot(s[0], s[1]);
    }
}
