package org.crema.processor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crema.columnar.BoolColumn;
import org.junit.jupiter.api.Test;

class PackedSelectionTest {

    private static boolean[] random(Random r, int n) {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextBoolean();
        }
        return b;
    }

    @Test
    void moreThan64CutsAndEveryCombinationMatchesBooleanLogic() {
        Random r = new Random(7);
        int n = 131; // not a multiple of 64: exercises the tail word
        int cuts = 70;
        boolean[][] m = new boolean[cuts][];
        PackedSelection sel = new PackedSelection(n);
        for (int c = 0; c < cuts; c++) {
            m[c] = random(r, n);
            sel.add("c" + c, m[c]);
        }
        assertThat(sel.names()).hasSize(cuts);
        boolean[] all = sel.all().toArray();
        boolean[] some = sel.all("c3", "c65").toArray();
        boolean[] req = sel.require(Map.of("c1", true, "c69", false)).toArray();
        boolean[] any = sel.any("c0", "c68").toArray();
        for (int i = 0; i < n; i++) {
            boolean a = true;
            for (int c = 0; c < cuts; c++) {
                a &= m[c][i];
            }
            assertThat(all[i]).isEqualTo(a);
            assertThat(some[i]).isEqualTo(m[3][i] && m[65][i]);
            assertThat(req[i]).isEqualTo(m[1][i] && !m[69][i]);
            assertThat(any[i]).isEqualTo(m[0][i] || m[68][i]);
        }
    }

    @Test
    void nMinusOneAndCumulative() {
        boolean[] a = {true, true, false, true, false};
        boolean[] b = {true, false, true, true, false};
        boolean[] c = {false, true, true, true, true};
        PackedSelection sel = new PackedSelection(5).add("a", a).add("b", b).add("c", c);
        Map<String, BoolColumn> nm1 = sel.nMinusOne();
        assertThat(nm1.get("a").toArray()).containsExactly(false, false, true, true, false);
        assertThat(nm1.get("b").toArray()).containsExactly(false, true, false, true, false);
        assertThat(nm1.get("c").toArray()).containsExactly(true, false, false, true, false);
        List<BoolColumn> cf = sel.cumulative();
        assertThat(cf.get(0).toArray()).containsExactly(a);
        assertThat(cf.get(1).toArray()).containsExactly(true, false, false, true, false);
        assertThat(cf.get(2).toArray()).containsExactly(false, false, false, true, false);
        assertThat(sel.count()).isEqualTo(1);
        assertThat(sel.allOf(List.of()).toArray()).containsOnly(true);
    }

    @Test
    void errorsNameTheProblem() {
        PackedSelection sel = new PackedSelection(3).add("x", new boolean[3]);
        assertThatThrownBy(() -> sel.add("y", new boolean[4])).hasMessageContaining("must have 3 entries, got 4");
        assertThatThrownBy(() -> sel.add("x", new boolean[3])).hasMessageContaining("already added");
        assertThatThrownBy(() -> sel.all("nope")).hasMessageContaining("no cut 'nope'").hasMessageContaining("[x]");
    }

    @Test
    void standardAndCartesianCategories() {
        PackedSelection sel = new PackedSelection(6)
                .add("ee", new boolean[] {true, true, true, false, false, false})
                .add("mumu", new boolean[] {false, false, false, true, true, true})
                .add("1b", new boolean[] {true, false, false, true, false, false})
                .add("2b", new boolean[] {false, true, false, false, true, false})
                .add("met", new boolean[] {true, true, true, true, false, false});
        Categories cats = Categories.cartesian(List.of(
                new Categories.MultiCut("channel", linked("ee", "ee", "mumu", "mumu")),
                new Categories.MultiCut("nb", linked("1b", "1b", "2b", "2b"))),
                Categories.standard(Map.of("highMet", List.of("met"))));
        assertThat(cats.names()).containsExactly("ee_1b", "ee_2b", "mumu_1b", "mumu_2b", "highMet");
        Map<String, BoolColumn> masks = cats.masks(sel);
        assertThat(masks.get("ee_1b").toArray()).containsExactly(true, false, false, false, false, false);
        assertThat(masks.get("mumu_2b").toArray()).containsExactly(false, false, false, false, true, false);
        assertThat(masks.get("highMet").toArray()).containsExactly(true, true, true, true, false, false);
        assertThat(Categories.single("all").masks(sel).get("all").toArray()).containsOnly(true);
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
