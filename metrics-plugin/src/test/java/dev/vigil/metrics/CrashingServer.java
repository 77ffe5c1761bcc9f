package dev.vigil.metrics;

import dev.vigil.kernel.Kernel;
import java.nio.file.Path;

/**
 * A Vigil server for {@link MetricsPluginCrashIT}: a kernel with the metrics plugin on free ports, which
 * prints its API and OTLP addresses on one line and then runs until it is killed.
 */
public final class CrashingServer {

    private CrashingServer() {}

    /**
     * Starts the server.
     *
     * @param args the configuration file, the plugins folder and the data folder
     */
    public static void main(String[] args) throws Exception {
        Kernel kernel = server(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        kernel.start();
        System.out.println("ready " + kernel.httpUri() + " " + kernel.otlpUri().orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A kernel over the given folders, on free loopback ports, not watching anything. */
    static Kernel server(Path configFile, Path plugins, Path data) {
        return Kernel.builder()
                .configFile(configFile)
                .pluginsDirectory(plugins)
                .dataDirectory(data)
                .port(0)
                .otlpPort(0)
                .adminToken("crash-test-token")
                .watchPlugins(false)
                .watchConfig(false)
                .build();
    }
}
