package org.crema.configs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.crema.configs.internal.model.Inputs;
import org.crema.configs.internal.model.Loader;
import org.crema.configs.internal.model.Model;
import org.crema.configs.internal.yaml.Source;
import org.crema.processor.run.Fileset;
import org.crema.processor.run.OutputFiles;

/**
 * A YAML analysis configuration, loaded and fully validated: every key, parameter, name, type,
 * category, weight, variation and axis is checked, and every expression compiled, against the
 * branches of the first input file, before any event is read.
 *
 * <pre>{@code
 * AnalysisConfig cfg = AnalysisConfig.load(Path.of("configs/examples/zmumu.yaml"));
 * RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults()).run(cfg.processor(), cfg.fileset());
 * }</pre>
 *
 * Immutable; the processor it makes is serializable and compiles its kernels once per instance.
 */
public final class AnalysisConfig {
    private final Source source;
    private final Path baseDir;
    private final Model model;

    AnalysisConfig(Source source, Path baseDir, Model model) {
        this.source = source;
        this.baseDir = baseDir;
        this.model = model;
    }

    /**
     * Loads and validates a configuration file; relative paths in it resolve against its folder.
     *
     * @param file the YAML file
     * @return the configuration
     * @throws ConfigException listing every error with file:line:column
     */
    public static AnalysisConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /**
     * @param text YAML text
     * @param fileName name used in messages
     * @param baseDir folder relative paths resolve against
     * @return the configuration
     * @throws ConfigException listing every error with file:line:column
     */
    public static AnalysisConfig parse(String text, String fileName, Path baseDir) {
        Source s = Source.of(fileName, text);
        return new AnalysisConfig(s, baseDir, Loader.load(s, baseDir, null, true));
    }

    /** @return the analysis name ({@code name:}, else the file name) */
    public String name() {
        return model.name();
    }

    /** @return the datasets to run over */
    public Fileset fileset() {
        return model.fileset();
    }

    /** @return systematics lint: warnings that do not stop a run */
    public List<Diagnostic> warnings() {
        return model.warnings();
    }

    /** @return the resolved parameters: the bundled defaults merged with the configuration's */
    public Map<String, Object> parameters() {
        return model.parameters();
    }

    /** @return year → integrated luminosity in pb⁻¹ used to normalise simulation */
    public Map<String, Double> luminosity() {
        return model.luminosity();
    }

    /**
     * @param datasets dataset names to keep (empty = all)
     * @param samples samples to keep (empty = all)
     * @param years years to keep (empty = all)
     * @return this configuration over the datasets passing every filter
     */
    public AnalysisConfig select(Collection<String> datasets, Collection<String> samples, Collection<String> years) {
        Model m = model;
        Model selected = m.withFileset(Loader.select(m.fileset(), datasets, samples, years));
        return new AnalysisConfig(source, baseDir, selected);
    }

    /**
     * The same analysis over other datasets: the configuration is validated again against the
     * branches of the new datasets' first file.
     *
     * @param datasets the datasets to run over
     * @return the configuration over those datasets
     * @throws ConfigException when the analysis does not fit the new input
     */
    public AnalysisConfig withFileset(Fileset datasets) {
        Fileset.Dataset first = datasets.datasets().values().stream().filter(d -> !d.files().isEmpty()).findFirst()
                .orElseThrow(() -> new ConfigException("the fileset has no files to read the branch list from"));
        Model m = Loader.load(source, baseDir, Inputs.schema(Path.of(first.files().get(0)), first.treeNames().get(0)),
                false);
        return new AnalysisConfig(source, baseDir, m.withFileset(datasets));
    }

    /** @return a new processor running this configuration */
    public ConfigProcessor processor() {
        return new ConfigProcessor(source.text(), source.name(), baseDir, model.schema(), model.luminosity());
    }

