package org.crema.cli.workflow;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crema workflow FILE.yaml [--dry-run | --status]}: datasets → run → plots → datacard, each step
 * redone only when its inputs changed, resuming exactly after an interruption (see {@link Workflow}).
 */
@Command(name = "workflow", mixinStandardHelpOptions = true,
        description = {"Run an analysis from datasets to plots and datacard; rerun only what changed.",
            "FILE.yaml is an analysis configuration, optionally with a 'workflow:' section (see docs/workflow.md).",
            "Each step's output is kept under OUTPUT/STEP/KEY/, KEY being a hash of everything the step read;",
            "an interrupted workflow resumes where it stopped, with the result of an uninterrupted one."})
public final class WorkflowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "analysis configuration with an optional workflow: section")
    Path file;

    @Option(names = "--output", paramLabel = "DIR", description = "workflow output folder (default: workflow.output, else out/NAME)")
    Path output;

    @Option(names = "--datacard", paramLabel = "YAML", description = "add a datacard step with this description")
    Path datacard;

    @Option(names = "--dry-run", description = "list the steps that would run, and why, without running them")
    boolean dryRun;

    @Option(names = "--status", description = "show each step's state and output folder")
    boolean status;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dryRun && status) {
            err.println("crema workflow: give --dry-run or --status, not both");
            err.flush();
            return 2;
        }
        try {
            Workflow wf = new Workflow(WorkflowSpec.load(file, output, datacard));
            if (dryRun || status) {
                print(out, wf.plan(), dryRun);
                return 0;
            }
            wf.run(out);
            out.println("workflow complete: " + wf.spec().output().toAbsolutePath());
            out.flush();
            return 0;
        } catch (WorkflowException | org.crema.cli.datasets.DatasetsException e) {
            out.flush();
            err.println("crema workflow: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    static void print(PrintWriter out, List<Workflow.StepStatus> steps, boolean dryRun) {
        for (Workflow.StepStatus s : steps) {
            String state = switch (s.state()) {
                case UP_TO_DATE -> dryRun ? "skip (up to date)" : "complete";
                case RESUME -> dryRun ? "would resume" : "incomplete";
                case RUN -> dryRun ? "would run" : "not run";
                case WAITS -> dryRun ? "would run" : "waiting";
            };
            out.printf("%-9s %-18s %s%s%n", s.step(), state, s.reason(), s.dir() == null ? "" : "  [" + s.dir() + "]");
        }
        out.flush();
    }
}
