package org.crema.cli.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crema.plot.PlotWriter;

/**
 * What {@code crema workflow FILE.yaml} runs: the analysis configuration, where its datasets come
 * from, the run options, the plots and the datacard. Read from the file's {@code workflow:} section,
 * or defaults when it has none (the file is then an analysis configuration; plots in every format,
 * no datacard). Relative paths resolve against the file's folder.
 *
 * <pre>
 * workflow:
 *   analysis: zmumu.yaml            # default: this file (its workflow section removed)
 *   datasets: datasets.yaml         # a 'crema datasets' definition; default: the analysis's own datasets
 *   output: ../out/zmumu-workflow   # default: out/NAME in the current folder
 *   run: {chunkSize: 100000, workers: 4, maxChunks: -1, unnormalised: false, skipBadFiles: false}
 *   plots: {formats: [png, svg], log: false, lumi: 59.8, sqrts: 13}   # or plots: false
 *   datacard: zmumu-datacard.yaml   # optional
 * </pre>
 *
 * @param file the workflow file
 * @param analysis the analysis configuration file
 * @param analysisText the analysis configuration's text, without any {@code workflow:} section (line
 *     numbers kept, so messages still point into the file)
 * @param datasets a dataset definition for {@code crema datasets}, or {@code null}
 * @param output the workflow's output folder
 * @param run run options
 * @param plots plot options, or {@code null} for no plots step
 * @param datacard the datacard description, or {@code null} for no datacard step
 */
