package org.crema.cli.merge;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crema.processor.run.RunOutput;
import org.crema.processor.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crema merge OUT IN1 IN2 …}: combines run outputs of disjoint datasets or parts into one (see {@link RunMerge}). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine run outputs (folders written by 'crema run --output') into the output one run over"
                + " all of them gives, bit for bit: of different datasets, or of disjoint parts of one dataset (other"
                + " files or other chunks, e.g. batch jobs).",
            "The inputs must come from the same processor, configuration and crema version, and no file's entries may"
                + " be in two inputs. OUT gets result.ser, result.json, histograms.json, accumulators and last"
                + " manifest.json."})
public final class MergeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "output folder for the merged result")
    Path output;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IN", description = "run output folders to merge")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            for (Path in : inputs) {
                if (Files.exists(output) && Files.exists(in) && Files.isSameFile(in, output)) {
                    err.println("crema merge: OUT " + output + " is also an input; write the merge to a new folder");
                    err.flush();
                    return 2;
                }
            }
            RunMerge.Merged m = RunMerge.merge(inputs, output);
            m.write(output);
            if (m.accumulators() == null) {
                copyParameters(output);
            }
            RunOutput<?> merged = m.output();
            out.print(RunSummary.text(merged));
            out.println("\nmerged " + inputs.size() + " outputs into " + output.toAbsolutePath());
            out.flush();
            return 0;
        } catch (RunMerge.IncompatibleOutputsException | UncheckedIOException e) {
            err.println("crema merge: " + e.getMessage());
            err.flush();
            return 1;
        } catch (java.io.IOException e) {
            err.println("crema merge: cannot compare " + output + " with the inputs: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /**
     * Outputs without stored accumulators (written before runs stored them) give no processor to write
     * {@code parameters.json} again: the merge carries the inputs' file over when every input has the
     * same one.
     */
    private void copyParameters(Path dir) throws java.io.IOException {
        byte[] first = null;
        for (Path in : inputs) {
            Path p = in.resolve(PARAMETERS);
            if (!Files.isRegularFile(p)) {
                return;
            }
            byte[] bytes = Files.readAllBytes(p);
            if (first != null && !java.util.Arrays.equals(first, bytes)) {
                return;
            }
            first = bytes;
        }
        Files.write(dir.resolve(PARAMETERS), first);
    }

    private static final String PARAMETERS = "parameters.json";
}
