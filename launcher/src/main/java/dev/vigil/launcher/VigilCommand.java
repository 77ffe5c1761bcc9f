package dev.vigil.launcher;

import dev.vigil.api.VigilApi;
import picocli.CommandLine.Command;

/** {@code vigil}: the platform's command. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VigilCommand.Version.class,
        description = "Vigil, a self-hosted observability platform for the JVM.",
        subcommands = {RunCommand.class, PluginsCommand.class, ConfigCommand.class, QueryCommand.class, RulesCommand.class})
final class VigilCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the core API version, which is the platform's version. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vigil " + VigilApi.version(), "java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
