package dev.vigil.alerting;

import dev.vigil.kernel.Kernel;
import java.nio.file.Path;

/**
 * A Vigil server for {@link AlertingCrashIT}: a kernel with the metrics and alerting plugins from their JARs on a
 * free port, which prints its API address on one line and then runs until it is killed.
 */
public final class AlertingCrashServer {

    private AlertingCrashServer() {}

    /**
     * Starts the server.
     *
     * @param args the configuration file, the plugins folder and the data folder
     */
    public static void main(String[] args) throws Exception {
        Kernel kernel = Kernel.builder()
                .configFile(Path.of(args[0]))
                .pluginsDirectory(Path.of(args[1]))
                .dataDirectory(Path.of(args[2]))
                .port(0)
                .otlpPort(0)
                .adminToken("crash-test-token")
                .watchPlugins(false)
                .watchConfig(false)
                .build();
        kernel.start();
        System.out.println("ready " + kernel.httpUri());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
