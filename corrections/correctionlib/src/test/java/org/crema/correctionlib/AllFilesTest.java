package org.crema.correctionlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.crema.correctionlib.internal.Node;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every correction of every real file, probed at bin centres, at every edge and out of range, with
 * every category key: the only exception allowed is a documented {@link CorrectionDomainException},
 * and the vectorised path (with COLLECT) agrees bit for bit with the scalar path.
 */
class AllFilesTest {

    static Stream<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestData.root().resolve("data/corrections/correctionlib"))) {
            s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz")).sorted().forEach(files::add);
        }
        Path shared = TestData.jsonpogDir();
        if (shared != null) {
            try (Stream<Path> s = Files.walk(shared)) {
                s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    /** Candidate values per input, gathered from the tree. */
    private static List<List<Object>> candidates(Correction c) {
        int m = c.inputs().size();
        List<TreeSet<Double>> reals = new ArrayList<>();
        List<TreeSet<Long>> ints = new ArrayList<>();
        List<TreeSet<String>> strs = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            reals.add(new TreeSet<>());
            ints.add(new TreeSet<>());
            strs.add(new TreeSet<>());
        }
        c.root().probe(new Node.ProbeSink() {
            @Override
            public void edges(int slot, double[] e) {
                TreeSet<Double> set = reals.get(slot);
                if (set.size() > 400) {
                    return;
                }
                for (int k = 0; k < e.length; k++) {
                    set.add(e[k]);
                    if (k + 1 < e.length) {
                        double centre = Double.isInfinite(e[k + 1]) ? e[k] + 1 : Double.isInfinite(e[k]) ? e[k + 1] - 1 : 0.5 * (e[k] + e[k + 1]);
                        set.add(centre);
                    }
                }
                set.add(Double.isInfinite(e[0]) ? -1e300 : e[0] - 1.0); // below
                set.add(Double.isInfinite(e[e.length - 1]) ? 1e300 : e[e.length - 1] + 1.0); // above
            }

            @Override
            public void intKey(int slot, long key) {
                ints.get(slot).add(key);
            }

            @Override
            public void stringKey(int slot, String key) {
                strs.get(slot).add(key);
            }
        });
        List<List<Object>> out = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            List<Object> vals = new ArrayList<>();
            switch (c.inputs().get(k).type()) {
                case REAL -> {
                    vals.addAll(reals.get(k));
                    vals.add(1.0);
                    vals.add(Double.NaN);
                }
                case INT -> {
                    vals.addAll(ints.get(k));
                    for (double d : reals.get(k)) {
                        if (Math.abs(d) < 1e15) {
                            vals.add((long) d);
                        }
                    }
                    vals.add(0L);
                    vals.add(-12345L);
                }
                case STRING -> {
                    vals.addAll(strs.get(k));
                    vals.add("no-such-key");
                }
            }
            out.add(vals);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyCorrectionEvaluatesEverywhere(Path file) {
        CorrectionSet set = CorrectionSet.load(file);
        assertThat(set.names()).isNotEmpty();
        Random rnd = new Random(12345);
        int points = 0;
        for (Correction c : set.corrections()) {
            List<List<Object>> cand = candidates(c);
            int n = c.inputs().isEmpty() ? 1 : 300;
            Object[][] rows = new Object[n][];
            for (int i = 0; i < n; i++) {
                Object[] row = new Object[cand.size()];
                for (int k = 0; k < row.length; k++) {
                    List<Object> v = cand.get(k);
                    // walk each input's candidates in order first (so every edge is seen), then randomly
                    row[k] = i < v.size() ? v.get(i) : v.get(rnd.nextInt(v.size()));
                }
                rows[i] = row;
            }
            double[] scalar = new double[n];
            for (int i = 0; i < n; i++) {
                Object[] row = rows[i];
                try {
                    scalar[i] = c.evaluate(row);
                } catch (CorrectionDomainException e) {
                    assertThat(e.correction()).isEqualTo(c.name());
                    assertThat(e.getMessage()).contains(e.input()).contains("allowed");
                    scalar[i] = Double.NaN;
                }
            }
            Evaluation ev = bindRows(c, rows, n).evaluate(n, ErrorPolicy.COLLECT);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToLongBits(ev.values()[i])).as("%s element %d", c.name(), i)
                        .isEqualTo(Double.doubleToLongBits(scalar[i]));
            }
            // The rows that evaluate without error, through the whole-chunk path (grouped by bin,
            // formulas column-wise), which COLLECT leaves as soon as one element fails.
            List<Object[]> good = new ArrayList<>();
            List<Double> expected = new ArrayList<>();
            java.util.Set<Integer> failedRows = new java.util.HashSet<>();
            ev.errors().forEach(e -> failedRows.add(e.index()));
            for (int i = 0; i < n; i++) {
                if (!failedRows.contains(i)) {
                    good.add(rows[i]);
                    expected.add(scalar[i]);
                }
            }
            double[] chunk = bindRows(c, good.toArray(new Object[0][]), good.size()).evaluate(good.size());
            for (int i = 0; i < chunk.length; i++) {
                assertThat(Double.doubleToLongBits(chunk[i])).as("%s good element %d", c.name(), i)
                        .isEqualTo(Double.doubleToLongBits(expected.get(i)));
            }
            points += n;
        }
        assertThat(points).isPositive();
    }

    private static Inputs bindRows(Correction c, Object[][] rows, int n) {
        Inputs in = c.bind();
        for (int k = 0; k < c.inputs().size(); k++) {
            Variable v = c.inputs().get(k);
            switch (v.type()) {
                case REAL -> {
                    double[] col = new double[n];
                    for (int i = 0; i < n; i++) {
                        col[i] = (Double) rows[i][k];
                    }
                    in.column(v.name(), col);
                }
                case INT -> {
                    long[] col = new long[n];
                    for (int i = 0; i < n; i++) {
                        col[i] = (Long) rows[i][k];
                    }
                    in.column(v.name(), col);
                }
                case STRING -> {
                    String[] col = new String[n];
                    for (int i = 0; i < n; i++) {
                        col[i] = (String) rows[i][k];
                    }
                    in.column(v.name(), col);
                }
            }
        }
        return in;
    }

    @ParameterizedTest
    @MethodSource("files")
    void compoundsEvaluate(Path file) {
        CorrectionSet set = CorrectionSet.load(file);
        Assumptions.assumeFalse(set.compounds().isEmpty(), "no compound corrections in " + file.getFileName());
        for (CompoundCorrection cc : set.compounds()) {
            Object[] args = new Object[cc.inputs().size()];
            for (int k = 0; k < args.length; k++) {
                args[k] = switch (cc.inputs().get(k).type()) {
                    case REAL -> switch (cc.inputs().get(k).name()) {
                        case "JetPt" -> 50.0;
                        case "JetA" -> 0.5;
                        case "Rho" -> 15.0;
                        default -> 0.3;
                    };
                    case INT -> 1L;
                    case STRING -> "nom";
                };
            }
            assertThatCode(() -> assertThat(cc.evaluate(args)).isFinite()).as(cc.name()).doesNotThrowAnyException();
        }
    }
}
