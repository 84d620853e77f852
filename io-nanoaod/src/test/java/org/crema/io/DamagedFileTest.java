package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.directory.Directory;
import org.crema.io.internal.header.FileHeader;
import org.crema.io.internal.key.Key;
import org.crema.io.internal.source.MemorySource;
import org.junit.jupiter.api.Test;

/**
 * Damage that used to read "successfully" with wrong results: truncated files, a tree whose entry
 * count disagrees with its branches, and holes in the branch list of an uncompressed tree record.
 * Each copy is made in memory from a real sample and must fail at open with a message naming what
 * was expected and what was found.
 */
class DamagedFileTest {

    private static RootFile open(Path original, byte[] bytes, RootFile.Option... options) {
        String name = original + " (damaged copy)";
        return RootFile.open(original, new MemorySource(name, bytes), ErrorContext.ofFile(name), options);
    }

    @Test
    void fileMissingItsLastTenthOfAPercentIsRefusedNamingBothSizes() throws IOException {
        Path file = TestData.nano("nano_dy.root");
        byte[] bytes = Files.readAllBytes(file);
        int cut = bytes.length - bytes.length / 1000;
        byte[] copy = Arrays.copyOf(bytes, cut);
        assertThatThrownBy(() -> open(file, copy)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("nano_dy.root (damaged copy): file is truncated")
                .hasMessageContaining("ends at byte " + bytes.length + " (fEND)")
                .hasMessageContaining("has " + cut + " bytes (" + (bytes.length - cut) + " missing)")
                .hasMessageContaining("ALLOW_TRUNCATED");
    }

    @Test
    void allowTruncatedReadsWhatIsThere() throws IOException {
        Path file = TestData.nano("nano_dy.root");
        byte[] bytes = Files.readAllBytes(file);
        // Only the free-segments record at the very end is lost: every tree and basket is intact.
        byte[] copy = Arrays.copyOf(bytes, bytes.length - bytes.length / 1000);
        try (RootFile rf = open(file, copy, RootFile.Option.ALLOW_TRUNCATED)) {
            assertThat(rf.truncated()).isTrue();
            assertThat(BasketLayoutTest.compareWithReference(rf.tree("Events"), "nano_dy")).isEmpty();
        }
        try (RootFile rf = RootFile.open(file)) {
            assertThat(rf.truncated()).isFalse();
        }
    }

    @Test
    void headerEndBeyondTheFileIsTruncation() throws IOException {
        Path file = TestData.nano("nano_dimuon.root");
        byte[] bytes = Files.readAllBytes(file);
        byte[] copy = bytes.clone();
        // Small-file header: "root", fVersion, fBEGIN, then fEND as a 32-bit big-endian offset.
        long end = bytes.length + 4096L;
        ByteBuffer.wrap(copy).putInt(12, (int) end);
        assertThatThrownBy(() -> open(file, copy)).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("file is truncated: its header says it ends at byte " + end
                        + " (fEND) but it has " + bytes.length + " bytes (4096 missing)");
    }

    @Test
    void treeEntryCountThatDisagreesWithItsBranchesIsAFormatError() throws IOException {
        Path file = TestData.nano("nano_tt_v12.root");
        byte[] copy = Files.readAllBytes(file);
        int entries = fieldAfterTreeName(copy, 200);
        ByteBuffer.wrap(copy).putLong(entries, 150);
        assertThatThrownBy(() -> {
            try (RootFile rf = open(file, copy)) {
                rf.tree("Events");
            }
        }).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("tree Events, branch BeamSpot_sigmaZError: the tree has 150 entries (fEntries) "
                        + "but the branch has 200");
    }

    @Test
    void branchEntryCountThatDisagreesWithItsBasketsIsAFormatError() throws IOException {
        Path file = TestData.nano("nano_tt_v12.root");
        byte[] copy = Files.readAllBytes(file);
        // Tree and branch both say 150, the basket table still covers 200 entries.
        ByteBuffer.wrap(copy).putLong(fieldAfterTreeName(copy, 200), 150);
        int branch = indexOf(copy, tString("BeamSpot_sigmaZError"), payloadStart(copy));
        // fEntryNumber (entries filled) comes first, then fEntries; both are 200.
        int entries = findLong(copy, 200, findLong(copy, 200, branch) + 8);
        ByteBuffer.wrap(copy).putLong(entries, 150);
        assertThatThrownBy(() -> {
            try (RootFile rf = open(file, copy)) {
                rf.tree("Events");
            }
        }).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("tree Events, branch BeamSpot_sigmaZError: the branch's baskets hold 200 "
                        + "entries but its fEntries is 150");
    }

    @Test
    void aHoleInTheBranchListIsAFormatErrorNotAShorterList() throws IOException {
        Path file = TestData.nano("nano_tt_v12.root");
        byte[] copy = Files.readAllBytes(file);
        // Zeros inside the object pointer of branch 296 (Jet_pt), which precedes the branch's name.
        int name = indexOf(copy, tString("Jet_pt"), payloadStart(copy));
        Arrays.fill(copy, name - 30, name - 26, (byte) 0);
        assertThatThrownBy(() -> {
            try (RootFile rf = open(file, copy)) {
                rf.tree("Events");
            }
        }).isInstanceOf(RootFormatException.class)
                .hasMessageContaining("(damaged copy), tree Events (record at byte offset ")
                .hasMessageContaining("branch list: element 296 of 654 is missing (a null pointer) (damaged record)");
    }

    @Test
    void zeroedBytesAnywhereInTheTreeRecordNeverShortenTheBranchList() throws IOException {
        Path file = TestData.nano("nano_tt_v12.root");
        byte[] bytes = Files.readAllBytes(file);
        int start = payloadStart(bytes);
        Key key = eventsKey(bytes);
        int length = key.nbytes() - key.keylen();
        int failures = 0;
        for (int k = 1; k < 40; k++) {
            byte[] copy = bytes.clone();
            int at = start + (int) ((long) length * k / 40);
            Arrays.fill(copy, at, at + 64, (byte) 0);
            try (RootFile rf = open(file, copy)) {
                Tree t = rf.tree("Events");
                // Zeros that land inside strings or unused members may leave a readable tree: it must be whole.
                assertThat(t.branches()).as("zeros at " + at).hasSize(654);
            } catch (RootFormatException e) {
                assertThat(e).as("zeros at " + at).hasMessageContaining("(damaged copy)")
                        .hasMessageContaining("tree Events");
                failures++;
            }
        }
        assertThat(failures).isGreaterThan(30);
    }

    private static Key eventsKey(byte[] bytes) {
        MemorySource src = new MemorySource("copy", bytes);
        ErrorContext ctx = ErrorContext.ofFile("copy");
        FileHeader h = FileHeader.read(src, ctx);
        Directory top = Directory.readAt(src, (long) h.begin() + h.nbytesName(), ctx);
        Key key = top.keys().stream().filter(k -> k.name().equals("Events") && k.className().equals("TTree"))
                .max(Comparator.comparingInt(Key::cycle)).orElseThrow();
        assertThat(key.compressed()).as("nano_tt_v12 stores its tree record uncompressed").isFalse();
        return key;
    }

    private static int payloadStart(byte[] bytes) {
        Key key = eventsKey(bytes);
        return (int) key.seekKey() + key.keylen();
    }

    /** @return offset of the first big-endian long {@code value} in the tree record (the tree's fEntries) */
    private static int fieldAfterTreeName(byte[] bytes, long value) {
        return findLong(bytes, value, payloadStart(bytes));
    }

    private static int findLong(byte[] bytes, long value, int from) {
        byte[] pattern = ByteBuffer.allocate(8).putLong(value).array();
        return indexOf(bytes, pattern, from);
    }

    private static byte[] tString(String s) {
        byte[] text = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[text.length + 1];
        out[0] = (byte) text.length;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        int i = CorruptInputTest.indexOf(data, pattern, from);
        assertThat(i).as("pattern found").isNotNegative();
        return i;
    }
}
