package org.crema.cli.processors;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crema processors}: the processor classes {@code crema run --processor} can use. */
@Command(name = "processors", mixinStandardHelpOptions = true,
        description = {"List the Processor classes on the class path that 'crema run --processor' can use"
                + " (public, with a public no-argument constructor).",
            "Add your own with CREMA_CLASSPATH=your.jar."})
public final class ProcessorsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = ProcessorCatalog.available();
        for (String n : names) {
            out.println(n);
        }
        if (names.isEmpty()) {
            out.println("no processors on the class path; add a jar with CREMA_CLASSPATH");
        }
        out.flush();
        return 0;
    }
}
