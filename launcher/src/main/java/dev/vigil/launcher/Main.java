package dev.vigil.launcher;

import picocli.CommandLine;

/** The entry point of {@code bin/vigil}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        int status = commandLine().execute(args);
        if (status != RunCommand.KEEP_RUNNING) {
            System.exit(status);
        }
        RunCommand.awaitShutdown();
    }

    /** The command tree; tests execute it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new VigilCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
    }
}
