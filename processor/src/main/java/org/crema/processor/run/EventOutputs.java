package org.crema.processor.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.crema.arrow.ColumnTableWriter;
import org.crema.arrow.TableMetadata;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.io.write.BranchSpec;
import org.crema.io.write.CompressionSetting;
import org.crema.io.write.LeafType;
import org.crema.io.write.RootWriter;
import org.crema.io.write.RunSums;
import org.crema.io.write.TreeWriter;
import org.crema.processor.AnalysisProcessor;
import org.crema.processor.DatasetInfo;
import org.crema.processor.ProcessorException;
import org.crema.processor.accumulate.AccumulatorMap;
import org.crema.processor.accumulate.EventRows;
import org.crema.processor.accumulate.Sum;

/**
 * Writes a run's per-event rows ({@link EventRows} under {@link AnalysisProcessor#SKIM} and
 * {@link AnalysisProcessor#COLUMNS}) into the output folder, one file per dataset:
 * {@code skims/<dataset>.root} and {@code columns/<category>/<dataset>.arrow}.
 *
 * <p>Each file holds the dataset's rows concatenated in input order and is written in one go (one
 * ROOT append cut into fixed-size clusters, one Arrow record batch) with fixed timestamps and UUIDs, so
 * its bytes depend only on the selected events, never on the chunking or the number of workers. Each
 * file is written to a temporary name and renamed, so a failure leaves no half-written file.
 */
final class EventOutputs {
    /** Folder of the skims in the output folder. */
    static final String SKIMS = "skims";
    /** Folder of the saved columns in the output folder. */
    static final String COLUMNS = "columns";

    private EventOutputs() {
    }

    /**
     * @param dir output folder
     * @param result the post-processed result
     * @param datasets the run's datasets
     * @return path relative to {@code dir} (with '/') → written file, in writing order
     */
    static SequencedMap<String, Path> write(Path dir, AccumulatorMap result, Map<String, DatasetInfo> datasets) {
        SequencedMap<String, Path> out = new LinkedHashMap<>();
        if (result.get(AnalysisProcessor.SKIM) instanceof EventRows skim) {
            AccumulatorMap sums = result.get("sumGenWeights") instanceof AccumulatorMap m ? m : AccumulatorMap.empty();
            for (String ds : skim.datasets()) {
                String rel = SKIMS + "/" + fileName(ds) + ".root";
                DatasetInfo info = datasets.get(ds);
                Sum s = sums.containsKey(ds) ? (Sum) sums.get(ds) : null;
                writeSkim(dir.resolve(rel), skim, ds, info != null && info.isMC() ? s : null);
                out.put(rel, dir.resolve(rel));
            }
        }
        if (result.get(AnalysisProcessor.COLUMNS) instanceof AccumulatorMap cats) {
            for (var e : cats.entries().entrySet()) {
                EventRows rows = (EventRows) e.getValue();
                for (String ds : rows.datasets()) {
                    String rel = COLUMNS + "/" + fileName(e.getKey()) + "/" + fileName(ds) + ".arrow";
                    writeColumns(dir.resolve(rel), rows, ds, e.getKey(), datasets.get(ds));
                    out.put(rel, dir.resolve(rel));
                }
            }
        }
        return out;
    }

    /** @return the result without the rows written to files (they would otherwise be stored twice) */
    static AccumulatorMap withoutRows(AccumulatorMap result) {
        Map<String, org.crema.processor.accumulate.Accumulator<?>> kept = new LinkedHashMap<>(result.entries());
        kept.remove(AnalysisProcessor.SKIM);
        kept.remove(AnalysisProcessor.COLUMNS);
        return AccumulatorMap.of(kept);
    }

    private static String fileName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.contains("\0")) {
            throw new ProcessorException("cannot name an output file after '" + name + "': dataset and category"
                    + " names used for skims and saved columns must not be empty, '.', '..' or contain '/' or '\\'");
        }
        return name;
    }

    private static void writeSkim(Path target, EventRows rows, String dataset, Sum sums) {
        SequencedMap<String, Column> cols = rows.columns(dataset);
        Map<String, String> counters = rows.counters(dataset);
        List<BranchSpec> specs = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        for (var e : cols.entrySet()) {
            PrimitiveColumn values = e.getValue() instanceof ListColumn<?> l ? (PrimitiveColumn) l.content()
                    : (PrimitiveColumn) e.getValue();
            LeafType type = LeafType.of(values.elementType());
            if (e.getValue() instanceof ListColumn<?>) {
                String counter = counters.get(e.getKey());
                if (!declared.contains(counter)) {
                    // NanoAOD's counters are UInt_t
                    specs.add(BranchSpec.flat(counter, LeafType.UINT));
                    declared.add(counter);
                }
                specs.add(BranchSpec.jagged(e.getKey(), type, counter));
            } else {
                specs.add(BranchSpec.flat(e.getKey(), type));
            }
        }
        RootWriter w = RootWriter.create(target, CompressionSetting.zlib(1), true);
        try {
            TreeWriter events = w.tree("Events", "Events", specs);
            if (rows.rows(dataset) > 0) {
                events.append(cols);
            }
            if (sums != null) {
                // The events the skim was made from, before any cut: what normalisation divides by.
                w.runs(List.of(new RunSums(1, sums.entries(), sums.sumw(), sums.sumw2())));
            }
            w.close();
        } catch (RuntimeException e) {
            w.abort();
            throw new ProcessorException("cannot write the skim of dataset '" + dataset + "' to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static void writeColumns(Path target, EventRows rows, String dataset, String category, DatasetInfo info) {
        TableMetadata md = info == null ? TableMetadata.of(dataset, "", "", false, Double.NaN, category)
                : TableMetadata.of(dataset, info.sample() == null ? "" : info.sample(),
                        info.year() == null ? "" : info.year(), info.isMC(), info.hasXsec() ? info.xsec() : Double.NaN,
                        category);
        try {
            Files.createDirectories(target.getParent());
            try (ColumnTableWriter w = ColumnTableWriter.arrowIpc(target, md)) {
                w.write(rows.columns(dataset));
                w.commit();
            }
        } catch (IOException | RuntimeException e) {
            throw new ProcessorException("cannot write the columns of category '" + category + "', dataset '"
                    + dataset + "' to " + target + ": " + e.getMessage(), e);
        }
    }
}