public record WorkflowSpec(Path file, Path analysis, String analysisText, Path datasets, Path output, RunOptions run,
        PlotSettings plots, Path datacard) {

    static final List<String> KEYS = List.of("analysis", "datasets", "output", "run", "plots", "datacard");
    static final List<String> RUN_KEYS = List.of("chunkSize", "workers", "maxChunks", "maxFiles", "unnormalised",
            "skipBadFiles");
    static final List<String> PLOT_KEYS = List.of("formats", "log", "lumi", "sqrts");

    /**
     * Run options. The number of workers does not change a run's result (chunks merge in order), so
     * it is not part of the run step's key.
     *
     * @param chunkSize entries per chunk
     * @param workers worker threads, or 0 for all cores
     * @param maxChunks chunks per dataset, or -1 for all
     * @param maxFiles files per dataset, or -1 for all
     * @param unnormalised allow simulation without cross-section or luminosity
     * @param skipBadFiles skip unreadable files
     */
    public record RunOptions(long chunkSize, int workers, int maxChunks, int maxFiles, boolean unnormalised,
            boolean skipBadFiles) {
        static final RunOptions DEFAULTS = new RunOptions(100_000, 0, -1, -1, false, false);
    }

    /**
     * @param formats output formats
     * @param log also draw logarithmic plots
     * @param lumi luminosity label in fb⁻¹
     * @param sqrts centre-of-mass energy label in TeV
     */
    public record PlotSettings(Set<PlotWriter.Format> formats, boolean log, double lumi, double sqrts) {
        static final PlotSettings DEFAULTS = new PlotSettings(PlotWriter.Format.ALL, false, 59.8, 13);
    }

    /**
     * @param file the workflow (or analysis) YAML file
     * @param outputOverride output folder given on the command line, or {@code null}
     * @param datacardOverride datacard description given on the command line, or {@code null}
     * @return the workflow
     * @throws WorkflowException naming the file and key when the section is malformed
     */
    public static WorkflowSpec load(Path file, Path outputOverride, Path datacardOverride) {
        String text = read(file);
        Path base = file.toAbsolutePath().getParent();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new WorkflowException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        JsonNode wf = root == null ? null : root.get("workflow");
        if (wf != null && !wf.isObject()) {
            throw new WorkflowException(file + ": 'workflow' must be a mapping with keys " + KEYS);
        }
        if (wf == null) {
            wf = new ObjectMapper().createObjectNode();
        }
        checkKeys(file, "workflow", wf, KEYS);
        Path analysis = wf.has("analysis") ? base.resolve(wf.get("analysis").asText()).normalize() : file;
        String analysisText = stripWorkflowSection(analysis.equals(file) ? text : read(analysis));
        Path datasets = wf.has("datasets") ? base.resolve(wf.get("datasets").asText()).normalize() : null;
        Path output = outputOverride != null ? outputOverride
                : wf.has("output") ? base.resolve(wf.get("output").asText()).normalize()
                : Path.of("out", nameOf(analysis, analysisText));
        RunOptions run = RunOptions.DEFAULTS;
        JsonNode r = wf.get("run");
        if (r != null) {
            if (!r.isObject()) {
                throw new WorkflowException(file + ": 'workflow.run' must be a mapping with keys " + RUN_KEYS);
            }
            checkKeys(file, "workflow.run", r, RUN_KEYS);
            run = new RunOptions(r.path("chunkSize").asLong(run.chunkSize()), r.path("workers").asInt(run.workers()),
                    r.path("maxChunks").asInt(run.maxChunks()), r.path("maxFiles").asInt(run.maxFiles()),
                    r.path("unnormalised").asBoolean(false), r.path("skipBadFiles").asBoolean(false));
            if (run.chunkSize() <= 0) {
                throw new WorkflowException(file + ": workflow.run.chunkSize must be positive, got " + run.chunkSize());
            }
        }
        PlotSettings plots = PlotSettings.DEFAULTS;
        JsonNode p = wf.get("plots");
        if (p != null && p.isBoolean()) {
            plots = p.asBoolean() ? plots : null;
        } else if (p != null) {
            if (!p.isObject()) {
                throw new WorkflowException(file + ": 'workflow.plots' must be false or a mapping with keys " + PLOT_KEYS);
            }
            checkKeys(file, "workflow.plots", p, PLOT_KEYS);
            Set<PlotWriter.Format> formats = plots.formats();
            if (p.has("formats")) {
                JsonNode f = p.get("formats");
                String list = f.isArray() ? String.join(",", f.valueStream().map(JsonNode::asText).toList()) : f.asText();
                try {
                    formats = PlotWriter.Format.parse(list);
                } catch (RuntimeException e) {
                    throw new WorkflowException(file + ": workflow.plots.formats: " + e.getMessage(), e);
                }
            }
            plots = new PlotSettings(formats, p.path("log").asBoolean(false), p.path("lumi").asDouble(plots.lumi()),
                    p.path("sqrts").asDouble(plots.sqrts()));
        }
        Path datacard = datacardOverride != null ? datacardOverride
                : wf.has("datacard") ? base.resolve(wf.get("datacard").asText()).normalize() : null;
        return new WorkflowSpec(file, analysis, analysisText, datasets, output, run, plots, datacard);
    }

    private static void checkKeys(Path file, String section, JsonNode node, List<String> allowed) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!allowed.contains(e.getKey())) {
                throw new WorkflowException(file + ": unknown key '" + section + "." + e.getKey() + "'; allowed: "
                        + String.join(", ", allowed));
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkflowException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String nameOf(Path analysis, String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("name:")) {
                String n = line.substring(5).replaceAll("#.*", "").trim().replaceAll("^[\"']|[\"']$", "");
                if (!n.isEmpty()) {
                    return n;
                }
            }
        }
        String f = analysis.getFileName().toString();
        return f.replaceAll("\\.ya?ml$", "");
    }

    /**
     * Blanks the top-level {@code workflow:} block (its key line and the indented, blank or comment
     * lines after it), keeping every other line where it was, so the analysis loader, which knows
     * nothing of workflows, reports positions in the user's file.
     *
     * @param text YAML text
     * @return the text without the workflow section
     */
    static String stripWorkflowSection(String text) {
        String[] lines = text.split("\n", -1);
        boolean inside = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            boolean topLevel = !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && l.charAt(0) != '#';
            if (topLevel) {
                inside = l.matches("workflow\\s*:.*");
            }
            if (inside) {
                lines[i] = "";
            }
        }
        return String.join("\n", lines);
    }
}
