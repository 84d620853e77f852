package org.crema.cli.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crema.hist.Hist;
import org.crema.hist.HistException;
import org.crema.hist.UhiJson;
import org.crema.processor.run.OutputFiles;
import org.crema.processor.run.RunOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crema compare A B}: did anything move between two outputs? See {@link HistComparison}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare the histograms of two run outputs (or two UHI JSON files) slice by slice (every"
                + " dataset, category and variation): bin-by-bin differences, χ²/ndf and a Kolmogorov test.",
            "Prints which histograms moved and by how much; exit status 0 when every slice passes, 1 when one fails,"
                + " 2 when an input cannot be read."})
public final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "reference: a run output folder or a UHI JSON file")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "to check: a run output folder or a UHI JSON file")
    Path b;

    @Option(names = "--min-p", paramLabel = "P", defaultValue = "0.01",
            description = "a slice fails when its χ² or Kolmogorov p-value is below P (default: ${DEFAULT-VALUE})")
    double minP;

    @Option(names = "--tolerance", paramLabel = "R", defaultValue = "0",
            description = "bins whose values differ by at most R × the larger one count as equal (default: 0)")
    double tolerance;

    @Option(names = "--exact", description = "fail on any bin beyond the tolerance, whatever the tests say")
    boolean exact;

    @Option(names = "--html", paramLabel = "FILE",
            description = "also write a self-contained HTML report with the overlaid plots and their ratio")
    Path html;

    @Option(names = "--max-plots", paramLabel = "N", defaultValue = "200",
            description = "plots in the HTML report, the most important slices first (default: ${DEFAULT-VALUE})")
    int maxPlots;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(minP >= 0 && minP <= 1)) {
            throw new ParameterException(spec.commandLine(), "--min-p must be between 0 and 1, got " + minP);
        }
        if (!(tolerance >= 0)) {
            throw new ParameterException(spec.commandLine(), "--tolerance must be 0 or more, got " + tolerance);
        }
        Map<String, Hist> ha;
        Map<String, Hist> hb;
        try {
            ha = histograms(a);
            hb = histograms(b);
        } catch (IOException | UncheckedIOException | HistException e) {
            err.println("crema compare: " + e.getMessage());
            err.flush();
            return 2;
        }
        HistComparison.Thresholds t = new HistComparison.Thresholds(minP, tolerance, exact);
        List<HistComparison.SliceResult> results = HistComparison.compare(ha, hb, t);
        out.print(CompareReport.text(results, a.toString(), b.toString()));
        if (html != null) {
            try {
                OutputFiles.writeString(html, CompareReport.html(results, a.toString(), b.toString(), t, maxPlots));
                out.println("HTML report: " + html.toAbsolutePath());
            } catch (IOException e) {
                out.flush();
                err.println("crema compare: cannot write the HTML report " + html + ": " + e);
                err.flush();
                return 2;
            }
        }
        out.flush();
        return results.stream().anyMatch(r -> r.status().fails()) ? 1 : 0;
    }

    /** A run output folder's verified {@code histograms.json}, or a UHI JSON file. */
    static Map<String, Hist> histograms(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            Map<String, byte[]> files = RunOutput.verify(p);
            if (!files.containsKey(RunOutput.HISTOGRAMS)) {
                throw new IOException("run output " + p + " holds no histograms (its " + RunOutput.MANIFEST
                        + " lists no " + RunOutput.HISTOGRAMS + ")");
            }
            return UhiJson.readAll(p.resolve(RunOutput.HISTOGRAMS));
        }
        if (!Files.exists(p)) {
            throw new IOException(p + " does not exist: give a run output folder (crema run --output) or a UHI JSON"
                    + " file");
        }
        return UhiJson.readAll(p);
    }
}
