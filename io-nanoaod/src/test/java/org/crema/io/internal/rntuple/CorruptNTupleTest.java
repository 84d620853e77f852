package org.crema.io.internal.rntuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crema.io.RootFormatException;
import org.crema.io.TestData;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.directory.Directory;
import org.crema.io.internal.header.FileHeader;
import org.crema.io.internal.key.Key;
import org.crema.io.internal.source.FileSource;
import org.crema.io.internal.xxhash.Xxh3;
import org.crema.io.rntuple.RNTuple;
import org.crema.io.rntuple.RNTupleReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of real RNTuple files: each test flips or cuts bytes where the format has a
 * checksum or a length, and asserts that the message says what failed and where.
 */
class CorruptNTupleTest {
    @TempDir
    Path tmp;

    private final java.util.List<RNTupleReader> opened = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeReaders() {
        opened.forEach(RNTupleReader::close);
    }

    private static Path sample(String name) {
        Path p = TestData.shared().resolve("rntuple").resolve(name);
        Assumptions.assumeTrue(Files.exists(p), "shared RNTuple sample " + p + " is absent");
        return p;
    }

    /** The anchor's payload offset in the file and its parsed fields. */
    private record Located(long payloadOffset, Anchor anchor) {
    }

    private static Located anchor(Path file) {
        ErrorContext ctx = ErrorContext.ofFile(file.toString());
        try (FileSource source = new FileSource(file, ctx)) {
            FileHeader h = FileHeader.read(source, ctx);
            Directory top = Directory.readAt(source, (long) h.begin() + h.nbytesName(), ctx);
            Key key = top.keys().stream().filter(k -> k.className().equals("ROOT::RNTuple") && k.name().equals("Events"))
                    .findFirst().orElseThrow();
            Anchor a = Anchor.parse(key.payload(source, ctx), NTupleContext.ofFile(file.toString()), key.seekKey());
            return new Located(key.seekKey() + key.keylen(), a);
        }
    }

    private Path copy(Path file) throws IOException {
        Path out = tmp.resolve(file.getFileName());
        Files.copy(file, out);
        return out;
    }

    private static void flip(Path file, long offset) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[(int) offset] ^= 0x5A;
        Files.write(file, b);
    }

    private RNTuple open(Path file) {
        RNTupleReader r = RNTupleReader.open(file);
        opened.add(r);
        return r.ntuple("Events");
    }

    @Test
    void flippedHeaderByteFailsTheHeaderChecksum() throws IOException {
        Path f = copy(sample("nano_dy_zstd5.root"));
        Located a = anchor(f);
        flip(f, a.anchor().seekHeader() + 100);
        assertThatThrownBy(() -> open(f)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("ntuple Events")
                .hasMessageContaining("(byte offset " + a.anchor().seekHeader() + ")")
                .hasMessageContaining("header envelope: checksum mismatch: stored XXH3 0x");
    }

    @Test
    void flippedAnchorByteFailsTheAnchorChecksum() throws IOException {
        Path f = copy(sample("nano_dy_zstd5.root"));
        Located a = anchor(f);
        flip(f, a.payloadOffset() + 6 + 20); // inside fNbytesHeader
        assertThatThrownBy(() -> open(f)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("ntuple Events")
                .hasMessageContaining("ROOT::RNTuple anchor: checksum mismatch");
    }

    @Test
    void truncatedFooterEnvelopeIsReportedWithBothLengths() throws IOException {
        // An anchor that promises 8 bytes less footer than the envelope declares, re-signed so that
        // only the envelope check can notice.
        Path f = copy(sample("nano_dy_zstd5.root"));
        Located a = anchor(f);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int fields = (int) a.payloadOffset() + 6;
        long shorter = a.anchor().lenFooter() - 8;
        bb.putLong(fields + 8 + 8 * 4, shorter); // fNBytesFooter
        bb.putLong(fields + 8 + 8 * 5, shorter); // fLenFooter
        bb.putLong(fields + 64, Xxh3.hash64(b, fields, 64));
        Files.write(f, b);
        assertThatThrownBy(() -> open(f)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("(byte offset " + a.anchor().seekFooter() + ")")
                .hasMessageContaining("footer envelope: envelope declares " + a.anchor().lenFooter()
                        + " bytes but its locator or the anchor says " + shorter);
    }

    @Test
    void truncatedFileIsReportedAtTheEnvelope() throws IOException {
        Path f = copy(sample("root-written/nano_dy_rntuple.root"));
        Located a = anchor(f);
        // Keep the anchor and key list (at the end of this file) but cut the compressed header short
        // by pointing the anchor past the end of the file.
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int fields = (int) a.payloadOffset() + 6;
        long seek = b.length - 100;
        bb.putLong(fields + 8, seek); // fSeekHeader
        bb.putLong(fields + 64, Xxh3.hash64(b, fields, 64));
        Files.write(f, b);
        assertThatThrownBy(() -> open(f)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("ntuple Events")
                .hasMessageContaining("but the file has " + b.length + " bytes (truncated or corrupt offset)");
    }

    @Test
    void flippedPageByteFailsThePageChecksum() throws IOException {
        Path f = copy(sample("root-written/nano_dy_rntuple.root"));
        Located a = anchor(f);
        long pageOffset;
        int column;
        String field = "_collection10._0.Jet_pt";
        try (FileSource source = new FileSource(f, ErrorContext.ofFile(f.toString()))) {
            NTupleDescriptor d = NTupleDescriptor.read(source, a.anchor(), NTupleContext.ofFile(f.toString()));
            FieldTree tree = new FieldTree(d.schema());
            column = tree.leaf(tree.id(field)).valueColumn().physicalId();
            PageRange r = d.clusters().getFirst().column(column);
            assertThat(r.checksum(0)).as("ROOT writes page checksums").isTrue();
            pageOffset = r.offset(0);
        }
        flip(f, pageOffset + 3);
        RNTuple nt = open(f);
        assertThatThrownBy(() -> nt.read(field, 0, nt.entries())).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("ntuple Events, field " + field + ", column " + column + ", cluster 0, page 0"
                        + " (byte offset " + pageOffset + ")")
                .hasMessageContaining("page checksum mismatch: stored XXH3 0x");
        // Other fields of the same file still read.
        assertThat(nt.read("_collection10._0.Jet_eta", 0, nt.entries()).length()).isEqualTo(40);
    }

    @Test
    void unknownFieldSuggestsCloseNames() {
        RNTuple nt = open(sample("nano_dy_zstd5.root"));
        assertThatThrownBy(() -> nt.read("Jet._0.ptt", 0, 1)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("no field named 'Jet._0.ptt'; did you mean Jet._0.pt");
    }

    @Test
    void readingARecordNamesWhatToReadInstead() {
        RNTuple nt = open(sample("nano_dy_zstd5.root"));
        assertThatThrownBy(() -> nt.read("Jet", 0, 1)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("field Jet: is a collection field; read one of its leaf fields, or its offsets"
                        + " with readOffsets");
    }
}
