package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.source.ByteSource;
import org.crema.io.internal.source.LocalFileSource;
import org.crema.io.internal.source.MemorySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte sources behind the reader: local file and memory give the same bytes and the same errors. */
class SourceTest {
    @TempDir
    Path tmp;

    @Test
    void missingFileSaysNoSuchFile() {
        Path p = tmp.resolve("nope.root");
        assertThatThrownBy(() -> RootFile.open(p)).isInstanceOf(RootException.class)
                .hasMessage("file " + p + ": no such file");
    }

    @Test
    void directorySaysSo() {
        assertThatThrownBy(() -> RootFile.open(tmp)).isInstanceOf(RootException.class)
                .hasMessage("file " + tmp + ": is a directory, not a file");
    }

    @Test
    void localFileExposesSizeAndModificationTime() throws IOException {
        Path p = tmp.resolve("copy.root");
        Files.copy(TestData.nano("nano_dy.root"), p);
        Instant when = Instant.parse("2024-05-01T12:00:00Z");
        Files.setLastModifiedTime(p, FileTime.from(when));
        ErrorContext ctx = ErrorContext.ofFile(p.toString());
        try (ByteSource s = new LocalFileSource(p, ctx)) {
            assertThat(s.identity().location()).isEqualTo(p.toString());
            assertThat(s.identity().size()).isEqualTo(Files.size(p)).isEqualTo(352_599L);
            assertThat(s.identity().modified()).isEqualTo(when);
        }
    }

    @Test
    void memoryAndLocalSourcesReadTheSameBytesAndRefuseTheSameRanges() throws IOException {
        Path p = TestData.nano("nano_dy.root");
        byte[] bytes = Files.readAllBytes(p);
        ErrorContext ctx = ErrorContext.ofFile(p.toString());
        try (ByteSource local = new LocalFileSource(p, ctx); ByteSource memory = new MemorySource(p.toString(), bytes)) {
            assertThat(memory.identity().modified()).isNull();
            assertThat(memory.size()).isEqualTo(local.size());
            for (long at : new long[] {0, 100, 123_457, bytes.length - 64}) {
                assertThat(memory.read(at, 64, ctx)).isEqualTo(local.read(at, 64, ctx));
            }
            for (ByteSource s : new ByteSource[] {local, memory}) {
                assertThatThrownBy(() -> s.read(bytes.length - 10, 20, ctx.atRecord(bytes.length - 10)))
                        .isInstanceOf(RootFormatException.class)
                        .hasMessage("file " + p + " (record at byte offset " + (bytes.length - 10) + "): needs bytes ["
                                + (bytes.length - 10) + ", " + (bytes.length + 10) + ") but the file has " + bytes.length
                                + " bytes (truncated or corrupt offset)");
            }
        }
    }

    @Test
    void aFileReadFromMemoryEqualsTheFileOnDisk() throws IOException {
        Path p = TestData.nano("nano_dy.root");
        MemorySource memory = new MemorySource(p.toString(), Files.readAllBytes(p));
        try (RootFile rf = RootFile.open(p, memory, ErrorContext.ofFile(p.toString()))) {
            assertThat(BasketLayoutTest.compareWithReference(rf.tree("Events"), "nano_dy")).isEmpty();
        }
        assertThatThrownBy(() -> memory.read(0, 4, ErrorContext.ofFile("x"))).isInstanceOf(RootException.class)
                .hasMessageContaining("read after the file was closed");
    }
}
