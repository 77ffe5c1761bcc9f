package dev.vigil.launcher;

import dev.vigil.api.VigilApi;
import dev.vigil.kernel.descriptor.DescriptorException;
import dev.vigil.kernel.descriptor.DescriptorReader;
import dev.vigil.kernel.descriptor.PluginDescriptor;
import dev.vigil.kernel.descriptor.Requirement;
import dev.vigil.kernel.descriptor.Version;
import dev.vigil.kernel.resolve.Resolution;
import dev.vigil.kernel.resolve.Resolver;
import dev.vigil.kernel.watch.PluginFolderWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil plugins}: what is in the plugins folder. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Plugin JARs and their resolution.",
        subcommands = PluginsCommand.ListCommand.class)
final class PluginsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code vigil plugins list}: reads every JAR's descriptor and resolves them together, exactly as a
     * starting platform would, without loading a class or starting anything. Exits 1 when a JAR would be
     * refused, so scripts can check a folder before a deployment.
     */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists plugin JARs with their descriptors and whether they resolve, without starting anything. Exit status 1 if any would be refused.")
    static final class ListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: plugins/ under the installation).")
        @Nullable Path plugins;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path folder = Home.pluginsOr(plugins);
            Map<String, Path> jars = PluginFolderWatcher.list(folder);
            if (jars.isEmpty()) {
                out.println("No plugin JARs in " + folder);
                return 0;
            }
            Map<String, PluginDescriptor> byFile = new LinkedHashMap<>();
            Map<String, String> refusedFiles = new LinkedHashMap<>();
            Map<String, String> firstFileOfId = new LinkedHashMap<>();
            for (String file : PluginFolderWatcher.sortedNames(jars)) {
                try {
                    PluginDescriptor d = DescriptorReader.read(jars.get(file));
                    String holder = firstFileOfId.putIfAbsent(d.id(), file);
                    if (holder != null) {
                        refusedFiles.put(file, "duplicate plugin id '" + d.id() + "': already installed from " + holder);
                    } else {
                        byFile.put(file, d);
                    }
                } catch (DescriptorException e) {
                    refusedFiles.put(file, e.getMessage());
                }
            }
            Resolution resolution = new Resolver(Version.parse(VigilApi.version())).resolve(byFile.values(), Map.of());
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"FILE", "ID", "VERSION", "REQUIRES", "RESOLUTION"});
            for (String file : PluginFolderWatcher.sortedNames(jars)) {
                PluginDescriptor d = byFile.get(file);
                if (d == null) {
                    rows.add(new String[] {file, "-", "-", "-", "refused: " + refusedFiles.get(file)});
                    continue;
                }
                String refusal = resolution.refused().get(d.id());
                String requires = d.requires().isEmpty() ? "-" : d.requires().stream().map(Requirement::toString).collect(Collectors.joining(", "));
                rows.add(new String[] {file, d.id(), d.version().toString(), requires, refusal == null ? "ok" : "refused: " + refusal});
            }
            Table.print(out, rows);
            List<String> order = resolution.order().stream().map(PluginDescriptor::id).toList();
            out.println();
            out.println("Start order: " + (order.isEmpty() ? "(none)" : String.join(", ", order)));
            return refusedFiles.isEmpty() && resolution.refused().isEmpty() ? 0 : 1;
        }
    }
}
