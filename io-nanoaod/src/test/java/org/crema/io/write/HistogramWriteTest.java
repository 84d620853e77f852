package org.crema.io.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crema.io.KeyInfo;
import org.crema.io.RootFile;
import org.crema.io.write.RootHistogram.Axis;
import org.crema.io.write.RootHistogram.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Histograms written by {@link RootWriter}, read back by crema's reader and by JSROOT. */
class HistogramWriteTest {
    @TempDir
    Path dir;

    static RootHistogram weighted1D() {
        // Flow cells, a negative bin and non-dyadic weights: every value must survive bit for bit.
        double[] c = {0.25, 1.5, -0.3, 7.1, 1e-9, 3.0};
        double[] w2 = {0.0625, 2.25, 0.09, 12.0, 1e-18, 4.5};
        return RootHistogram.of1D(Kind.TH1D, "m_{#mu#mu}", Axis.regular("m(#mu#mu) [GeV]", 4, 60, 120), c, w2);
    }

    static RootHistogram variable2D() {
        Axis x = Axis.variable("p_{T} [GeV]", 0, 10, 30, 100);
        Axis y = Axis.regular("|#eta|", 2, 0, 2.5);
        double[] c = new double[(3 + 2) * (2 + 2)];
        double[] w2 = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = i * 0.1 + 1 / 3.0;
            w2[i] = c[i] * 0.7;
        }
        return RootHistogram.of2D("pt vs eta", x, y, c, w2);
    }

    @Test
    void histogramsInNestedDirectoriesReadBackExactlyWithJsroot() throws Exception {
        Path f = dir.resolve("hists.root");
        RootHistogram h1 = weighted1D();
        RootHistogram h2 = variable2D();
        RootHistogram hf = RootHistogram.of1D(Kind.TH1F, "counts", Axis.regular("n", 3, 0, 3),
                new double[] {0, 5, 6, 7, 1}, null);
        try (RootWriter w = RootWriter.create(f)) {
            w.put("ee/DY", h1);
            w.put("ee/sub/deeper/pt_eta", h2);
            w.put("mumu/counts", hf);
            w.put("top", h1);
        }
        JsonNode js = JsRoot.read(f);
        List<String> paths = new ArrayList<>();
        js.get("keys").forEach(k -> paths.add(k.get("path").asText() + ":" + k.get("className").asText()));
        assertThat(paths).contains("ee:TDirectory", "ee/DY:TH1D", "ee/sub:TDirectory", "ee/sub/deeper:TDirectory",
                "ee/sub/deeper/pt_eta:TH2D", "mumu:TDirectory", "mumu/counts:TH1F", "top:TH1D");
        assertSame(js.get("objects").get("ee/DY"), "DY", h1);
        assertSame(js.get("objects").get("top"), "top", h1);
        assertSame(js.get("objects").get("ee/sub/deeper/pt_eta"), "pt_eta", h2);
        JsonNode f1 = js.get("objects").get("mumu/counts");
        assertThat(f1.get("className").asText()).isEqualTo("TH1F");
        assertThat(doubles(f1.get("contents"))).containsExactly(0, 5, 6, 7, 1);
        // No Σw² array: ROOT then takes errors as √content.
        assertThat(f1.get("sumw2")).isEmpty();

        try (RootFile r = RootFile.open(f)) {
            assertThat(r.keys()).extracting(KeyInfo::name, KeyInfo::className)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ee", "TDirectory"),
                            org.assertj.core.groups.Tuple.tuple("mumu", "TDirectory"),
                            org.assertj.core.groups.Tuple.tuple("top", "TH1D"));
            assertThat(r.streamerClassVersions()).containsEntry("TH1D", 3).containsEntry("TH1", 8)
                    .containsEntry("TH2D", 4).containsEntry("TAxis", 10).containsEntry("TH1F", 3);
            assertThat(r.compression()).isEqualTo(101);
        }
    }

    static void assertSame(JsonNode js, String name, RootHistogram h) {
        assertThat(js.get("className").asText()).isEqualTo(h.kind().name());
        assertThat(js.get("name").asText()).isEqualTo(name);
        assertThat(js.get("title").asText()).isEqualTo(h.title());
        assertThat(js.get("ncells").asInt()).isEqualTo(h.cells());
        assertThat(doubles(js.get("contents"))).containsExactly(h.contents());
        assertThat(doubles(js.get("sumw2"))).containsExactly(h.sumw2());
        RootHistogram.Statistics s = h.statistics();
        assertThat(js.get("entries").asDouble()).isEqualTo(s.entries());
        assertThat(js.get("tsumw").asDouble()).isEqualTo(s.sumw());
        assertThat(js.get("tsumw2").asDouble()).isEqualTo(s.sumw2());
        assertThat(js.get("tsumwx").asDouble()).isEqualTo(s.sumwx());
        assertThat(js.get("tsumwx2").asDouble()).isEqualTo(s.sumwx2());
        assertThat(js.get("maximum").asDouble()).isEqualTo(-1111);
        assertThat(js.get("minimum").asDouble()).isEqualTo(-1111);
        assertAxis(js.get("xaxis"), "xaxis", h.x());
        if (h.y() != null) {
            assertAxis(js.get("yaxis"), "yaxis", h.y());
            assertThat(js.get("tsumwy").asDouble()).isEqualTo(s.sumwy());
            assertThat(js.get("tsumwy2").asDouble()).isEqualTo(s.sumwy2());
            assertThat(js.get("tsumwxy").asDouble()).isEqualTo(s.sumwxy());
        } else {
            // fYaxis is present in a 1-D histogram too, as a one-bin placeholder over [0, 1].
            assertThat(js.get("yaxis").get("nbins").asInt()).isEqualTo(1);
            assertThat(js.get("yaxis").get("xmax").asDouble()).isEqualTo(1.0);
        }
        assertThat(js.get("zaxis").get("nbins").asInt()).isEqualTo(1);
    }

    static void assertAxis(JsonNode a, String name, Axis axis) {
        assertThat(a.get("name").asText()).isEqualTo(name);
        assertThat(a.get("title").asText()).isEqualTo(axis.title());
        assertThat(a.get("nbins").asInt()).isEqualTo(axis.bins());
        assertThat(a.get("xmin").asDouble()).isEqualTo(axis.low());
        assertThat(a.get("xmax").asDouble()).isEqualTo(axis.high());
        if (axis.edges() != null) {
            assertThat(doubles(a.get("xbins"))).containsExactly(axis.edges());
        } else {
            assertThat(a.get("xbins")).isEmpty();
        }
    }

    static double[] doubles(JsonNode arr) {
        double[] d = new double[arr.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = arr.get(i).asDouble();
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "zlib-1", "zlib-9", "lzma-9", "lz4-4", "lz4-1", "zstd-5"})
    void everyCodecIsReadByBothReaders(String codec) throws Exception {
        Path f = dir.resolve(codec + ".root");
        // Large enough that every record, the streamer infos included, is really compressed.
        int n = 2000;
        double[] c = new double[n + 2];
        double[] w2 = new double[n + 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.floor(100 * Math.sin(i * 0.01) * Math.sin(i * 0.01));
            w2[i] = c[i] * 1.5;
        }
        RootHistogram h = RootHistogram.of1D(Kind.TH1D, "big", Axis.regular("x", n, 0, 1), c, w2);
        try (RootWriter w = RootWriter.create(f, CompressionSetting.parse(codec))) {
            w.put("big", h);
        }
        try (RootFile r = RootFile.open(f)) {
            // Reading the streamer-info list decompresses it with crema's own decoders.
            assertThat(r.streamerClassVersions()).containsEntry("TH1D", 3);
            assertThat(r.compression()).isEqualTo(CompressionSetting.parse(codec).code());
        }
        JsonNode js = JsRoot.read(f);
        assertThat(js.get("compress").asInt()).isEqualTo(CompressionSetting.parse(codec).code());
        assertSame(js.get("objects").get("big"), "big", h);
    }

    @Test
    void writingANameTwiceMakesTheNewestCycleTheOneReadersSee() throws Exception {
        Path f = dir.resolve("cycles.root");
        RootHistogram first = RootHistogram.of1D(Kind.TH1D, "old", Axis.regular("x", 1, 0, 1), new double[] {0, 1, 0},
                null);
        RootHistogram second = RootHistogram.of1D(Kind.TH1D, "new", Axis.regular("x", 1, 0, 1),
                new double[] {0, 2, 0}, null);
        try (RootWriter w = RootWriter.create(f)) {
            w.put("h", first);
            w.put("h", second);
        }
        try (RootFile r = RootFile.open(f)) {
            assertThat(r.keys()).extracting(KeyInfo::name, KeyInfo::cycle)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("h", 2),
                            org.assertj.core.groups.Tuple.tuple("h", 1));
        }
    }

    @Test
    void badHistogramsAreRejectedWithTheReason() {
        Axis x = Axis.regular("x", 3, 0, 3);
        assertThatThrownBy(() -> RootHistogram.of1D(Kind.TH1D, "h", x, new double[3], null))
                .hasMessage("TH1D with 3 bins needs 5 cells (flow included), got 3");
        assertThatThrownBy(() -> Axis.variable("x", 0, 2, 1))
                .hasMessage("axis edges not increasing: edges[1]=2.0 >= edges[2]=1.0");
        assertThatThrownBy(() -> CompressionSetting.parse("brotli-3"))
                .hasMessageContaining("unknown compression 'brotli-3'");
        assertThatThrownBy(() -> CompressionSetting.zlib(12))
                .hasMessage("compression level must be 1..9 for ZLIB, got 12");
        assertThat(Map.of("lzma:9", 209, "ZSTD5", 505, "none", 0, "lz4-4", 404)).allSatisfy(
                (s, code) -> assertThat(CompressionSetting.parse(s).code()).isEqualTo(code));
    }
}
