package dev.vigil.launcher;

import dev.vigil.api.VigilApi;
import dev.vigil.kernel.Kernel;
import dev.vigil.kernel.lifecycle.PluginStatus;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@code vigil run} prints once the platform is up: one table of plugins and the URLs to open. */
final class StartupReport {

    private StartupReport() {}

    static void print(PrintWriter out, Kernel kernel, @Nullable Path configFile, long millis) {
        URI base = kernel.httpUri();
        out.println();
        out.println("Vigil " + VigilApi.version() + " started in " + millis + " ms");
        out.println();
        List<PluginStatus> plugins = kernel.plugins();
        if (plugins.isEmpty()) {
            out.println("  No plugins in " + kernel.pluginsDirectory() + "; drop plugin JARs there and they start at once.");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"PLUGIN", "VERSION", "STATE", "FILE", "DETAIL"});
            for (PluginStatus p : plugins) {
                rows.add(new String[] {
                        p.id() == null ? "-" : p.id(),
                        p.version() == null ? "-" : p.version(),
                        p.state().name(),
                        p.file(),
                        p.error() == null ? "" : p.error()});
            }
            Table.print(out, rows);
        }
        out.println();
        out.println("  API           " + base.resolve("/api/v1/plugins"));
        out.println("  Ready         " + base.resolve("/health/ready"));
        out.println("  Live          " + base.resolve("/health/live"));
        out.println("  Plugins dir   " + kernel.pluginsDirectory());
        out.println("  Data dir      " + kernel.dataDirectory());
        out.println("  Config        " + (configFile == null ? "(defaults; no conf/vigil.yaml)" : configFile));
        out.println("  Admin token   " + kernel.adminToken().source());
        out.println();
    }
}
