package org.crema.cli.hist;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crema.hist.Hist;
import org.crema.hist.HistException;
import org.crema.hist.HistTable;
import org.crema.hist.UhiJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema hist FILE.json [--csv]}: prints the histograms of a UHI JSON file as aligned text
 * tables or CSV, one row per bin.
 */
@Command(name = "hist", mixinStandardHelpOptions = true,
        description = "Print the histograms of a UHI JSON file as a text or CSV table.")
public final class HistCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a UHI JSON histogram file")
    Path file;

    @Option(names = "--csv", description = "print CSV (full precision) instead of an aligned table")
    boolean csv;

    @Option(names = "--no-flow", description = "leave out underflow/overflow/flow bins")
    boolean noFlow;

    @Option(names = "--name", paramLabel = "NAME", description = "print only the histogram with this name")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, Hist> hists = UhiJson.readAll(file);
            if (name != null && !hists.containsKey(name)) {
                err.println("crema hist: " + file + " has no histogram \"" + name + "\"; it has " + hists.keySet());
                err.flush();
                return 1;
            }
            boolean first = true;
            for (Map.Entry<String, Hist> e : hists.entrySet()) {
                if (name != null && !name.equals(e.getKey())) {
                    continue;
                }
                if (csv) {
                    if (hists.size() > 1 && name == null) {
                        out.println("# " + e.getKey());
                    }
                    out.print(HistTable.toCsv(e.getValue(), !noFlow));
                } else {
                    if (!first) {
                        out.println();
                    }
                    out.println("[" + e.getKey() + "]");
                    out.print(HistTable.toText(e.getValue(), !noFlow));
                }
                first = false;
            }
            out.flush();
            return 0;
        } catch (IOException | HistException e) {
            err.println("crema hist: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
