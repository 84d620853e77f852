package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corrupted copies of real samples (truncated, zeroed, bit-flipped, patched) must fail with a
 * {@link RootException} whose message names the file (and tree, branch, basket and offset where
 * known), never with a JDK exception, a hang or an out-of-memory error.
 */
class CorruptInputTest {
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(2);

    @org.junit.jupiter.api.AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    @TempDir
    Path tmp;

    /** Opens a corrupted copy and reads every branch of every tree; returns the failure messages. */
    private static List<String> readEverything(Path file) {
        List<String> messages = new ArrayList<>();
        try (RootFile rf = RootFile.open(file)) {
            for (String name : rf.treeNames()) {
                Tree t;
                try {
                    t = rf.tree(name);
                } catch (RootException e) {
                    messages.add(e.getMessage());
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (BranchInfo b : t.branches()) {
                    if (!b.readable()) {
                        continue;
                    }
                    names.add(b.name());
                    try {
                        t.read(b.name(), 0, t.entries());
                    } catch (RootException e) {
                        messages.add(e.getMessage());
                    }
                }
                // The multi-branch path (counter-aligned, parallel) must fail as cleanly.
                try {
                    t.read(names, 0, t.entries(), POOL);
                } catch (RootException e) {
                    messages.add(e.getMessage());
                }
            }
        } catch (RootException e) {
            messages.add(e.getMessage());
        }
        return messages;
    }

    private Path copyWith(Path original, String suffix, byte[] bytes) throws IOException {
        Path p = tmp.resolve(TestData.stem(original) + "-" + suffix + ".root");
        Files.write(p, bytes);
        return p;
    }

    private static Path sample(String name) {
        Path p = TestData.nano(name);
        return Files.exists(p) ? p : TestData.root().resolve("data/samples/compression").resolve(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nano_dy.root", "nanoAOD_2015_CMS_Open_Data_ttbar.root", "uproot-HZZ-lz4.root",
        "uproot-HZZ-zstd.root", "uproot-HZZ-lzma.root", "uproot-HZZ.root"})
    void truncatedCopiesFailCleanly(String name) throws IOException {
        Path original = sample(name);
        byte[] bytes = Files.readAllBytes(original);
        int failures = 0;
        for (int i = 0; i <= 24; i++) {
            int cut = (int) ((long) bytes.length * i / 25);
            Path p = copyWith(original, "cut" + cut, Arrays.copyOf(bytes, cut));
            List<String> messages = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readEverything(p));
            assertThat(messages).allSatisfy(m -> assertThat(m).contains(p.toString()));
            failures += messages.isEmpty() ? 0 : 1;
        }
        // Every cut removes the key list at the end of the file, so every copy must fail.
        assertThat(failures).isEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nano_dy.root", "nanoAOD_2015_CMS_Open_Data_ttbar.root", "uproot-HZZ-lz4.root",
        "uproot-HZZ-zstd.root", "uproot-HZZ-lzma.root"})
    void zeroedAndFlippedCopiesFailCleanly(String name) throws IOException {
        Path original = sample(name);
        byte[] bytes = Files.readAllBytes(original);
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int i = 0; i < 30; i++) {
            byte[] copy = bytes.clone();
            int at = random.nextInt(copy.length);
            if (i % 2 == 0) {
                Arrays.fill(copy, at, Math.min(copy.length, at + 1 + random.nextInt(256)), (byte) 0);
            } else {
                for (int k = 0; k < 8; k++) {
                    int pos = random.nextInt(copy.length);
                    copy[pos] ^= (byte) (1 << random.nextInt(8));
                }
            }
            Path p = copyWith(original, "damaged" + i, copy);
            List<String> messages = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readEverything(p));
            assertThat(messages).allSatisfy(m -> assertThat(m).contains(p.toString()));
        }
    }

    @Test
    void truncatedBasketNamesTreeBranchBasketAndOffset() throws IOException {
        Path original = TestData.nano("nano_dy.root");
        byte[] bytes = Files.readAllBytes(original);
        // Keep the header, key list and tree record; cut nothing but damage the basket region by zeroing it.
        byte[] copy = bytes.clone();
        Arrays.fill(copy, 2000, 60000, (byte) 0);
        Path p = copyWith(original, "zeroed-baskets", copy);
        List<String> messages = readEverything(p);
        assertThat(messages).isNotEmpty();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(p.toString()).contains("tree Events")
                .contains(", branch ").contains(", basket 0").contains("byte offset"));
    }

    @Test
    void lz4ChecksumMismatchIsReported() throws IOException {
        Path original = sample("uproot-HZZ-lz4.root");
        byte[] bytes = Files.readAllBytes(original);
        int block = indexOf(bytes, new byte[] {'L', '4'}, 1000);
        assertThat(block).isPositive();
        byte[] copy = bytes.clone();
        copy[block + 9 + 8 + 20] ^= 0x55;
        Path p = copyWith(original, "lz4-flip", copy);
        List<String> messages = readEverything(p);
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("LZ4 checksum mismatch").contains(", basket ")
                .contains("tree events"));
    }

    @Test
    void corruptLzmaBasketNamesTheDecoderErrorWithFileBranchAndBasket() throws IOException {
        Path original = sample("uproot-HZZ-lzma.root");
        byte[] bytes = Files.readAllBytes(original);
        int block = indexOf(bytes, new byte[] {'X', 'Z', 0}, 1000);
        assertThat(block).isPositive();
        byte[] copy = bytes.clone();
        for (int i = 0; i < 16; i++) {
            copy[block + 9 + 40 + i] ^= (byte) 0xA5;
        }
        Path p = copyWith(original, "xz-flip", copy);
        boolean nativeLzma = org.crema.io.internal.compression.Codecs.algorithm("XZ").nativeCodec() != null;
        List<String> messages = readEverything(p);
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(p.toString()).contains("tree events")
                .contains(", branch ").contains(", basket ").contains("compression block 0 at byte offset ")
                .contains(nativeLzma ? "xz data corrupt: liblzma returned LZMA_" : "xz data corrupt"));
    }

    @Test
    void unknownCodecIsUnsupported() throws IOException {
        Path original = TestData.nano("nano_dy.root");
        byte[] bytes = Files.readAllBytes(original);
        int block = indexOf(bytes, new byte[] {'Z', 'L', 8}, 1000);
        byte[] copy = bytes.clone();
        copy[block] = 'Q';
        copy[block + 1] = 'Q';
        Path p = copyWith(original, "codec", copy);
        try (RootFile rf = RootFile.open(p)) {
            Tree t = rf.tree("Events");
            List<Throwable> errors = new ArrayList<>();
            for (BranchInfo b : t.branches()) {
                try {
                    t.read(b.name(), 0, t.entries());
                } catch (RootException e) {
                    errors.add(e);
                }
            }
            assertThatThrownBy(() -> t.read(t.branches().stream().map(BranchInfo::name).toList(), 0, 40, POOL))
                    .isInstanceOf(UnsupportedRootFeatureException.class).hasMessageContaining("('QQ')");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).isInstanceOf(UnsupportedRootFeatureException.class)
                    .hasMessageContaining("unknown compression algorithm bytes 0x51 0x51 ('QQ')")
                    .hasMessageContaining("tree Events").hasMessageContaining(", basket 0 (key at byte offset ")
                    .hasMessageContaining(p.toString());
        }
    }

    @Test
    void hugeDeclaredLengthDoesNotAllocate() throws IOException {
        Path original = TestData.nano("nano_dy.root");
        byte[] bytes = Files.readAllBytes(original);
        int block = indexOf(bytes, new byte[] {'Z', 'L', 8}, 1000);
        byte[] copy = bytes.clone();
        // Uncompressed size of the first block (3 bytes, little-endian) set to the maximum.
        copy[block + 6] = (byte) 0xFF;
        copy[block + 7] = (byte) 0xFF;
        copy[block + 8] = (byte) 0xFF;
        Path p = copyWith(original, "length", copy);
        List<String> messages = readEverything(p);
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("compression block").contains(", basket 0"));
    }

    @Test
    void missingBranchSuggestsCloseNames() {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"))) {
            Tree t = rf.tree("Events");
            assertThatThrownBy(() -> t.read("Jet_ptt", 0, 1)).isInstanceOf(RootFormatException.class)
                    .hasMessageContaining("nano_dy.root").hasMessageContaining("tree Events")
                    .hasMessageContaining("no branch named 'Jet_ptt'").hasMessageContaining("did you mean Jet_pt");
        }
    }

    @Test
    void branchElementIsUnsupported() {
        try (RootFile rf = RootFile.open(TestData.nano("pfnano.root"))) {
            Tree t = rf.tree("MetaData");
            assertThat(t.branch("ProcessHistory").readable()).isFalse();
            assertThatThrownBy(() -> t.read("ProcessHistory", 0, 1))
                    .isInstanceOf(UnsupportedRootFeatureException.class)
                    .hasMessageContaining("pfnano.root").hasMessageContaining("tree MetaData")
                    .hasMessageContaining("branch ProcessHistory").hasMessageContaining("TBranchElement");
        }
    }

    @Test
    void treePathThroughANonDirectoryIsRejected() {
        try (RootFile rf = RootFile.open(TestData.nano("pfnano.root"))) {
            assertThatThrownBy(() -> rf.tree("Events/Jet_pt")).isInstanceOf(RootFormatException.class)
                    .hasMessageContaining("pfnano.root").hasMessageContaining("'Events' is a TTree, not a directory");
            assertThatThrownBy(() -> rf.tree("tag")).isInstanceOf(RootFormatException.class)
                    .hasMessageContaining("'tag' is a TObjString, not a TTree");
            assertThatThrownBy(() -> rf.tree("Event")).isInstanceOf(RootFormatException.class)
                    .hasMessageContaining("no tree named 'Event'").hasMessageContaining("did you mean Events");
        }
    }

    @Test
    void notARootFile() throws IOException {
        Path p = tmp.resolve("text.root");
        Files.writeString(p, "this is not a ROOT file, just text that is long enough to hold a header...");
        assertThatThrownBy(() -> RootFile.open(p)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("not a ROOT file");
    }

    @Test
    void entryRangeOutsideTreeIsAnArgumentError() {
        try (RootFile rf = RootFile.open(TestData.nano("nano_dy.root"))) {
            Tree t = rf.tree("Events");
            assertThatThrownBy(() -> t.read("Jet_pt", 5, 41)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("to=41").hasMessageContaining("entries=40");
        }
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
