package org.crema.processor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.function.Function;
import org.crema.columnar.Column;

/**
 * Per-event columns a processor saves for one category ({@link AnalysisProcessor#savedColumns()}),
 * so they can be read in pandas, polars or pyarrow: at the end of the run each dataset's rows are
 * written to {@code columns/<category>/<dataset>.arrow} (Arrow IPC), in input order (file, then
 * entry), with the dataset's metadata in the schema.
 *
 * <p>Each column is computed in the nominal pass from the {@link AnalysisContext} (one value or one
 * list per event of the skimmed chunk) and keeps the events passing the preselection and the
 * category. Flat primitive columns and {@code ListColumn}s of them are supported.
 *
 * <pre>{@code
 * protected List<SavedColumns> savedColumns() {
 *     return List.of(SavedColumns.of("2mu")
 *             .column("dimuonMass", ctx -> ctx.variable("mass"))
 *             .column("muonPt", ctx -> ctx.muons().pt()));
 * }
 * }</pre>
 */
public final class SavedColumns {
    private final String category;
    private final SequencedMap<String, Function<AnalysisContext, ? extends Column>> columns;

    private SavedColumns(String category, SequencedMap<String, Function<AnalysisContext, ? extends Column>> columns) {
        this.category = category;
        this.columns = columns;
    }

    /**
     * @param category a category of {@link AnalysisProcessor#categories()}
     * @return a declaration without columns yet
     */
    public static SavedColumns of(String category) {
        return new SavedColumns(Objects.requireNonNull(category, "category"), new LinkedHashMap<>());
    }

    /**
     * @param name the column's name in the file
     * @param values computes the column from the variation's state, one entry per event
     * @return a new declaration with the column added
     */
    public SavedColumns column(String name, Function<AnalysisContext, ? extends Column> values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        if (columns.containsKey(name)) {
            throw new IllegalArgumentException("category '" + category + "' saves column '" + name + "' twice");
        }
        SequencedMap<String, Function<AnalysisContext, ? extends Column>> c = new LinkedHashMap<>(columns);
        c.put(name, values);
        return new SavedColumns(category, c);
    }

    /** @return the category */
    public String category() {
        return category;
    }

    /** @return column name → how it is computed, in declaration order */
    public SequencedMap<String, Function<AnalysisContext, ? extends Column>> columns() {
        return Collections.unmodifiableSequencedMap(columns);
    }
}
