package dev.vigil.launcher;

import dev.vigil.kernel.ConfigCheck;
import dev.vigil.kernel.config.ConfigProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil config}: configuration files. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration files.",
        subcommands = ConfigCommand.CheckCommand.class)
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code vigil config check FILE}: every problem, with file, line, path and reason; exit 1 if any. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validates a configuration file: the kernel section, and the section of each plugin in the plugins folder. Exit status 1 on any problem.")
    static final class CheckCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The configuration file, such as conf/vigil.yaml.")
        Path file;

        @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins whose sections to check (default: plugins/ under the installation).")
        @Nullable Path plugins;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ConfigCheck.Result result = ConfigCheck.check(file, Home.pluginsOr(plugins), System.getenv());
            for (String note : result.notes()) {
                out.println("note: " + note);
            }
            if (result.ok()) {
                out.println(file + ": OK (sections: " + (result.sections().isEmpty() ? "none" : String.join(", ", result.sections())) + ")");
                return 0;
            }
            err.println(result.problems().size() == 1 ? "1 problem:" : result.problems().size() + " problems:");
            for (ConfigProblem problem : result.problems()) {
                err.println("  " + problem);
            }
            return 1;
        }
    }
}
