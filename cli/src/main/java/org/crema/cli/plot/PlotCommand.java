package org.crema.cli.plot;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crema.hist.HistException;
import org.crema.plot.PlotException;
import org.crema.plot.PlotOptions;
import org.crema.plot.PlotWriter;
import org.crema.plot.RunPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema plot OUTPUT_DIR [--format png,svg,pdf] [--log] [--blind CATEGORY] [--lumi 59.8 --sqrts 13]}:
 * draws the CMS data/MC, shape and cutflow plots of a run's output folder into {@code OUTPUT_DIR/plots/}.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw CMS-style plots (data/MC with ratio and uncertainty band, shapes, cutflow) of a run's "
                + "output folder into OUTPUT_DIR/plots/.")
public final class PlotCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUTPUT_DIR", description = "output folder of 'crema run' (histograms.json, result.json)")
    Path dir;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "png,svg,pdf",
            description = "comma-separated formats: png, svg, pdf (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--log", description = "also draw each data/MC plot with a logarithmic y axis (NAME_log.*)")
    boolean log;

    @Option(names = "--blind", paramLabel = "CATEGORY", description = "hide the data of this category (repeatable)")
    List<String> blind = new ArrayList<>();

    @Option(names = "--blind-range", paramLabel = "HIST=LOW:HIGH",
            description = "hide the data of histogram HIST in bins overlapping [LOW, HIGH) (repeatable)")
    List<String> blindRanges = new ArrayList<>();

    @Option(names = "--lumi", paramLabel = "FB", defaultValue = "59.8",
            description = "integrated luminosity in fb^-1 for the label (default: ${DEFAULT-VALUE})")
    double lumi;

    @Option(names = "--sqrts", paramLabel = "TEV", defaultValue = "13",
            description = "centre-of-mass energy in TeV for the label (default: ${DEFAULT-VALUE})")
    double sqrts;

    @Option(names = "--process", paramLabel = "DATASET=PROCESS",
            description = "stack DATASET as PROCESS instead of its sample metadata (repeatable)")
    Map<String, String> processes = new LinkedHashMap<>();

    @Option(names = "--xlabel", paramLabel = "HIST=TEX",
            description = "x-axis title of HIST, TeX-like, e.g. dimuonMass='m_{\\mu\\mu} [GeV]' (repeatable)")
    Map<String, String> xLabels = new LinkedHashMap<>();

    @Option(names = "--normalise-to-data", description = "scale MC to the data's total in each plot (shape comparison)")
    boolean normalise;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PlotOptions options = PlotOptions.defaults().withFormats(PlotWriter.Format.parse(format)).withLogY(log)
                    .withBlindCategories(Set.copyOf(blind)).withBlindRanges(parseRanges(blindRanges))
                    .withLumi(lumi, sqrts).withProcesses(processes).withXLabels(xLabels).withNormaliseToData(normalise);
            List<Path> files = RunPlots.read(dir).write(options);
            out.println(files.size() + " plot files written to " + dir.resolve("plots"));
            out.flush();
            return 0;
        } catch (PlotException | HistException e) {
            err.println("crema plot: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Parses {@code HIST=LOW:HIGH} entries. */
    static Map<String, List<double[]>> parseRanges(List<String> specs) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            int colon = s.indexOf(':', eq + 1);
            try {
                if (eq <= 0 || colon < 0) {
                    throw new NumberFormatException();
                }
                double lo = Double.parseDouble(s.substring(eq + 1, colon));
                double hi = Double.parseDouble(s.substring(colon + 1));
                if (!(hi > lo)) {
                    throw new PlotException("--blind-range '" + s + "': LOW must be below HIGH");
                }
                out.computeIfAbsent(s.substring(0, eq), k -> new ArrayList<>()).add(new double[] {lo, hi});
            } catch (NumberFormatException e) {
                throw new PlotException("--blind-range '" + s + "': expected HIST=LOW:HIGH, e.g. dimuonMass=120:130");
            }
        }
        return out;
    }
}
