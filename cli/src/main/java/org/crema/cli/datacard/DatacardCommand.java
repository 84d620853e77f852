package org.crema.cli.datacard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crema.hist.Hist;
import org.crema.hist.UhiJson;
import org.crema.io.write.CompressionSetting;
import org.crema.io.write.RootHistogram;
import org.crema.io.write.RootWriter;
import org.crema.processor.run.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema datacard RUN_DIR --config card.yaml --out DIR}: a Combine datacard and its shapes
 * ROOT file from a run's {@code histograms.json}.
 */
@Command(name = "datacard", mixinStandardHelpOptions = true,
        description = "Write a Combine datacard and shapes ROOT file from a run's histograms.")
public final class DatacardCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR",
            description = "a run's output folder (holding histograms.json), or a UHI JSON file")
    Path run;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "YAML",
            description = "the datacard description (processes, data, systematics, ...)")
    Path config;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--name", defaultValue = "datacard.txt", description = "datacard file name (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--shapes", defaultValue = "shapes.root", description = "shapes file name (default: ${DEFAULT-VALUE})")
    String shapesName;

    @Option(names = "--compression", defaultValue = "zlib-1",
            description = "shapes file compression: none, zlib-N, lzma-N, lz4-N, zstd-N (default: ${DEFAULT-VALUE})")
    String compression;

    @Override
    public Integer call() {
        Path hists = Files.isDirectory(run) ? run.resolve("histograms.json") : run;
        DatacardSpec card;
        Map<String, Hist> histograms;
        if (!Files.isRegularFile(hists)) {
            spec.commandLine().getErr().println("crema datacard: " + hists + " does not exist; expected a run's output"
                    + " folder holding histograms.json, or a UHI JSON file");
            return 2;
        }
        try {
            card = DatacardSpec.read(config);
            histograms = UhiJson.readAll(hists);
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("crema datacard: " + e.getMessage());
            return 2;
        }
        try {
            Datacard d = Datacard.build(histograms, card, shapesName, hists.toString());
            write(d, out, name, shapesName, CompressionSetting.parse(compression));
            spec.commandLine().getOut().println("wrote " + out.resolve(name) + " and " + out.resolve(shapesName) + " ("
                    + d.shapes().size() + " shapes)");
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("crema datacard: " + e.getMessage());
            return 2;
        } catch (RuntimeException | IOException e) {
            spec.commandLine().getErr().println("crema datacard: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Writes the shapes file, then the card (each atomically), so a card never names a missing file.
     *
     * @param d the datacard
     * @param dir output folder
     * @param cardName datacard file name
     * @param shapesName shapes file name
     * @param compression shapes compression
     * @throws IOException if the card cannot be written
     */
    public static void write(Datacard d, Path dir, String cardName, String shapesName, CompressionSetting compression)
            throws IOException {
        write(d, dir, cardName, shapesName, compression, false);
    }

    /**
     * Writes the shapes file, then the card, as {@link #write(Datacard, Path, String, String, CompressionSetting)}.
     *
     * @param d the datacard
     * @param dir output folder
     * @param cardName datacard file name
     * @param shapesName shapes file name
     * @param compression shapes compression
     * @param reproducible fixed timestamps and zero UUIDs in the shapes file: equal content, equal bytes
     * @throws IOException if the card cannot be written
     */
    public static void write(Datacard d, Path dir, String cardName, String shapesName, CompressionSetting compression,
            boolean reproducible) throws IOException {
        Files.createDirectories(dir);
        try (RootWriter w = RootWriter.create(dir.resolve(shapesName), compression, reproducible)) {
            for (Map.Entry<String, RootHistogram> e : d.shapes().entrySet()) {
                w.put(e.getKey(), e.getValue());
            }
        }
        OutputFiles.writeString(dir.resolve(cardName), d.text());
    }
}
