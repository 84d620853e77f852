package org.crema.hist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UhiJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Every axis type, each flow setting, in one histogram. */
    private static Hist everyAxis(Storage s) {
        return Hist.builder().name("h").label("all axes").storage(s)
                .axis(RegularAxis.of("mass", 5, 0, 250).withLabel("m_{jj}").withUnit("GeV"))
                .axis(RegularAxis.log("pt", 3, 10, 1000).withUnderflow(false))
                .axis(VariableAxis.of("eta", 0, 0.5, 1.5, 2.5).withOverflow(false))
                .axis(IntegerAxis.of("njet", 0, 4))
                .axis(StrCategoryAxis.of("dataset", "ttbar", "dy"))
                .axis(StrCategoryAxis.growing(Hist.VARIATION_AXIS, "nominal"))
                .axis(IntCategoryAxis.of("era", 2016, 2017).withFlow(false))
                .axis(BooleanAxis.of("pass"))
                .build();
    }

    private static Hist filled(Storage s, long seed) {
        Hist h = everyAxis(s);
        Random r = new Random(seed);
        int n = 400;
        double[] m = new double[n];
        double[] pt = new double[n];
        double[] eta = new double[n];
        int[] nj = new int[n];
        String[] ds = new String[n];
        String[] var = new String[n];
        int[] era = new int[n];
        boolean[] pass = new boolean[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = r.nextInt(20) == 0 ? Double.NaN : -20 + r.nextDouble() * 300;
            pt[i] = r.nextDouble() * 1500;
            eta[i] = -0.5 + r.nextDouble() * 3.5;
            nj[i] = r.nextInt(7) - 1;
            ds[i] = new String[] {"ttbar", "dy", "qcd"}[r.nextInt(3)];
            var[i] = new String[] {"nominal", "jesUp", "jesDown"}[r.nextInt(3)];
            era[i] = 2016 + r.nextInt(3);
            pass[i] = r.nextBoolean();
            w[i] = r.nextInt(40) / 16.0 - 0.5;
        }
        Hist.Filler f = h.filler().values(m, pt, eta, nj, ds, var, era, pass);
        if (s == Storage.MEAN) {
            f.sample(pt);
        }
        if (s != Storage.INT64) {
            f.weights(w);
        }
        return f.fill();
    }

    @Test
    void roundTripEveryAxisAndStorageExactly(@TempDir Path dir) throws Exception {
        for (Storage s : new Storage[] {Storage.WEIGHT, Storage.DOUBLE, Storage.INT64}) {
            Hist h = filled(s, 42);
            Path f = dir.resolve("h-" + s + ".json");
            UhiJson.write(f, h);
            Hist back = UhiJson.read(f);
            assertThat(back).as("storage %s", s).isEqualTo(h);
            assertThat(back.axes()).isEqualTo(h.axes());
            assertThat(UhiJson.fromJson(UhiJson.toJson(h))).isEqualTo(h);
        }
    }

    @Test
    void meanRoundTripWithinRounding(@TempDir Path dir) throws Exception {
        Hist h = filled(Storage.MEAN, 7);
        Path f = dir.resolve("mean.json");
        UhiJson.write(f, h);
        Hist back = UhiJson.read(f);
        assertThat(back.axes()).isEqualTo(h.axes());
        assertThat(back.counts(true)).containsExactly(h.counts(true));
        // The file stores mean and sample variance (UHI "mean"), not our raw sums: converting back
        // multiplies and adds, costing a few ulps (relative 1e-12 is generous for sums of ~400 terms).
        double[] a = h.values(true);
        double[] b = back.values(true);
        double[] va = h.sampleVariances(true);
        double[] vb = back.sampleVariances(true);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(a[i]))));
            // Variances come from Σwx² − (Σwx)²/Σw, whose rounding error scales with mean², not with
            // the variance itself (a bin with one entry has true variance 0).
            double scale = Math.max(1, a[i] * a[i]);
            assertThat(vb[i]).isCloseTo(va[i], org.assertj.core.data.Offset.offset(1e-12 * scale));
        }
    }

    @Test
    void writtenJsonHasTheUhiShape() throws Exception {
        for (Storage s : Storage.values()) {
            JsonNode n = JSON.readTree(UhiJson.toJson(filled(s, 1)));
            assertThat(UhiShape.check(n)).as("storage %s", s).isEmpty();
            assertThat(n.path("storage").path("type").asText()).isEqualTo(s.uhiType());
        }
        // The checker itself rejects broken documents.
        JsonNode bad = JSON.readTree("{\"uhi_schema\":1,\"axes\":[{\"type\":\"regular\",\"lower\":0,\"upper\":1,"
                + "\"bins\":2,\"underflow\":true,\"overflow\":false,\"circular\":false}],"
                + "\"storage\":{\"type\":\"double\",\"values\":[1,2]}}");
        assertThat(UhiShape.check(bad)).containsExactly("$.storage.values must be an array of 3 entries, got ARRAY of 2");
    }

    @Test
    void layoutMatchesAHandWrittenDocument() throws Exception {
        Hist h = Hist.of(RegularAxis.of("x", 2, 0, 2), StrCategoryAxis.of("c", "a").withFlow(false));
        h.fillWeighted(new double[] {2, 3, 0.5}, new double[] {-1, 1.5, 7}, new String[] {"a", "a", "a"});
        // Written by hand from the UHI specification: flow bins in place, nested one level per axis.
        String expected = """
                {"uhi_schema": 1,
                 "axes": [
                   {"type": "regular", "lower": 0.0, "upper": 2.0, "bins": 2, "underflow": true, "overflow": true,
                    "circular": false, "metadata": {"name": "x"}},
                   {"type": "category_str", "categories": ["a"], "flow": false, "metadata": {"name": "c"}}],
                 "storage": {"type": "weighted", "values": [[2.0], [0.0], [3.0], [0.5]],
                             "variances": [[4.0], [0.0], [9.0], [0.25]]}}
                """;
        JsonNode got = JSON.readTree(UhiJson.toJson(h));
        ((com.fasterxml.jackson.databind.node.ObjectNode) got).remove("writer_info");
        assertThat(got).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void readsDocumentsFromOtherWriters() {
        // A boost-histogram style document: no crema writer_info, axis names in metadata, int storage.
        String doc = """
                {"uhi_schema": 1, "writer_info": {"boost-histogram": {"version": "1.6.1"}},
                 "metadata": {"name": "h1"},
                 "axes": [{"type": "regular", "lower": 0, "upper": 1, "bins": 2, "underflow": false,
                           "overflow": true, "circular": false, "metadata": {"name": "x", "label": "X"}},
                          {"type": "category_int", "categories": [3, 1], "flow": true},
                          {"type": "boolean"}],
                 "storage": {"type": "int", "values": [[[1,2],[3,4],[5,6]],[[7,8],[9,10],[11,12]],[[13,14],[15,16],[17,18]]]}}
                """;
        Hist h = UhiJson.fromJson(doc);
        assertThat(h.name()).isEqualTo("h1");
        assertThat(h.axis(0)).isEqualTo(RegularAxis.of("x", 2, 0, 1).withUnderflow(false).withLabel("X"));
        assertThat(h.axis(1)).isEqualTo(IntCategoryAxis.of("axis1", 3, 1));
        assertThat(h.value(1, 0, 1)).isEqualTo(8);
        assertThat(h.value(2, 2, 0)).isEqualTo(17);
    }

    @Test
    void namedDictionaryForm(@TempDir Path dir) throws Exception {
        Map<String, Hist> m = new LinkedHashMap<>();
        m.put("a", filled(Storage.WEIGHT, 3));
        m.put("b", Hist.of(Storage.INT64, BooleanAxis.of("ok")).fill((Object) new boolean[] {true, true}));
        Path f = dir.resolve("many.json");
        UhiJson.write(f, m);
        Map<String, Hist> back = UhiJson.readAll(f);
        assertThat(back).containsOnlyKeys("a", "b");
        assertThat(back.get("a")).isEqualTo(m.get("a"));
        assertThat(back.get("b")).isEqualTo(m.get("b"));
        assertThat(UhiShape.check(JSON.readTree(f.toFile()).get("b"))).isEmpty();
        assertThatThrownBy(() -> UhiJson.read(f)).hasMessageContaining("expected one histogram, found 2");
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("h.json");
        Files.writeString(f, "old");
        UhiJson.write(f, filled(Storage.WEIGHT, 9));
        assertThat(UhiJson.read(f)).isEqualTo(filled(Storage.WEIGHT, 9));
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("h.json");
        }
    }

    @Test
    void writtenFilesGetTheUsualPermissionsNotOwnerOnly(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getFileStore(dir).supportsFileAttributeView("posix"), "needs POSIX permissions");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path f = dir.resolve("h.json");
        UhiJson.write(f, filled(Storage.WEIGHT, 9));
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void nanAndInfinityRoundTrip() {
        Hist h = Hist.of(Storage.DOUBLE, RegularAxis.of("x", 1, 0, 1));
        h.fillWeighted(new double[] {Double.POSITIVE_INFINITY, Double.NaN}, (Object) new double[] {0.5, 2});
        String json = UhiJson.toJson(h);
        assertThat(json).contains("Infinity").contains("NaN");
        assertThat(UhiJson.fromJson(json)).isEqualTo(h);
    }

    @Test
    void malformedDocumentsNameTheProblem() {
        assertThatThrownBy(() -> UhiJson.fromJson("{\"uhi_schema\": 2, \"axes\": [], \"storage\": {\"type\": \"int\"}}"))
                .isInstanceOf(HistFormatException.class).hasMessageContaining("uhi_schema is 2");
        assertThatThrownBy(() -> UhiJson.fromJson("{\"uhi_schema\": 1, \"axes\": [{\"type\": \"regular\", \"lower\": 0,"
                + "\"upper\": 1, \"bins\": 2, \"underflow\": true, \"overflow\": true, \"circular\": false}],"
                + "\"storage\": {\"type\": \"double\", \"values\": [1, 2, 3]}}"))
                .hasMessageContaining("$.storage.values must be an array of 4 entries");
        assertThatThrownBy(() -> UhiJson.fromJson("{\"uhi_schema\": 1, \"axes\": [], \"storage\": {\"type\": \"weighted_mean\"}}"))
                .hasMessageContaining("weighted_mean").hasMessageContaining("supported storages");
        assertThatThrownBy(() -> UhiJson.fromJson("{\"uhi_schema\": 1, \"axes\": [{\"type\": \"variable\", \"edges\": [0, 0],"
                + "\"underflow\": true, \"overflow\": true, \"circular\": false}], \"storage\": {\"type\": \"int\"}}"))
                .hasMessageContaining("$.axes[0]: invalid axis").hasMessageContaining("edges[0]=0.0 >= edges[1]=0.0");
        assertThatThrownBy(() -> UhiJson.fromJson("[1]")).hasMessageContaining("top level must be a JSON object");
        assertThatThrownBy(() -> UhiJson.fromJson("{\"uhi_schema\": 1,")).hasMessageContaining("not valid JSON");
    }

    @Test
    void emptyStorageReadsAsEmptyHistogram() {
        Hist h = UhiJson.fromJson("{\"uhi_schema\": 1, \"axes\": [{\"type\": \"boolean\"}], \"storage\": {\"type\": \"weighted\"}}");
        assertThat(h.values(true)).containsExactly(0, 0);
    }
}
