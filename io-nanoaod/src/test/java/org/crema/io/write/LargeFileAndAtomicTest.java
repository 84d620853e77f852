package org.crema.io.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crema.columnar.Columns;
import org.crema.columnar.IntColumn;
import org.crema.io.RootFile;
import org.crema.io.Tree;
import org.crema.io.write.RootHistogram.Axis;
import org.crema.io.write.RootHistogram.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files past 2 GB (64-bit offsets) and the all-or-nothing write. */
class LargeFileAndAtomicTest {
    @TempDir
    Path dir;

    @Test
    void recordsPast2GbUse64BitOffsetsThatBothReadersFollow() throws Exception {
        Path f = dir.resolve("large.root");
        RootHistogram small = HistogramWriteTest.weighted1D();
        try (RootWriter w = RootWriter.create(f, CompressionSetting.zlib(1))) {
            w.put("before", small);
            // A free segment of 2.1 GB, marked as ROOT marks deleted space; sparse on disk.
            w.gap(2_100_000_000L);
            w.put("dir/after", small);
            TreeWriter t = w.tree("Events", "Events", List.of(BranchSpec.flat("nJet", LeafType.UINT),
                    BranchSpec.jagged("Jet_pt", LeafType.FLOAT, "nJet")), 2);
            t.append(Map.of("Jet_pt", Columns.jagged(new int[] {0, 1, 3, 3}, new float[] {10, 20, 30})));
        }
        assertThat(Files.size(f)).isGreaterThan(2_100_000_000L);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            int version = raf.readInt() == 0x726f6f74 ? raf.readInt() : -1;
            // 1,000,000 added to fVersion marks the 64-bit header.
            assertThat(version).isEqualTo(1_062_406);
        }
        try (RootFile r = RootFile.open(f)) {
            assertThat(r.keys()).extracting(org.crema.io.KeyInfo::name).containsExactly("before", "dir", "Events");
            Tree t = r.tree("Events");
            assertThat(t.read("Jet_pt", 0, 3)).isEqualTo(Columns.jagged(new int[] {0, 1, 3, 3},
                    new float[] {10, 20, 30}));
            assertThat(((IntColumn) t.read("nJet", 0, 3)).toArray()).containsExactly(1, 2, 0);
        }
        JsonNode js = JsRoot.read(f);
        HistogramWriteTest.assertSame(js.get("objects").get("dir/after"), "after", small);
        HistogramWriteTest.assertSame(js.get("objects").get("before"), "before", small);
        JsonNode jet = js.get("objects").get("Events").get("branches").get(1);
        assertThat(jet.get("stats").get("sum").asDouble()).isEqualTo(60.0);
    }

    @Test
    void abortLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("out.root");
        Files.writeString(f, "previous content");
        RootWriter w = RootWriter.create(f);
        w.put("h", HistogramWriteTest.weighted1D());
        assertThat(listing()).hasSize(2); // the target and the temporary file beside it
        w.abort();
        assertThat(Files.readString(f)).isEqualTo("previous content");
        assertThat(listing()).containsExactly("out.root");
        assertThatThrownBy(() -> w.put("h", HistogramWriteTest.weighted1D()))
                .hasMessage("writer for " + f.toAbsolutePath() + " is closed");
    }

    @Test
    void anExceptionInsideTryWithResourcesStillProducesNoPartialFile() throws Exception {
        Path f = dir.resolve("partial.root");
        RootWriter[] held = new RootWriter[1];
        assertThatThrownBy(() -> {
            try (RootWriter w = RootWriter.create(f)) {
                held[0] = w;
                w.put("h", HistogramWriteTest.weighted1D());
                throw new IllegalStateException("analysis failed");
            }
        }).hasMessage("analysis failed");
        // close() ran and renamed a complete file: an exception in the caller's code is not a
        // write failure. What must never exist is a file that is only partly written.
        try (RootFile r = RootFile.open(f)) {
            assertThat(r.keys()).hasSize(1);
        }
        assertThat(held[0].isClosed()).isTrue();
        assertThat(listing()).containsExactly("partial.root");
    }

    @Test
    void aFailedFinalRenameRemovesTheTemporaryFile() throws Exception {
        // The target is a non-empty directory, so the final rename must fail.
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("inside"));
        RootWriter w = RootWriter.create(target);
        w.put("h", HistogramWriteTest.weighted1D());
        assertThatThrownBy(w::close).isInstanceOf(RootWriteException.class)
                .hasMessageStartingWith("cannot move the finished file into place as " + target.toAbsolutePath());
        assertThat(listing()).containsExactly("taken");
        assertThat(Files.isDirectory(target.resolve("inside"))).isTrue();
    }

    @Test
    void reproducibleFilesAreByteIdentical() throws Exception {
        Path a = dir.resolve("a/same.root");
        Path b = dir.resolve("b/same.root");
        for (Path p : List.of(a, b)) {
            try (RootWriter w = RootWriter.create(p, CompressionSetting.lzma(5), true)) {
                w.put("x/h", HistogramWriteTest.variable2D());
                w.put("h1", RootHistogram.of1D(Kind.TH1D, "t", Axis.regular("x", 2, 0, 1), new double[4], null));
            }
        }
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
