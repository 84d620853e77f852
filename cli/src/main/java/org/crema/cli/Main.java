package org.crema.cli;

import picocli.CommandLine;

/** Entry point of the {@code crema} command line; see {@link CremaCommand} for the subcommands. */
public final class Main {
    private Main() {}

    /**
     * Runs the command line and exits with its status code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting, so tests can call it.
     *
     * @param args command-line arguments
     * @return the exit status: 0 on success
     */
    public static int run(String... args) {
        return new CommandLine(new CremaCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
