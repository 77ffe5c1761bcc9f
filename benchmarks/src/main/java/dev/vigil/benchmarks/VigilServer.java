package dev.vigil.benchmarks;

import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.Kernel;
import dev.vigil.kernel.lifecycle.PluginStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Run in a child JVM by {@link ServerProcess#vigil}: a kernel on free loopback ports with the given
 * configuration file, plugins folder and data folder. Once the plugin (by default {@code metrics}) is active it
 * writes the API's base URI to the ready file, and on a second line the OTLP listener's, then serves until its
 * standard input closes (so it never outlives the driver). If the plugin fails it writes
 * {@code failed: <reason>} instead and exits.
 *
 * <p>Usage: {@code VigilServer <config file> <plugins folder> <data folder> <ready file> <admin token> [plugin id]}.
 */
public final class VigilServer {

    private static final long START_TIMEOUT_MS = 120_000;

    private VigilServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: VigilServer <config file> <plugins folder> <data folder> <ready file> <admin token> [plugin id]");
        }
        Path ready = Path.of(args[3]);
        String pluginId = args.length == 6 ? args[5] : "metrics";
        try (Kernel kernel = Kernel.builder().configFile(Path.of(args[0])).pluginsDirectory(Path.of(args[1]))
                .dataDirectory(Path.of(args[2])).port(0).otlpPort(0).adminToken(args[4])
                .watchConfig(false).watchPlugins(false).build()) {
            kernel.start();
            String outcome = awaitPlugin(kernel, pluginId);
            publish(ready, outcome);
            if (outcome.startsWith("failed")) {
                return;
            }
            while (System.in.read() >= 0) {
                // the driver never writes; reading only tells us when it is gone
            }
        }
    }

    private static String awaitPlugin(Kernel kernel, String pluginId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            Optional<PluginStatus> status = kernel.plugin(pluginId);
            if (status.isPresent() && status.get().state() == PluginState.ACTIVE) {
                return kernel.httpUri() + kernel.otlpUri().map(otlp -> "\n" + otlp).orElse("");
            }
            // a JAR the kernel refuses is listed without an id, so look at every entry, not only the one awaited
            for (PluginStatus any : kernel.plugins()) {
                if (any.state() == PluginState.FAILED) {
                    return "failed: " + any.file() + ": " + any.error();
                }
            }
            Thread.sleep(20);
        }
        return "failed: the " + pluginId + " plugin is not active after " + START_TIMEOUT_MS + " ms: " + kernel.plugins();
    }

    /** Writes then renames, so the driver never reads half a line. */
    private static void publish(Path ready, String line) throws IOException {
        Path partial = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(partial, line, StandardCharsets.UTF_8);
        Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
    }
}
