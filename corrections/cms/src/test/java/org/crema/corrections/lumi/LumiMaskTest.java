package org.crema.corrections.lumi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.IntColumn;
import org.crema.corrections.CorrectionFileException;
import org.crema.corrections.TestData;
import org.junit.jupiter.api.Test;

class LumiMaskTest {
    private static final String GOLDEN = "lumi/Cert_294927-306462_13TeV_EOY2017ReReco_Collisions17_JSON.txt";

    @Test
    void firstRunOfThe2017GoldenJson() {
        LumiMask mask = LumiMask.read(TestData.corrections(GOLDEN));
        // "297050": [[12, 137], [193, 776]] — ranges are inclusive.
        assertThat(mask.contains(297050, 11)).isFalse();
        assertThat(mask.contains(297050, 12)).isTrue();
        assertThat(mask.contains(297050, 137)).isTrue();
        assertThat(mask.contains(297050, 138)).isFalse();
        assertThat(mask.contains(297050, 192)).isFalse();
        assertThat(mask.contains(297050, 193)).isTrue();
        assertThat(mask.contains(297050, 776)).isTrue();
        assertThat(mask.contains(297050, 777)).isFalse();
        assertThat(mask.contains(297051, 100)).isFalse();
        assertThat(mask.contains(1, 1)).isFalse();
        assertThat(mask.contains(-1, 1)).isFalse();
    }

    /** Walks every range of the file with a naive reference built from the raw JSON. */
    @Test
    void agreesWithANaiveScanOnEveryRangeBoundaryAndRandomPoints() throws Exception {
        LumiMask mask = LumiMask.read(TestData.corrections(GOLDEN));
        JsonNode root = new ObjectMapper().readTree(Files.readString(TestData.corrections(GOLDEN)));
        List<long[]> ranges = new ArrayList<>();
        long sections = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long run = Long.parseLong(e.getKey());
            for (JsonNode r : e.getValue()) {
                ranges.add(new long[] {run, r.get(0).asLong(), r.get(1).asLong()});
                sections += r.get(1).asLong() - r.get(0).asLong() + 1;
            }
        }
        assertThat(mask.runCount()).isEqualTo(root.size());
        assertThat(mask.lumiSectionCount()).isEqualTo(sections);
        List<long[]> probes = new ArrayList<>();
        for (long[] r : ranges) {
            for (long d = -1; d <= 1; d++) {
                probes.add(new long[] {r[0], r[1] + d});
                probes.add(new long[] {r[0], r[2] + d});
            }
        }
        Random rnd = new Random(1);
        for (int i = 0; i < 20000; i++) {
            probes.add(new long[] {294927 + rnd.nextInt(306462 - 294927 + 1), rnd.nextInt(2000)});
        }
        int[] run = new int[probes.size()];
        int[] lumi = new int[probes.size()];
        for (int i = 0; i < probes.size(); i++) {
            long[] p = probes.get(i);
            boolean expected = false;
            for (long[] r : ranges) {
                if (r[0] == p[0] && r[1] <= p[1] && p[1] <= r[2]) {
                    expected = true;
                    break;
                }
            }
            assertThat(mask.contains(p[0], p[1])).as("run %d lumi %d", p[0], p[1]).isEqualTo(expected);
            run[i] = (int) p[0];
            lumi[i] = (int) p[1];
        }
        boolean[] vectorised = mask.apply(run, lumi, run.length);
        BoolColumn column = mask.apply(IntColumn.ofUnsigned(run.clone()), IntColumn.ofUnsigned(lumi.clone()));
        for (int i = 0; i < run.length; i++) {
            assertThat(vectorised[i]).isEqualTo(mask.contains(run[i], lumi[i]));
            assertThat(column.get(i)).isEqualTo(vectorised[i]);
        }
    }

    @Test
    void malformedFilesAreReported() {
        assertThatThrownBy(() -> LumiMask.parse("{\"1\": [[5, 3]]}", "x.json"))
                .isInstanceOf(CorrectionFileException.class)
                .hasMessage("x.json: run 1 range 0: need 0 <= first <= last <= 4294967295, got [5, 3]");
        assertThatThrownBy(() -> LumiMask.parse("{\"abc\": [[1, 3]]}", "x.json"))
                .hasMessage("x.json: run key must be an integer, got \"abc\"");
        assertThatThrownBy(() -> LumiMask.parse("[1,2]", "x.json")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> LumiMask.parse("{\"1\": [[1, 3]", "x.json")).hasMessageStartingWith("x.json:1: not valid JSON");
    }
}
