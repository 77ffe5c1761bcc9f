package dev.vigil.launcher;

import dev.vigil.kernel.Kernel;
import dev.vigil.kernel.KernelBuilder;
import dev.vigil.kernel.KernelStartException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil run}: starts the platform and serves until SIGTERM or SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Starts the platform in the foreground; SIGTERM or Ctrl-C stops it cleanly (exit status 0).")
final class RunCommand implements Callable<Integer> {

    /** Returned when the command started the platform and the process must keep running. */
    static final int KEEP_RUNNING = -1;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: conf/vigil.yaml under the installation, if present).")
    @Nullable Path config;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: kernel.pluginsDir, else plugins/ under the installation).")
    @Nullable Path plugins;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: kernel.dataDir, else data/ under the installation).")
    @Nullable Path data;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address of the API server (default: kernel.http.bind, 127.0.0.1).")
    @Nullable String bind;

    @Option(names = "--port", paramLabel = "N", description = "Port of the API server, 0 for any free port (default: kernel.http.port, 9400).")
    @Nullable Integer port;

    @Option(names = "--otlp-port", paramLabel = "N", description = "Port of the OTLP/HTTP listener, 0 for any free port (default: kernel.otlp.port, 4318).")
    @Nullable Integer otlpPort;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path configFile = Home.configOr(config);
        if (config != null && !Files.isRegularFile(config)) {
            err.println("vigil: configuration file " + config + " does not exist");
            return 2;
        }
        KernelBuilder builder = Kernel.builder().homeDirectory(Home.home());
        if (plugins != null) {
            builder.pluginsDirectory(plugins);
        }
        if (data != null) {
            builder.dataDirectory(data);
        }
        if (configFile != null) {
            builder.configFile(configFile);
        }
        if (bind != null) {
            builder.bindAddress(bind);
        }
        if (port != null) {
            builder.port(port);
        }
        if (otlpPort != null) {
            builder.otlpPort(otlpPort);
        }
        Kernel kernel = builder.build();
        long began = System.nanoTime();
        try {
            kernel.start();
        } catch (KernelStartException e) {
            err.println("vigil: cannot start: " + e.getMessage());
            err.flush();
            return 2;
        }
        StartupReport.print(out, kernel, configFile, (System.nanoTime() - began) / 1_000_000);
        out.flush();
        Shutdown.onSignals(kernel::close);
        return KEEP_RUNNING;
    }

    /** Blocks the calling thread forever; the process ends through {@link Shutdown}. */
    static void awaitShutdown() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
