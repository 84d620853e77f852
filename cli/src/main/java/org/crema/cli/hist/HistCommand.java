package org.crema.cli.hist;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crema.hist.Hist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crema hist OUTPUT [NAME...]}: lists the histograms of a run output (or UHI JSON file), or
 * prints the bins of the chosen ones as a table, CSV or a bar plot.
 */
@Command(name = "hist", mixinStandardHelpOptions = true,
        description = {"Look at the histograms of a run output folder (crema run --output) or a UHI JSON file.",
            "Without NAME: list them (axes and binning, entries and Σw per dataset and category). With NAME or a"
                + " table option: print the bins of each chosen histogram, one table per dataset, category and"
                + " variation. Names, datasets, categories and variations take shell patterns (* ? [..])."})
public final class HistCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUTPUT", description = "a run output folder or a UHI JSON histogram file")
    Path input;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "histograms to print, by name or key (patterns ok)")
    List<String> names = new ArrayList<>();

    @Option(names = "--dataset", split = ",", paramLabel = "DATASET", description = "only these datasets")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--category", split = ",", paramLabel = "CATEGORY", description = "only these categories")
    List<String> categories = new ArrayList<>();

    @Option(names = "--variation", split = ",", paramLabel = "VARIATION", description = "only these variations")
    List<String> variations = new ArrayList<>();

    @Option(names = "--project", paramLabel = "AXIS", description = "keep only this axis, summing over the others"
            + " (their flow bins included)")
    String project;

    @Option(names = "--rebin", paramLabel = "N", defaultValue = "1",
            description = "merge every N adjacent bins of each continuous axis (N must divide its bins)")
    int rebin;

    @Option(names = "--flow", description = "show the underflow and overflow bins (hidden by default)")
    boolean flow;

    @Option(names = "--hide-empty", description = "leave out bins with no content")
    boolean hideEmpty;

    @Option(names = "--csv", description = "print CSV: numeric edges and full-precision numbers, one header line")
    boolean csv;

    @Option(names = "--plot", description = "draw each histogram as horizontal bars (one axis: use --project for more)")
    boolean plot;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "width of --plot (default: the terminal's width, which the launcher passes in COLUMNS, else 80)")
    Integer width;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rebin < 1) {
            throw new ParameterException(spec.commandLine(), "--rebin must be 1 or more, got " + rebin);
        }
        if (csv && plot) {
            throw new ParameterException(spec.commandLine(), "--csv and --plot exclude each other");
        }
        try {
            List<HistSource.Entry> chosen = HistSelection.select(HistSource.read(input), names, datasets, categories,
                    variations);
            boolean tables = !names.isEmpty() || csv || plot || project != null || rebin != 1 || flow || hideEmpty;
            if (!tables) {
                out.print(HistListing.text(chosen));
            } else if (csv) {
                out.print(csv(chosen));
            } else {
                out.print(text(chosen));
            }
            out.flush();
            return 0;
        } catch (HistQueryException e) {
            out.flush();
            err.println("crema hist: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private List<Shown> shown(List<HistSource.Entry> chosen) {
        List<Shown> out = new ArrayList<>();
        for (HistSource.Entry e : chosen) {
            for (HistSelection.Slice s : HistSelection.slices(e)) {
                out.add(new Shown(s, BinTable.of(Reshaping.apply(s, project, rebin), flow, hideEmpty)));
            }
        }
        return out;
    }

    /** A slice with the bins to print. */
    private record Shown(HistSelection.Slice slice, BinTable table) {
    }

    private String text(List<HistSource.Entry> chosen) {
        StringBuilder sb = new StringBuilder();
        int columns = width != null ? width : terminalWidth();
        for (Shown s : shown(chosen)) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(s.slice().entry().key());
            s.slice().at().forEach((axis, bin) -> sb.append("  ").append(axis).append('=').append(bin));
            Hist h = s.table().hist();
            sb.append("  (Σw ").append(BinTable.readable(h.sum(true))).append(" with flow)\n");
            if (plot) {
                if (h.rank() != 1) {
                    throw new HistQueryException("--plot draws one axis, and " + s.slice().entry().key() + " has "
                            + h.rank() + " (" + String.join(", ", h.axes().stream().map(a -> a.name()).toList())
                            + "): add --project AXIS");
                }
                sb.append(BarPlot.draw(s.table(), columns));
            } else {
                sb.append(s.table().text());
            }
        }
        return sb.toString();
    }

    private String csv(List<HistSource.Entry> chosen) {
        List<Shown> shown = shown(chosen);
        List<String> cut = HistSelection.slicingAxes(shown.stream().map(Shown::slice).toList());
        StringBuilder sb = new StringBuilder();
        List<String> header = null;
        for (Shown s : shown) {
            List<String> h = new ArrayList<>(List.of("histogram", "dataset"));
            h.addAll(cut);
            h.addAll(s.table().csvBinHeaders());
            h.addAll(List.of(s.table().valueHeaders(true)));
            if (header == null) {
                header = h;
                line(sb, header);
            } else if (!header.equals(h)) {
                throw new HistQueryException("--csv prints one table, but " + s.slice().entry().key()
                        + " has other columns (" + String.join(",", h) + ") than the first histogram ("
                        + String.join(",", header) + "): choose histograms with the same axes, or --project AXIS");
            }
            for (BinTable.Row r : s.table().rows()) {
                List<String> cells = new ArrayList<>(List.of(s.slice().entry().key(), s.slice().entry().dataset()));
                Map<String, String> at = s.slice().at();
                cut.forEach(a -> cells.add(at.getOrDefault(a, "")));
                cells.addAll(s.table().csvBinCells(r));
                cells.add(Double.toString(r.value()));
                cells.add(Double.toString(r.error()));
                line(sb, cells);
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
            sb.append(c == 0 ? "" : ",").append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        sb.append('\n');
    }

    private static int terminalWidth() {
        try {
            int w = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
            return w >= 20 ? w : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
