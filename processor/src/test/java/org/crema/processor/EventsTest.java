package org.crema.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.Columns;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.ListColumn;
import org.crema.columnar.RecordColumn;
import org.junit.jupiter.api.Test;

class EventsTest {
    final AtomicInteger reads = new AtomicInteger();

    ColumnSource source(boolean failing) {
        Map<String, Column> cols = new LinkedHashMap<>();
        int[] off = {0, 2, 2, 5};
        cols.put("nMuon", IntColumn.of(2, 0, 3));
        cols.put("Muon_pt", Columns.jagged(off, new float[] {10, 20, 30, 40, 50}));
        cols.put("Muon_charge", Columns.jagged(off, new int[] {1, -1, 1, 1, -1}));
        cols.put("MET_pt", FloatColumn.of(5, 6, 7));
        cols.put("genWeight", FloatColumn.of(1, 2, 3));
        return new ColumnSource() {
            @Override
            public int length() {
                return 3;
            }

            @Override
            public Set<String> columnNames() {
                return cols.keySet();
            }

            @Override
            public Column column(String name) {
                reads.incrementAndGet();
                if (failing) {
                    throw new IllegalStateException("bad basket");
                }
                return cols.get(name);
            }
        };
    }

    Chunk chunk = new Chunk(0, DatasetInfo.of("DY", true), "f.root", "Events", 0, 3, 3);

    @Test
    void lazyCachedCollectionsAndFilters() {
        Events ev = Events.of(chunk, source(false));
        assertThat(reads.get()).isZero();
        ListColumn<RecordColumn> mu = ev.collection("Muon");
        assertThat(mu.content().fieldNames()).containsExactly("charge", "pt");
        assertThat(mu.count(2)).isEqualTo(3);
        int after = reads.get();
        ev.column("Muon_pt");
        ev.collection("Muon");
        assertThat(reads.get()).isEqualTo(after);
        assertThat(ev.singleton("MET").field("pt", FloatColumn.class).toArray()).containsExactly(5f, 6f, 7f);

        Events sub = ev.filter(BoolColumn.of(true, false, true));
        assertThat(sub.size()).isEqualTo(2);
        ListColumn<RecordColumn> smu = sub.collection("Muon");
        assertThat(smu.count(0)).isEqualTo(2);
        assertThat(smu.count(1)).isEqualTo(3);
        assertThat(smu.content().field("pt", FloatColumn.class).toArray()).containsExactly(10f, 20f, 30f, 40f, 50f);
        assertThat(sub.column("genWeight", FloatColumn.class).toArray()).containsExactly(1f, 3f);
        assertThat(sub.dataset().name()).isEqualTo("DY");
    }

    @Test
    void errorsCarryTheChunk() {
        Events ev = Events.of(chunk, source(false));
        assertThatThrownBy(() -> ev.column("Jet_pt")).isInstanceOf(NoSuchColumnException.class)
                .hasMessageContaining("no column 'Jet_pt' in dataset DY, file f.root, entries [0, 3)");
        assertThatThrownBy(() -> ev.collection("Jet")).isInstanceOf(NoSuchColumnException.class);
        assertThatThrownBy(() -> ev.column("MET_pt", IntColumn.class)).hasMessageContaining("is a FloatColumn");
        Events bad = Events.of(chunk, source(true));
        assertThatThrownBy(() -> bad.column("MET_pt")).isInstanceOf(InputReadException.class)
                .hasMessageContaining("dataset DY, file f.root, entries [0, 3): cannot read column 'MET_pt': bad basket");
        assertThatThrownBy(() -> ev.filter(BoolColumn.of(true))).hasMessageContaining("mask length 1 != 3 events");
    }

    static ColumnSource memory(Map<String, Column> cols) {
        return new ColumnSource() {
            @Override
            public int length() {
                return cols.values().iterator().next().length();
            }

            @Override
            public Set<String> columnNames() {
                return cols.keySet();
            }

            @Override
            public Column column(String name) {
                return cols.get(name);
            }
        };
    }

    @Test
    void inMemoryGroupingFollowsTheSchemasCounterRule() {
        Map<String, Column> cols = new LinkedHashMap<>();
        int[] off = {0, 2, 2, 5};
        cols.put("nMuon", IntColumn.of(2, 0, 3));
        cols.put("Muon_pt", Columns.jagged(off, new float[] {10, 20, 30, 40, 50}));
        // counted by another counter: not a field of Muon (as the reader decides from the branch's counter)
        cols.put("nMuonHit", IntColumn.of(1, 1, 1));
        cols.put("Muon_hits", Columns.jagged(new int[] {0, 1, 2, 3}, new int[] {7, 8, 9}));
        // no counter at all: jagged, but no collection, as in a ROOT file
        cols.put("Jet_pt", Columns.jagged(off, new float[] {1, 2, 3, 4, 5}));
        Events ev = Events.of(chunk, memory(cols));
        ListColumn<RecordColumn> mu = ev.collection("Muon");
        assertThat(mu.content().fieldNames()).containsExactly("pt");
        assertThat(mu.offsets()).containsExactly(0, 2, 2, 5);
        assertThatThrownBy(() -> ev.collection("Muon", "hits")).isInstanceOf(InputReadException.class)
                .hasMessage("dataset DY, file f.root, entries [0, 3): branch 'Muon_hits' is not counted by 'nMuon'"
                        + " (its counts differ)");
        assertThatThrownBy(() -> ev.collection("Jet")).isInstanceOf(NoSuchColumnException.class)
                .hasMessage("no collection 'Jet' (no jagged 'Jet_*' branch counted by 'nJet') in dataset DY, file f.root,"
                        + " entries [0, 3)");
        assertThatThrownBy(() -> ev.collection("Jet", "pt")).isInstanceOf(InputReadException.class)
                .hasMessageEndingWith("branch 'Jet_pt' is not counted by 'nJet' (no such counter)");
        // a file written by uproot gives each jagged branch its own counter, which the schema accepts
        cols.put("nJet_pt", IntColumn.of(2, 0, 3));
        Events uproot = Events.of(chunk, memory(cols));
        assertThat(uproot.collection("Jet").content().field("pt", FloatColumn.class).toArray())
                .containsExactly(1f, 2f, 3f, 4f, 5f);
    }
}
