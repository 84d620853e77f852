package org.crema.cli.hist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crema.hist.Hist;
import org.crema.hist.HistException;
import org.crema.hist.UhiJson;
import org.crema.processor.run.RunOutput;

/**
 * The histograms of a run output folder (its {@code histograms.json}, verified against the manifest)
 * or of one UHI JSON file, each with the dataset and the name its key stands for.
 */
final class HistSource {
    /**
     * One stored histogram.
     *
     * @param key its key in the file, e.g. {@code histograms/DYJetsToLL_M50_2018/dimuonMass}
     * @param dataset the dataset it was filled from ("" when the key names none)
     * @param name the histogram's name, the key's last part
     * @param hist the histogram
     */
    record Entry(String key, String dataset, String name, Hist hist) {
    }

    private HistSource() {
    }

    /**
     * @param path a run output folder or a UHI JSON file
     * @return its histograms in key order
     * @throws HistQueryException naming the path and what was expected
     */
    static List<Entry> read(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return fromRun(path);
            }
            if (!Files.exists(path)) {
                throw new HistQueryException(path + " does not exist: give a run output folder (crema run --output DIR)"
                        + " or a UHI JSON histogram file");
            }
            return entries(readUhi(path), Set.of());
        } catch (IOException | UncheckedIOException e) {
            throw new HistQueryException(e.getMessage());
        }
    }

    private static List<Entry> fromRun(Path dir) throws IOException {
        if (!Files.exists(dir.resolve(RunOutput.MANIFEST)) && !Files.exists(dir.resolve(RunOutput.HISTOGRAMS))) {
            throw new HistQueryException(dir + " is not a run output: it has no " + RunOutput.MANIFEST + " and no "
                    + RunOutput.HISTOGRAMS + " (expected a folder written by crema run --output, or a UHI JSON file)");
        }
        Map<String, byte[]> files = RunOutput.verify(dir);
        if (!files.containsKey(RunOutput.HISTOGRAMS)) {
            throw new HistQueryException("run output " + dir + " holds no histograms (its " + RunOutput.MANIFEST
                    + " lists no " + RunOutput.HISTOGRAMS + ")");
        }
        Set<String> datasets = new HashSet<>();
        byte[] json = files.get(RunOutput.JSON);
        if (json != null) {
            JsonNode root = new ObjectMapper().readTree(json);
            root.path("datasets").properties().forEach(d -> datasets.add(d.getKey()));
        }
        return entries(readUhi(dir.resolve(RunOutput.HISTOGRAMS)), datasets);
    }

    private static Map<String, Hist> readUhi(Path file) throws IOException {
        try {
            return UhiJson.readAll(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new HistQueryException(file + " is not a UHI JSON histogram file (not UTF-8 text; expected a run"
                    + " output folder or a .json file written by crema or hist/uhi)");
        } catch (HistException e) {
            throw new HistQueryException(file + " is not a UHI JSON histogram file: " + e.getMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new HistQueryException(file + " is not a UHI JSON histogram file (not JSON: "
                    + e.getOriginalMessage() + ")");
        }
    }

    /**
     * The dataset of a key is its first part that names a dataset of the run; without the run's list
     * (a bare UHI file) it is the part before the name, as in crema's own {@code histograms/DATASET/NAME}.
     */
    private static List<Entry> entries(Map<String, Hist> hists, Set<String> datasets) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Hist> e : hists.entrySet()) {
            String[] parts = e.getKey().split("/");
            String name = parts[parts.length - 1];
            String dataset = "";
            for (int i = 0; i < parts.length - 1 && dataset.isEmpty(); i++) {
                if (datasets.contains(parts[i])) {
                    dataset = parts[i];
                }
            }
            if (dataset.isEmpty() && datasets.isEmpty() && parts.length >= 2) {
                dataset = parts[parts.length - 2];
            }
            out.add(new Entry(e.getKey(), dataset, name, e.getValue()));
        }
        return out;
    }
}
