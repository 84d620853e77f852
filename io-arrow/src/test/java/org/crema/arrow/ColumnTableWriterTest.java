package org.crema.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crema.arrow.TableFiles.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.Column;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.RecordColumn;
import org.crema.columnar.ShortColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every supported column type, views and empty batches, read back by apache-arrow (npm) and hyparquet (npm). */
class ColumnTableWriterTest {
    @TempDir
    Path dir;

    /** A writer and the independent reader that checks it. */
    enum Format {
        /** Arrow IPC read by apache-arrow. */
        ARROW,
        /** Uncompressed Parquet read by hyparquet. */
        PARQUET,
        /** GZIP Parquet read by hyparquet. */
        PARQUET_GZIP,
        /** GZIP Parquet read by parquet-wasm (arrow-rs) into Arrow: the Arrow types a Parquet reader derives. */
        PARQUET_GZIP_TO_ARROW;

        ColumnTableWriter open(Path target, TableMetadata m) {
            return switch (this) {
                case ARROW -> ColumnTableWriter.arrowIpc(target, m);
                case PARQUET -> ColumnTableWriter.parquet(target, m);
                case PARQUET_GZIP, PARQUET_GZIP_TO_ARROW -> ParquetTableWriter.create(target, m, ParquetTableWriter.Codec.GZIP);
            };
        }

        JsonNode read(Path file) throws IOException, InterruptedException {
            return IndependentReader.read(switch (this) {
                case ARROW -> "arrow";
                case PARQUET, PARQUET_GZIP -> "parquet";
                case PARQUET_GZIP_TO_ARROW -> "parquet-arrow";
            }, file);
        }

        boolean readsArrow() {
            return this == ARROW || this == PARQUET_GZIP_TO_ARROW;
        }

        TableFiles.ReadColumn column(JsonNode out, String name) {
            return readsArrow() ? TableFiles.arrowColumn(out, name) : TableFiles.parquetColumn(out, name);
        }
    }

    static final TableMetadata META = new TableMetadata("DYJetsToLL_M-50", "DY", "2018", true, 6077.22, "2mu",
            Map.of("selection", "nMuon >= 2"));

