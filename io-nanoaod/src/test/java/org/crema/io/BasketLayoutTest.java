package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.crema.columnar.Column;
import org.crema.io.internal.basket.BasketData;
import org.crema.io.internal.basket.BasketLoader;
import org.crema.io.internal.basket.BasketTable;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.column.TreeReader;
import org.crema.io.internal.column.TreeReaders;
import org.crema.io.internal.source.MemorySource;
import org.crema.io.internal.tree.BranchModel;
import org.crema.io.internal.tree.EmbeddedBasket;
import org.crema.io.internal.tree.TreeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every basket layout ROOT writes reads alike: baskets in their own keys, an unflushed basket
 * embedded in the tree record after keyed ones, a tree that was never flushed (each branch's only
 * basket embedded: {@code fWriteBasket} 0, {@code fBasketSeek[0]} 0, {@code fTotBytes} =
 * {@code fZipBytes} = 0), and mixes. The layouts are made from real samples by moving baskets out
 * of their keys into the branch's basket array (the bytes of each basket are those the file holds),
 * and every branch's values are compared with the independent reference.
 */
class BasketLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Layout {
        /** Every basket embedded and {@code fWriteBasket} 0: a tree that was never flushed. */
        EMBEDDED_ONLY,
        /** The last basket embedded at slot {@code fWriteBasket}: the unflushed tail. */
        EMBEDDED_AFTER_KEYED,
        /** The first basket embedded, the others keyed. */
        EMBEDDED_FIRST,
        /**
         * Every basket embedded while {@code fWriteBasket} still counts them as written, with
         * {@code fBasketSeek} and {@code fBasketBytes} 0: a reader that takes slots below
         * {@code fWriteBasket} to be keyed looks for a basket "of 0 bytes at byte offset 0".
         */
        EMBEDDED_BELOW_WRITE_BASKET
    }

    @Test
    void neverFlushedSampleFromCmsswReadsItsOneEmbeddedBasket() throws IOException {
        Path file = TestData.nano("nanoAOD_2015_CMS_Open_Data_ttbar.root");
        try (RootFile rf = RootFile.open(file)) {
            Tree t = rf.tree("Events");
            TreeReader reader = TreeReaders.of(t);
            int neverFlushed = 0;
            for (BranchInfo b : t.branches()) {
                // Every branch but one (LHEPdfWeight: two keyed baskets, then the embedded one) was never flushed.
                assertThat(b.embeddedBasketCount()).as(b.name()).isOne();
                assertThat(reader.table(b.name()).count()).as(b.name()).isEqualTo(b.basketCount() + 1);
                neverFlushed += b.basketCount() == 0 ? 1 : 0;
            }
            assertThat(neverFlushed).isEqualTo(t.branches().size() - 1);
            assertThat(compareWithReference(t, "nanoAOD_2015_CMS_Open_Data_ttbar")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"EMBEDDED_ONLY", "EMBEDDED_BELOW_WRITE_BASKET"})
    void singleBasketBranchesMadeEmbeddedOnlyMatchTheReference(Layout layout) throws IOException {
        // nano_dy: one keyed basket per branch, moved into the tree record.
        Tree t = relayout(TestData.nano("nano_dy.root"), "Events", layout);
        for (BranchInfo b : t.branches()) {
            assertThat(b.basketCount()).as(b.name()).isEqualTo(layout == Layout.EMBEDDED_ONLY ? 0 : 1);
            assertThat(b.embeddedBasketCount()).as(b.name()).isOne();
            assertThat(TreeReaders.of(t).table(b.name()).count()).as(b.name()).isOne();
        }
        assertThat(compareWithReference(t, "nano_dy")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void multiBasketBranchesInEveryLayoutMatchTheReference(Layout layout) throws IOException {
        Path file = TestData.root().resolve("data/samples/compression/uproot-HZZ-zlib.root");
        Tree t = relayout(file, "events", layout);
        long multi = t.branches().stream().filter(b -> TreeReaders.of(t).table(b.name()).count() > 1).count();
        assertThat(multi).as("branches with several baskets").isPositive();
        int embedded = t.branches().stream().mapToInt(BranchInfo::embeddedBasketCount).sum();
        assertThat(embedded).isPositive();
        assertThat(compareWithReference(t, "uproot-HZZ-zlib")).isEmpty();
        // The parallel multi-branch path reads the same layout alike.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> names = t.branches().stream().map(BranchInfo::name).toList();
            Map<String, Column> all = t.read(names, 1000, 2000, pool);
            for (String n : names) {
                ColumnAssert.assertSameEntries(n, t.read(n, 1000, 2000), all.get(n));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSlotWithEntriesButNoDataIsAFormatError() throws IOException {
        // The never-flushed layout with the embedded basket lost: fBasketSeek[0] = 0 and nothing in
        // the tree record, while the table gives slot 0 all the entries.
        Path file = TestData.nano("nano_dy.root");
        byte[] bytes = Files.readAllBytes(file);
        try (RootFile rf = RootFile.open(file)) {
            TreeReader reader = TreeReaders.of(rf.tree("Events"));
            TreeModel m = reader.model();
            List<BranchModel> branches = new ArrayList<>();
            for (BranchModel b : m.branches()) {
                long[] seek = b.basketSeek().clone();
                seek[0] = 0;
                branches.add(copy(b, b.writeBasket(), seek, b.basketBytes(), List.of()));
            }
            TreeModel broken = withBranches(m, branches);
            MemorySource source = new MemorySource(file.toString(), bytes);
            ErrorContext where = ErrorContext.ofFile(file.toString()).withTree("Events");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TreeReader(source, broken, where))
                    .isInstanceOf(RootFormatException.class)
                    .hasMessageContaining("tree Events, branch run: ")
                    .hasMessageContaining("basket 0 of entries [0, 40) has no data: fBasketSeek=0");
        }
    }

    /** Moves baskets of every branch of a real tree into the tree record, as {@code layout} says. */
    private static Tree relayout(Path file, String treeName, Layout layout) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        MemorySource source = new MemorySource(file.toString(), bytes);
        ErrorContext where = ErrorContext.ofFile(file.toString()).withTree(treeName);
        try (RootFile rf = RootFile.open(file)) {
            TreeReader original = TreeReaders.of(rf.tree(treeName));
            Function<BranchModel, BranchModel> move = b -> {
                BasketTable table = original.table(b.name());
                int n = table.count();
                int first = switch (layout) {
                    case EMBEDDED_ONLY, EMBEDDED_FIRST, EMBEDDED_BELOW_WRITE_BASKET -> 0;
                    case EMBEDDED_AFTER_KEYED -> n - 1;
                };
                int last = switch (layout) {
                    case EMBEDDED_ONLY, EMBEDDED_AFTER_KEYED, EMBEDDED_BELOW_WRITE_BASKET -> n - 1;
                    case EMBEDDED_FIRST -> 0;
                };
                long[] seek = b.basketSeek().clone();
                int[] size = b.basketBytes().clone();
                List<EmbeddedBasket> embedded = new ArrayList<>();
                for (int i = first; i <= last; i++) {
                    BasketData d = BasketLoader.load(source, table, i, where.withBranch(b.name()));
                    int slot = table.slot(i);
                    embedded.add(new EmbeddedBasket(slot, d.entries(), Arrays.copyOf(d.data(), d.border()),
                            d.hasEntryOffsets() ? entryOffsets(d) : null));
                    seek[slot] = 0;
                    size[slot] = 0;
                }
                int writeBasket = switch (layout) {
                    case EMBEDDED_ONLY -> 0;
                    case EMBEDDED_AFTER_KEYED -> n - 1;
                    case EMBEDDED_FIRST, EMBEDDED_BELOW_WRITE_BASKET -> b.writeBasket();
                };
                return copy(b, writeBasket, seek, size, embedded);
            };
            TreeModel m = original.model();
            return new Tree(new TreeReader(source, withBranches(m, m.branches().stream().map(move).toList()), where));
        }
    }

    /** @return the basket's entry offsets without the closing border, as a tree record embeds them */
    private static int[] entryOffsets(BasketData d) {
        int[] out = new int[d.entries()];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.entryOffset(i);
        }
        return out;
    }

    private static BranchModel copy(BranchModel b, int writeBasket, long[] seek, int[] size,
            List<EmbeddedBasket> embedded) {
        boolean neverFlushed = writeBasket == 0;
        return new BranchModel(b.className(), b.name(), b.title(), b.compress(), b.entryOffsetLen(), writeBasket,
                b.entries(), neverFlushed ? 0 : b.totBytes(), neverFlushed ? 0 : b.zipBytes(), size,
                b.basketEntry(), seek, embedded, b.leaves(), b.branches());
    }

    private static TreeModel withBranches(TreeModel m, List<BranchModel> branches) {
        return new TreeModel(m.name(), m.title(), m.version(), m.entries(), m.autoFlush(), m.clusterRangeEnd(),
                m.clusterSize(), branches);
    }

    /** @return differences between every readable branch's statistics and the reference values */
    static List<String> compareWithReference(Tree tree, String stem) throws IOException {
        JsonNode ref = JSON.readTree(Files.readString(TestData.reference(stem))).get("trees").get(tree.name());
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode rb : ref.get("branches")) {
            byName.put(rb.get("name").asText(), rb);
        }
        List<String> problems = new ArrayList<>();
        assertThat(tree.entries()).isEqualTo(ref.get("entries").asLong());
        int compared = 0;
        for (BranchInfo b : tree.branches()) {
            JsonNode rb = byName.get(b.name());
            if (rb == null || !rb.has("stats") || !b.readable()) {
                continue;
            }
            JsonNode mine = JSON.readTree(StatsJson.stats(b.name(), BranchStatistics.of(tree, b.name())));
            problems.addAll(JsonCompare.diff(b.name() + ".stats", rb.get("stats"), mine));
            compared++;
        }
        assertThat(compared).isEqualTo(byName.values().stream().filter(n -> n.has("stats")).count());
        return problems;
    }
}
