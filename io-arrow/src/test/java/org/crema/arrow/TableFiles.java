package org.crema.arrow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;

/** What an independent reader saw of one column over the whole file, and comparisons with crema's columns. */
final class TableFiles {
    private TableFiles() {
    }

    /** @param offsets list offsets over the whole file (null for flat columns) @param values all values */
    record ReadColumn(int[] offsets, JsonNode values) {
    }

    /** The Arrow reader's batches concatenated; offsets are rebased per batch and joined. */
    static ReadColumn arrowColumn(JsonNode out, String name) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        List<Integer> offsets = new ArrayList<>();
        boolean list = false;
        for (JsonNode batch : out.get("batches")) {
            JsonNode c = batch.get("columns").get(name);
            if (c.has("offsets")) {
                list = true;
                JsonNode o = c.get("offsets");
                int base = values.size();
                if (offsets.isEmpty()) {
                    offsets.add(0);
                }
                for (int i = 1; i < o.size(); i++) {
                    offsets.add(base + o.get(i).intValue() - o.get(0).intValue());
                }
            }
            values.addAll((ArrayNode) c.get("values"));
        }
        return new ReadColumn(list ? offsets.stream().mapToInt(Integer::intValue).toArray() : null, values);
    }

    /** The Parquet reader's row groups concatenated; list rows (JSON arrays) are flattened into offsets + values. */
    static ReadColumn parquetColumn(JsonNode out, String name) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        List<Integer> offsets = new ArrayList<>(List.of(0));
        boolean list = false;
        for (JsonNode rg : out.get("rowGroups")) {
            for (JsonNode row : rg.get("columns").get(name)) {
                if (row.isArray()) {
                    list = true;
                    values.addAll((ArrayNode) row);
                    offsets.add(values.size());
                } else {
                    values.add(row);
                }
            }
        }
        return new ReadColumn(list ? offsets.stream().mapToInt(Integer::intValue).toArray() : null, values);
    }

    /** Concatenates the batches' columns of one name into one expected column (offsets rebased). */
    static Expected expected(List<? extends SequencedMap<String, ? extends Column>> batches, String name) {
        List<Column> parts = new ArrayList<>();
        for (SequencedMap<String, ? extends Column> b : batches) {
            parts.add(b.get(name));
        }
        return new Expected(parts);
    }

    /** The batches' parts of one column, compared against a {@link ReadColumn}. */
    record Expected(List<Column> parts) {
        void assertEquals(ReadColumn read, String what) {
            List<Integer> offsets = new ArrayList<>(List.of(0));
            int valueIndex = 0;
            boolean list = parts.getFirst() instanceof ListColumn<?>;
            org.assertj.core.api.Assertions.assertThat(read.offsets() != null).as("%s is a list", what).isEqualTo(list);
            for (Column part : parts) {
                if (part instanceof ListColumn<?> l) {
                    int base = l.offsets()[l.offsetsFrom()];
                    for (int i = 1; i <= l.length(); i++) {
                        offsets.add(valueIndex + l.offsets()[l.offsetsFrom() + i] - base);
                    }
                    int n = l.totalCount();
                    IndependentReader.assertValues(slice(read.values(), valueIndex, n), (PrimitiveColumn) l.content(), base, n, what);
                    valueIndex += n;
                } else {
                    int n = part.length();
                    IndependentReader.assertValues(slice(read.values(), valueIndex, n), (PrimitiveColumn) part, 0, n, what);
                    valueIndex += n;
                }
            }
            org.assertj.core.api.Assertions.assertThat(read.values().size()).as("%s: total values", what).isEqualTo(valueIndex);
            if (list) {
                org.assertj.core.api.Assertions.assertThat(read.offsets()).as("%s: offsets", what)
                        .containsExactly(offsets.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    private static JsonNode slice(JsonNode values, int from, int n) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n && from + i < values.size(); i++) {
            out.add(values.get(from + i));
        }
        return out;
    }

    static SequencedMap<String, Column> batch(Object... nameColumnPairs) {
        SequencedMap<String, Column> m = new LinkedHashMap<>();
        for (int i = 0; i < nameColumnPairs.length; i += 2) {
            m.put((String) nameColumnPairs[i], (Column) nameColumnPairs[i + 1]);
        }
        return m;
    }
}
