package org.crema.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crema.configs.AnalysisConfig;
import org.crema.configs.ConfigException;
import org.crema.configs.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema validate}: loads a YAML analysis the way {@code crema run} does (every key, name,
 * type, category, weight, variation and axis checked against the first input file's branches) and
 * reports every error with file:line:column, without reading any event.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a YAML analysis configuration without reading any event.",
            "Exit code 0: valid (warnings are printed); 1: errors."})
public final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "the configuration")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            AnalysisConfig a = AnalysisConfig.load(config);
            for (Diagnostic w : a.warnings()) {
                err.println(w.render());
            }
            err.flush();
            out.println(config + ": valid; " + a.fileset().datasets().size() + " datasets"
                    + (a.warnings().isEmpty() ? "" : ", " + a.warnings().size() + " warnings"));
            out.flush();
            return 0;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }
}