    /** A batch of {@code n} rows with every type; special values at fixed places so each batch has them. */
    static SequencedMap<String, Column> allTypes(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] f = new float[n];
        double[] d = new double[n];
        byte[] b = new byte[n];
        short[] s = new short[n];
        int[] i32 = new int[n];
        long[] i64 = new long[n];
        boolean[] flag = new boolean[n];
        float[] specialsF = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE};
        double[] specialsD = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE};
        byte[] specialsB = {Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0};
        short[] specialsS = {Short.MIN_VALUE, Short.MAX_VALUE, -1, 0};
        int[] specialsI = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0};
        long[] specialsL = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1L << 53 | 1};
        for (int i = 0; i < n; i++) {
            f[i] = i < specialsF.length ? specialsF[i] : (float) (r.nextDouble() * 200 - 50);
            d[i] = i < specialsD.length ? specialsD[i] : r.nextDouble() * 1e6;
            b[i] = i < specialsB.length ? specialsB[i] : (byte) r.nextInt();
            s[i] = i < specialsS.length ? specialsS[i] : (short) r.nextInt();
            i32[i] = i < specialsI.length ? specialsI[i] : r.nextInt();
            i64[i] = i < specialsL.length ? specialsL[i] : r.nextLong();
            flag[i] = r.nextBoolean();
        }
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[i] = i % 4 == 1 ? 0 : r.nextInt(5); // empty lists at fixed places and at random
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        float[] pt = new float[total];
        byte[] jetId = new byte[total];
        boolean[] tight = new boolean[total];
        for (int i = 0; i < total; i++) {
            pt[i] = i == 0 ? Float.NaN : (float) (15 + r.nextDouble() * 100);
            jetId[i] = (byte) (i == 1 ? 0xFF : r.nextInt(8));
            tight[i] = r.nextBoolean();
        }
        return batch(
                "f32", FloatColumn.of(f),
                "f64", DoubleColumn.of(d),
                "i8", ByteColumn.of(b.clone()),
                "u8", ByteColumn.ofUnsigned(b),
                "i16", ShortColumn.of(s.clone()),
                "u16", ShortColumn.ofUnsigned(s),
                "i32", IntColumn.of(i32.clone()),
                "u32", IntColumn.ofUnsigned(i32),
                "i64", LongColumn.of(i64.clone()),
                "u64", LongColumn.ofUnsigned(i64),
                "flag", BoolColumn.of(flag),
                "Jet_pt", ListColumn.fromCounts(counts, FloatColumn.of(pt)),
                "Jet_jetId", ListColumn.fromCounts(counts, ByteColumn.ofUnsigned(jetId)),
                "Jet_isTight", ListColumn.fromCounts(counts, BoolColumn.of(tight)));
    }

    /** Views of a larger batch: arrays with a base offset and offsets that do not start at 0. */
    static SequencedMap<String, Column> regionOf(SequencedMap<String, Column> b, int from, int length) {
        SequencedMap<String, Column> out = new java.util.LinkedHashMap<>();
        b.forEach((k, v) -> out.put(k, v.region(from, length)));
        return out;
    }

    static List<SequencedMap<String, Column>> batches() {
        List<SequencedMap<String, Column>> out = new ArrayList<>();
        out.add(allTypes(37, 1));
        out.add(allTypes(0, 2));
        out.add(regionOf(allTypes(50, 3), 7, 29));
        out.add(allTypes(1, 4));
        return out;
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void independentReaderSeesExactlyWhatWasWritten(Format format) throws Exception {
        Path target = dir.resolve(format == Format.ARROW ? "all.arrow" : "all.parquet");
        List<SequencedMap<String, Column>> batches = batches();
        try (ColumnTableWriter w = format.open(target, META)) {
            for (SequencedMap<String, Column> b : batches) {
                w.write(b);
            }
            assertThat(Files.exists(target)).as("nothing visible before commit").isFalse();
            w.commit();
            assertThat(w.rowCount()).isEqualTo(37 + 29 + 1);
        }
        JsonNode out = format.read(target);
        Map<String, String> expectedMeta = META.toKeyValues();
        assertThat(expectedMeta).containsEntry("crema_version", TableMetadata.CREMA_VERSION)
                .containsEntry("xsec", "6077.22").containsEntry("isMC", "true").containsEntry("selection", "nMuon >= 2");
        assertThat(TableMetadata.CREMA_VERSION).isNotEqualTo("unknown");
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        out.get("metadata").properties().forEach(e -> meta.put(e.getKey(), e.getValue().asText()));
        // Arrow Java keeps schema metadata in a hash map, so only the pairs, not their order, are compared.
        assertThat(meta).containsExactlyInAnyOrderEntriesOf(expectedMeta);
        for (String name : batches.getFirst().keySet()) {
            TableFiles.expected(batches, name).assertEquals(format.column(out, name), format + " " + name);
        }
        if (format.readsArrow()) {
            if (format == Format.ARROW) {
                assertThat(out.get("isFile").booleanValue()).as("random-access file format").isTrue();
                assertThat(out.get("batches")).extracting(b -> b.get("numRows").intValue()).containsExactly(37, 0, 29, 1);
                byte[] bytes = Files.readAllBytes(target);
                assertThat(new String(bytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
            }
            // The same Arrow types whether written as Arrow IPC or derived from the Parquet schema.
            List<String> types = new ArrayList<>();
            out.get("fields").forEach(f -> {
                assertThat(f.get("nullable").booleanValue()).as("%s nullable", f.get("name")).isFalse();
                f.get("children").forEach(c -> assertThat(c.get("nullable").booleanValue()).isFalse());
                types.add(f.get("name").asText() + ":" + f.get("type").asText());
            });
            assertThat(types).containsExactly("f32:Float32", "f64:Float64", "i8:Int8", "u8:Uint8", "i16:Int16", "u16:Uint16",
                    "i32:Int32", "u32:Uint32", "i64:Int64", "u64:Uint64", "flag:Bool", "Jet_pt:List<Float32>",
                    "Jet_jetId:List<Uint8>", "Jet_isTight:List<Bool>");
            out.get("batches").forEach(b -> b.get("columns").forEach(c -> assertThat(c.get("nullCount").intValue()).isZero()));
        } else {
            assertThat(out.get("numRows").asText()).isEqualTo("67");
            assertThat(out.get("rowGroups")).extracting(g -> g.get("numRows").intValue()).as("empty batch adds no row group")
                    .containsExactly(37, 29, 1);
            int codec = format == Format.PARQUET ? 0 : 2;
            out.get("rowGroups").forEach(g -> g.get("codecs").forEach(c -> assertThat(c.asText()).isIn(String.valueOf(codec),
                    codec == 0 ? "UNCOMPRESSED" : "GZIP")));
            List<String> schema = new ArrayList<>();
            out.get("schema").forEach(s -> schema.add(s.get("name").asText() + ":" + s.get("type").asText() + ":"
                    + s.get("repetition").asText() + ":" + s.get("convertedType").asText()));
            assertThat(schema).containsExactly("schema:null:REQUIRED:null", "f32:FLOAT:REQUIRED:null", "f64:DOUBLE:REQUIRED:null",
                    "i8:INT32:REQUIRED:INT_8", "u8:INT32:REQUIRED:UINT_8", "i16:INT32:REQUIRED:INT_16", "u16:INT32:REQUIRED:UINT_16",
                    "i32:INT32:REQUIRED:null", "u32:INT32:REQUIRED:UINT_32", "i64:INT64:REQUIRED:null", "u64:INT64:REQUIRED:UINT_64",
                    "flag:BOOLEAN:REQUIRED:null",
                    "Jet_pt:null:REQUIRED:LIST", "list:null:REPEATED:null", "element:FLOAT:REQUIRED:null",
                    "Jet_jetId:null:REQUIRED:LIST", "list:null:REPEATED:null", "element:INT32:REQUIRED:UINT_8",
                    "Jet_isTight:null:REQUIRED:LIST", "list:null:REPEATED:null", "element:BOOLEAN:REQUIRED:null");
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void emptyTableKeepsItsSchema(Format format) throws Exception {
        Path target = dir.resolve("empty");
        try (ColumnTableWriter w = format.open(target, TableMetadata.of("SingleMuon_2018A", "data", "2018", false, Double.NaN, ""))) {
            w.write(allTypes(0, 9));
            w.commit();
        }
        JsonNode out = format.read(target);
        assertThat(out.get("metadata").has("xsec")).as("data has no xsec").isFalse();
        assertThat(out.get("metadata").get("isMC").asText()).isEqualTo("false");
        if (format.readsArrow()) {
            assertThat(out.get("fields")).hasSize(14);
        } else {
            assertThat(out.get("numRows").asText()).isEqualTo("0");
            assertThat(out.get("schema")).hasSize(1 + 11 + 3 * 3);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void failedWriteLeavesTheTargetUntouchedAndNoTemporaryFile(Format format) throws Exception {
        Path target = dir.resolve("out.bin");
        Files.writeString(target, "previous result");
        try (ColumnTableWriter w = format.open(target, META)) {
            w.write(batch("a", FloatColumn.of(1f, 2f), "b", IntColumn.of(1, 2)));
            assertThatThrownBy(() -> w.write(batch("a", FloatColumn.of(1f), "b", DoubleColumn.of(1.0))))
                    .isInstanceOf(ColumnOutputException.class)
                    .hasMessage(target.toAbsolutePath() + ": batch 1 does not match the schema of batch 0: expected "
                            + "{a: FLOAT32, b: INT32}, got {a: FLOAT32, b: FLOAT64}");
            assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("an earlier write failed; close the writer");
        }
        assertThat(Files.readString(target)).isEqualTo("previous result");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.bin");
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void committedFileHasTheSamePermissionsAsAnyNewFile(Format format) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("table");
        try (ColumnTableWriter w = format.open(target, META)) {
            w.write(allTypes(3, 7));
            w.commit();
        }
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void closeWithoutCommitWritesNothing(Format format) throws Exception {
        Path target = dir.resolve("never.out");
        try (ColumnTableWriter w = format.open(target, META)) {
            w.write(allTypes(10, 5));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void badBatchesAreRejectedWithTheirReason(Format format) {
        Path target = dir.resolve("bad");
        String t = target.toAbsolutePath().toString();
        try (ColumnTableWriter w = format.open(target, META)) {
            assertThatThrownBy(() -> w.write(batch("a", FloatColumn.of(1f, 2f), "b", IntColumn.of(1))))
                    .isInstanceOf(ColumnOutputException.class)
                    .hasMessage(t + ": batch 0, column 'b' has 1 rows but column 'a' has 2");
        }
        try (ColumnTableWriter w = format.open(target, META)) {
            RecordColumn muons = RecordColumn.of(Map.of("pt", FloatColumn.of(1f)), 1);
            assertThatThrownBy(() -> w.write(batch("Muon", muons)))
                    .isInstanceOf(ColumnOutputException.class)
                    .hasMessage(t + ": batch 0, column 'Muon' is a RecordColumn; write its fields as separate columns (e.g. 'Muon_pt')");
        }
        try (ColumnTableWriter w = format.open(target, META)) {
            ListColumn<ListColumn<FloatColumn>> nested = ListColumn.fromCounts(new int[] {1}, ListColumn.fromCounts(new int[] {1}, FloatColumn.of(1f)));
            assertThatThrownBy(() -> w.write(batch("x", nested)))
                    .isInstanceOf(ColumnOutputException.class)
                    .hasMessage(t + ": batch 0, column 'x' is a list of ListColumn; only flat columns and lists of primitive columns can be written");
        }
        try (ColumnTableWriter w = format.open(target, META)) {
            assertThatThrownBy(w::commit).isInstanceOf(ColumnOutputException.class)
                    .hasMessage(t + ": no batch written; the schema comes from the first batch, so write an empty batch for an empty table");
        }
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void extraMetadataMayNotOverrideStandardKeys() {
        assertThatThrownBy(() -> new TableMetadata("d", "s", "2018", true, 1.0, "", Map.of("year", "2017")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extra metadata key 'year' is a standard key; set it through its own field");
    }
}
