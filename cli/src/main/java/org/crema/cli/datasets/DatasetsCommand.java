package org.crema.cli.datasets;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema datasets DEF.yaml --output fileset.json [--check]}: builds the fileset {@code crema run}
 * reads from a dataset definition (see {@link DatasetDefinition}), with each file's entries, Σ genWeight
 * and SHA-256 gathered once and cached.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = {"Build a fileset JSON from a YAML dataset definition: local globs, file lists, HTTP(S)"
                + " directory listings, redirector-prefixed logical file names, metadata per dataset.",
            "Each file's entries, sum of genWeight and SHA-256 are gathered once and cached by file identity."})
public final class DatasetsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEF.yaml", description = "dataset definition")
    Path definition;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "JSON", description = "fileset to write")
    Path output;

    @Option(names = "--check", description = "open every file, even those the cache knows; list every bad file")
    boolean check;

    @Option(names = "--no-inspect", description = "only list the files: no entries, sum of genWeight or checksums")
    boolean noInspect;

    @Option(names = "--cache", paramLabel = "JSON",
            description = "per-file cache (default: $XDG_CACHE_HOME/crema/file-info.json or ~/.cache/crema/file-info.json)")
    Path cache;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DatasetBuilder.Result r = new DatasetBuilder(cache != null ? cache : DatasetBuilder.defaultCache())
                    .build(DatasetDefinition.load(definition), check, !noInspect);
            if (!r.problems().isEmpty()) {
                for (DatasetBuilder.Problem p : r.problems()) {
                    err.println("crema datasets: " + p.render());
                }
                err.println("crema datasets: " + r.problems().size() + " file(s) cannot be read; " + output
                        + " not written");
                err.flush();
                return 1;
            }
            FilesetJson.write(r.json(), output);
            r.fileset().datasets().forEach((name, ds) -> {
                var md = r.json().get(name).get("metadata");
                out.printf("%-32s %5d files%s%s%n", name, ds.files().size(),
                        md.has("entries") ? String.format(" %,12d entries", md.get("entries").asLong()) : "",
                        md.has("sumGenWeight") ? "  sum genWeight " + md.get("sumGenWeight").asDouble() : "");
            });
            out.println("wrote " + output + (noInspect ? "" : " (" + r.fromCache() + " of " + r.stats().size()
                    + " files from the cache)"));
            out.flush();
            return 0;
        } catch (DatasetsException e) {
            err.println("crema datasets: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("crema datasets: cannot write " + output + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
