package org.crema.configs.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crema.columnar.Column;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.crema.configs.internal.expr.Type.Kind;
import org.junit.jupiter.api.Test;

/** {@code Jet.matchedGen.pt}: per jet, the pt of the generator jet its genJetIdx points to. */
class CrossReferenceTest {
    // jets per event: 2, 0, 3; GenJets: 2, 1, 2
    static final ListColumn<RecordColumn> JETS = ListColumn.of(new int[] {0, 2, 2, 5}, RecordColumn.of(Map.of(
            "pt", FloatColumn.of(50f, 20f, 40f, 30f, 10f),
            "genJetIdx", IntColumn.of(1, -1, 0, 5, 1)), 5));
    static final ListColumn<RecordColumn> GEN = ListColumn.of(new int[] {0, 2, 3, 5}, RecordColumn.of(Map.of(
            "pt", FloatColumn.of(11f, 12f, 21f, 31f, 32f),
            "partonFlavour", IntColumn.of(5, 4, 0, 21, 5)), 5));

    static final Scope SCOPE = new Scope() {
        @Override
        public Type variable(String name) {
            return null;
        }

        @Override
        public Map<String, Kind> collection(String name) {
            Map<String, Kind> m = new LinkedHashMap<>();
            m.put("pt", Kind.FLOAT);
            switch (name) {
                case "Jet" -> m.put("genJetIdx", Kind.INT);
                case "GenJet" -> m.put("partonFlavour", Kind.INT);
                default -> {
                    return null;
                }
            }
            return m;
        }

        @Override
        public Kind branch(String name) {
            return null;
        }

        @Override
        public String self() {
            return null;
        }

        @Override
        public String[] reference(String collection, String name) {
            return collection.equals("Jet") && name.equals("matchedGen") ? new String[] {"genJetIdx", "GenJet"} : null;
        }

        @Override
        public Collection<String> names() {
            return List.of("Jet", "GenJet");
        }

        @Override
        public void use(String collection, String field) {
        }
    };

    static final Env ENV = new Env() {
        @Override
        public int size() {
            return 3;
        }

        @Override
        public Column branch(String name) {
            throw new AssertionError(name);
        }

        @Override
        public ListColumn<RecordColumn> collection(String name) {
            return name.equals("Jet") ? JETS : GEN;
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
        public <T> T memo(String key, Object input, Supplier<T> compute) {
            return compute.get();
        }
    };

    static Compiled compile(String text) {
        return Compiler.compile(Parser.parse(text, p -> null), SCOPE);
    }

    @Test
    void fieldsOfTheReferencedObjectsWithMissingWhereNoneOrOutOfRange() {
        Compiled pt = compile("Jet.matchedGen.pt");
        assertThat(pt.type()).isEqualTo(Type.jagged(Kind.FLOAT));
        ListColumn<?> v = (ListColumn<?>) pt.eval(ENV);
        assertThat(v.counts()).isEqualTo(IntColumn.of(2, 0, 3));
        // -1 is no match; 5 points past the two GenJets NanoAOD kept in that event
        assertThat(v.flatContent()).isEqualTo(FloatColumn.of(12f, Float.NaN, 31f, Float.NaN, 32f));
        assertThat(((ListColumn<?>) compile("Jet.matchedGen.partonFlavour").eval(ENV)).flatContent())
                .isEqualTo(IntColumn.of(4, 0, 21, 0, 5));
        // and they compose with the rest of the language: the jet response per event
        assertThat(compile("sum(Jet.pt / Jet.matchedGen.pt > 1)").eval(ENV)).isEqualTo(IntColumn.of(1, 0, 1));
    }

    @Test
    void misuseIsReportedAtTheName() {
        assertThatThrownBy(() -> compile("Jet.matchedGenn.pt")).isInstanceOf(ExprException.class)
                .hasMessage("Jet has no field 'matchedGenn'; did you mean 'matchedGen'?");
        assertThatThrownBy(() -> compile("Jet[0].matchedGen.pt")).isInstanceOf(ExprException.class)
                .hasMessage("Jet has no field 'matchedGen'; cross-references such as matchedGen are read from a"
                        + " collection, e.g. Jet.matchedGen.pt");
        assertThatThrownBy(() -> compile("Jet.matchedGen.eta")).isInstanceOf(ExprException.class)
                .hasMessage("GenJet has no field 'eta'; did you mean 'pt'?");
        assertThatThrownBy(() -> compile("count(Jet.matchedGen)")).isInstanceOf(ExprException.class)
                .hasMessageStartingWith("count() reduces per-object values to one per event");
    }
}
