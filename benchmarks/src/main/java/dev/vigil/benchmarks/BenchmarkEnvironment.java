package dev.vigil.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a driver that compares servers runs: a temporary working folder and the {@link ServerProcess}es started
 * in it, stopped and deleted once, by whichever comes first: {@link #close()} at the end of the driver or the
 * shutdown hook (Ctrl-C, a failure). Thread-safe.
 */
public final class BenchmarkEnvironment implements AutoCloseable {

    private final Path work;
    private final List<ServerProcess> servers = new ArrayList<>();
    private boolean stopped;

    private BenchmarkEnvironment(Path work) {
        this.work = work;
    }

    /** Creates a working folder {@code vigil-<name>-...} under the temporary folder and the hook that removes it. */
    public static BenchmarkEnvironment create(String name) throws IOException {
        BenchmarkEnvironment environment = new BenchmarkEnvironment(Files.createTempDirectory("vigil-" + name + "-"));
        Runtime.getRuntime().addShutdownHook(new Thread(environment::close, name + "-driver-cleanup"));
        return environment;
    }

    /**
     * The metrics plugin JAR the benchmarks module's build copies to {@code benchmarks/target/plugins}, looked up
     * from the repository root or from the module's folder.
     */
    public static Path metricsJar() {
        return built("plugins/vigil-metrics-plugin.jar");
    }

    /** The tracing plugin JAR the build copies to {@code benchmarks/target/plugins}; see {@link #metricsJar()}. */
    public static Path tracingJar() {
        return built("plugins/vigil-tracing-plugin.jar");
    }

    /** The Zipkin server's executable JAR the build copies to {@code benchmarks/target/zipkin}; see {@link #metricsJar()}. */
    public static Path zipkinJar() {
        return built("zipkin/zipkin-server-exec.jar");
    }

    /** {@code benchmarks/target/<file>}, from the repository root or from the module's folder. */
    private static Path built(String file) {
        for (Path candidate : new Path[] {Path.of("benchmarks/target").resolve(file), Path.of("target").resolve(file)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException(Path.of(file).getFileName() + " not found under benchmarks/target/"
                + Path.of(file).getParent() + "; build the benchmarks module first");
    }

    /** The working folder. */
    public Path work() {
        return work;
    }

    /** Tracks {@code server} until it is stopped; if everything was already stopped, stops it too and fails. */
    public synchronized ServerProcess add(ServerProcess server) {
        if (stopped) {
            server.close();
            throw new IllegalStateException("the driver is shutting down");
        }
        servers.add(server);
        return server;
    }

    /** Stops {@code server} now. */
    public synchronized void stop(ServerProcess server) {
        server.close();
        servers.remove(server);
    }

    /** Stops every server still running and deletes the working folder; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        servers.forEach(ServerProcess::close);
        servers.clear();
        try {
            Folders.deleteTree(work);
        } catch (IOException e) {
            System.err.println("could not delete " + work + ": " + e);
        }
    }
}