    /**
     * Writes the {@code columns} a run saved: for each entry and dataset, {@code
     * columns/NAME/DATASET.parquet} (or {@code .arrow}) in the output folder, one row per selected
     * event in input order, one row group (record batch) per chunk, with the dataset's metadata and
     * the category in the file's key-value metadata. Readable by pandas, polars and pyarrow.
     *
     * @param result the run's merged result
     * @param outputDir the output folder
     * @return the files written, in declaration then dataset order
     * @throws ConfigException when a file cannot be written
     */
    public List<Path> writeColumns(org.crema.processor.accumulate.AccumulatorMap result, Path outputDir) {
        List<Path> written = new java.util.ArrayList<>();
        for (org.crema.configs.internal.model.Model.ColumnsDef def : model.columns()) {
            if (!result.containsKey(def.key())) {
                continue;
            }
            org.crema.processor.accumulate.ColumnListAccumulator acc = result.get(def.key(),
                    org.crema.processor.accumulate.ColumnListAccumulator.class);
            Map<String, List<Map<String, Object>>> byDataset = new java.util.LinkedHashMap<>();
            acc.parts().forEach((k, part) -> byDataset.computeIfAbsent(k.dataset(), d -> new java.util.ArrayList<>())
                    .add(part));
            for (Map.Entry<String, List<Map<String, Object>>> e : byDataset.entrySet()) {
                Fileset.Dataset d = model.fileset() == null ? null : model.fileset().datasets().get(e.getKey());
                org.crema.processor.DatasetInfo info = d != null ? d.info()
                        : org.crema.processor.DatasetInfo.of(e.getKey(), false);
                org.crema.arrow.TableMetadata meta = org.crema.arrow.TableMetadata.of(info.name(), info.sample(),
                        info.year(), info.isMC(), info.xsec(), def.category() == null ? "" : def.category());
                Path target = outputDir.resolve("columns").resolve(def.name()).resolve(e.getKey() + "."
                        + def.format());
                try {
                    Files.createDirectories(target.getParent());
                    try (org.crema.arrow.ColumnTableWriter w = def.format().equals("arrow")
                            ? org.crema.arrow.ColumnTableWriter.arrowIpc(target, meta)
                            : org.crema.arrow.ColumnTableWriter.parquet(target, meta)) {
                        for (Map<String, Object> part : e.getValue()) {
                            java.util.LinkedHashMap<String, org.crema.columnar.Column> batch = new java.util.LinkedHashMap<>();
                            for (String name : def.values().keySet()) {
                                batch.put(name, column(part.get(name)));
                            }
                            w.write(batch);
                        }
                        w.commit();
                    }
                } catch (IOException | RuntimeException ex) {
                    throw new ConfigException("cannot write columns '" + def.name() + "' of dataset " + e.getKey()
                            + " to " + target + ": " + ex.getMessage(), ex);
                }
                written.add(target);
            }
        }
        return written;
    }

    private static org.crema.columnar.Column column(Object array) {
        return switch (array) {
            case boolean[] b -> org.crema.columnar.BoolColumn.of(b);
            case int[] i -> org.crema.columnar.IntColumn.of(i);
            case long[] l -> org.crema.columnar.LongColumn.of(l);
            case float[] f -> org.crema.columnar.FloatColumn.of(f);
            case double[] d -> org.crema.columnar.DoubleColumn.of(d);
            default -> throw new IllegalStateException("internal: unexpected column part " + array.getClass());
        };
    }

    /**
     * Writes the resolved parameters as {@code parameters.json} into a run's output folder, so the
     * output records the luminosities, working points and files it was made with.
     *
     * @param outputDir the output folder (created if missing)
     * @return the file written
     */
    public Path writeParameters(Path outputDir) {
        try {
            Path p = outputDir.resolve("parameters.json");
            OutputFiles.write(p, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(model.parameters()));
            return p;
        } catch (IOException e) {
            throw new ConfigException("cannot write parameters.json into " + outputDir + ": " + e.getMessage(), e);
        }
    }
}
