package org.crema.cli;

import picocli.CommandLine.Command;

/**
 * The root {@code crema} command. Each subcommand lives in its own class; list new ones in
 * {@code subcommands} below.
 */
@Command(
        name = "crema",
        mixinStandardHelpOptions = true,
        versionProvider = CremaVersion.class,
        description = "Columnar analysis of CMS NanoAOD files.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            org.crema.cli.run.RunCommand.class,
            org.crema.cli.run.ValidateCommand.class,
            org.crema.cli.hist.HistCommand.class,
            org.crema.cli.plot.PlotCommand.class,
            org.crema.cli.io.InspectCommand.class,
            org.crema.cli.io.StatsCommand.class,
            org.crema.cli.corrections.CorrectionsCommand.class,
            org.crema.cli.startup.WarmUpCommand.class,
            org.crema.cli.datacard.DatacardCommand.class,
            org.crema.cli.workflow.WorkflowCommand.class,
            org.crema.cli.datasets.DatasetsCommand.class,
            org.crema.cli.condor.SubmitCommand.class,
            org.crema.cli.condor.StatusCommand.class,
            org.crema.cli.merge.MergeCommand.class,
            org.crema.cli.compare.CompareCommand.class,
            org.crema.cli.processors.ProcessorsCommand.class,
        })
public final class CremaCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
