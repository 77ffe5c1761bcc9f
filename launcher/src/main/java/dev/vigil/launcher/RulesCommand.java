package dev.vigil.launcher;

import dev.vigil.api.alerting.RuleTool;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.Kernel;
import dev.vigil.kernel.KernelStartException;
import dev.vigil.kernel.lifecycle.PluginStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil rules}: Prometheus rule files, checked and unit-tested as {@code promtool check rules} and
 * {@code promtool test rules} do. The work is done by the alerting and metrics plugins from the plugins folder (and
 * no other), run in this process by a kernel that listens on no port and keeps its data in a temporary folder, so
 * the command needs no running server and does not touch the data of one.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Prometheus rule files: check them, and run their unit tests (promtool test rules format).",
        subcommands = {RulesCommand.CheckCommand.class, RulesCommand.TestCommand.class})
final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code vigil rules check FILE…}: exit 0 when every file is valid, 1 when one is not, 2 when it cannot run. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validates rule files: YAML, names, durations, label and annotation templates, PromQL. "
                    + "Exit status 1 when a file has a problem, 2 when the check cannot run.")
    static final class CheckCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule files.")
        List<Path> files;

        @Option(names = "--plugins", paramLabel = "DIR", description = "Where the alerting and metrics plugins are (default: plugins/ under the installation).")
        @Nullable Path plugins;

        @Override
        public Integer call() {
            return withRuleTool(spec, plugins, tool -> tool.check(files, spec.commandLine().getOut()));
        }
    }

    /** {@code vigil rules test FILE…}: exit 0 when every test passes, 1 when one fails, 2 when they cannot run. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs rule unit-test files in promtool's format; each failure shows what was expected and what came out. "
                    + "Exit status 1 when a test fails, 2 when the tests cannot run.")
    static final class TestCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Unit-test files; the rule files they name are read relative to each.")
        List<Path> files;

        @Option(names = "--run", paramLabel = "REGEX",
                description = "Runs only the test groups whose name this regular expression matches; may be given more than once.")
        List<String> run = new ArrayList<>();

        @Option(names = "--plugins", paramLabel = "DIR", description = "Where the alerting and metrics plugins are (default: plugins/ under the installation).")
        @Nullable Path plugins;

        @Override
        public Integer call() {
            return withRuleTool(spec, plugins, tool -> tool.test(files, run, spec.commandLine().getOut()));
        }
    }

    /**
     * Starts a kernel over the plugins folder without listening and with a temporary data folder, finds the
     * {@link RuleTool} and runs {@code action}: 0 when it succeeds, 1 when it reports a failure, 2 when it cannot run.
     */
    static int withRuleTool(CommandSpec spec, @Nullable Path plugins, Predicate<RuleTool> action) {
        PrintWriter err = spec.commandLine().getErr();
        ToolLogging.quiet();
        Path pluginDir = Home.pluginsOr(plugins);
        Path data;
        try {
            data = Files.createTempDirectory("vigil-rules-");
        } catch (IOException e) {
            err.println("vigil: cannot make a temporary folder: " + e.getMessage());
            return 2;
        }
        try (Kernel kernel = Kernel.builder().homeDirectory(Home.home()).pluginsDirectory(pluginDir).dataDirectory(data)
                .serve(false).watchPlugins(false).watchConfig(false).onlyPlugins("metrics", "alerting").build()) {
            kernel.start();
            Optional<RuleTool> tool = kernel.services().find(RuleTool.class);
            if (tool.isEmpty()) {
                err.println("vigil: no plugin in " + pluginDir + " checks rule files; they need the alerting and metrics plugins"
                        + describe(kernel.plugins()));
                return 2;
            }
            return action.test(tool.get()) ? 0 : 1;
        } catch (KernelStartException e) {
            err.println("vigil: cannot start the plugins: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("vigil: " + e.getMessage());
            return 2;
        } finally {
            err.flush();
            deleteTree(data, err);
        }
    }

    private static String describe(List<PluginStatus> plugins) {
        if (plugins.isEmpty()) {
            return " (the folder holds no plugins)";
        }
        return plugins.stream()
                .map(p -> (p.id() == null ? p.file() : p.id()) + " " + p.state() + (p.state() == PluginState.ACTIVE || p.error() == null ? "" : ": " + p.error()))
                .collect(Collectors.joining("; ", " (plugins: ", ")"));
    }

    private static void deleteTree(Path dir, PrintWriter err) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("vigil: could not delete the temporary folder " + dir + ": " + e.getMessage());
            err.flush();
        }
    }
}
