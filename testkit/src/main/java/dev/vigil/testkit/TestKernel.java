package dev.vigil.testkit;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.Kernel;
import dev.vigil.kernel.KernelBuilder;
import dev.vigil.kernel.KernelStartException;
import dev.vigil.kernel.io.Folders;
import dev.vigil.kernel.lifecycle.PluginStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A real kernel in the test's process: its own temporary folders, an HTTP server on a free loopback port, a
 * known admin token and a {@link TestingClock}. Plugins are deployed as in production, by putting JARs in
 * the plugins folder, or in-process from the test's class path.
 *
 * <pre>{@code
 * try (TestKernel kernel = TestKernel.builder().pluginJar(helloJar).start()) {
 *     assertThat(kernel.get("/api/v1/hello").statusCode()).isEqualTo(200);
 * }
 * }</pre>
 */
public final class TestKernel implements AutoCloseable {

    /** The admin token every test kernel uses. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private final Kernel kernel;
    private final Path root;
    private final Path configFile;
    private final @Nullable TestingClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestKernel(Kernel kernel, Path root, Path configFile, @Nullable TestingClock clock) {
        this.kernel = kernel;
        this.root = root;
        this.configFile = configFile;
        this.clock = clock;
    }

    /** Options for a new test kernel. */
    public static Builder builder() {
        return new Builder();
    }

    /** The kernel itself. */
    public Kernel kernel() {
        return kernel;
    }

    /**
     * The clock plugins see.
     *
     * @throws IllegalStateException if the kernel runs on the system clock ({@link Builder#systemClock()})
     */
    public TestingClock clock() {
        if (clock == null) {
            throw new IllegalStateException("this test kernel runs on the system clock");
        }
        return clock;
    }

    /** The plugins folder being watched. */
    public Path pluginsDirectory() {
        return kernel.pluginsDirectory();
    }

    /** The configuration file; {@link #writeConfig} changes it. */
    public Path configFile() {
        return configFile;
    }

    /** The API server's base URI. */
    public URI uri() {
        return kernel.httpUri();
    }

    /** The base URI of the OTLP/HTTP listener, on a free port of the loopback address. */
    public URI otlpUri() {
        return kernel.otlpUri().orElseThrow(() -> new IllegalStateException("the OTLP/HTTP listener is disabled (kernel.otlp.enabled)"));
    }

    /** Copies {@code jar} into the plugins folder in one atomic step, as a file named {@code fileName}. */
    public Path deploy(Path jar, String fileName) {
        try {
            Path target = pluginsDirectory().resolve(fileName);
            Path partial = Files.createTempFile(pluginsDirectory(), ".deploying-", ".tmp");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deploy " + jar, e);
        }
    }

    /** Copies {@code jar} into the plugins folder under its own name. */
    public Path deploy(Path jar) {
        return deploy(jar, jar.getFileName().toString());
    }

    /** Deletes a JAR from the plugins folder. */
    public void undeploy(String fileName) {
        try {
            Files.deleteIfExists(pluginsDirectory().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + fileName, e);
        }
    }

    /** Replaces the configuration file's content in one atomic step. */
    public void writeConfig(String yaml) {
        writeAtomically(configFile, yaml);
    }

    /** The status of plugin {@code id}, if installed. */
    public Optional<PluginStatus> status(String id) {
        return kernel.plugin(id);
    }

    /** Waits until plugin {@code id} is in {@code state} and returns its status. */
    public PluginStatus awaitState(String id, PluginState state, Duration timeout) {
        return Await.until("plugin '" + id + "' to be " + state, timeout, () -> kernel.plugin(id).orElse(null),
                s -> s != null && s.state() == state);
    }

    /** Waits until plugin {@code id} is no longer installed. */
    public void awaitAbsent(String id, Duration timeout) {
        Await.until("plugin '" + id + "' to be undeployed", timeout, () -> kernel.plugin(id), Optional::isEmpty);
    }

    /** Waits until {@code GET path} answers {@code status} and returns that response. */
    public HttpResponse<String> awaitStatus(String path, int status, Duration timeout) {
        return Await.until("GET " + path + " to answer " + status, timeout, () -> get(path), r -> r.statusCode() == status);
    }

    /** {@code GET path}. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri().resolve(path)).GET());
    }

    /** {@code POST path} with the admin token. */
    public HttpResponse<String> postAsAdmin(String path) {
        return send(HttpRequest.newBuilder(uri().resolve(path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code POST path} without credentials. */
    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends any request. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the kernel and deletes its folders. */
    @Override
    public void close() {
        kernel.close();
        deleteTree(root);
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".writing-", ".tmp");
            Files.writeString(partial, content);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteTree(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    /** Options of a {@link TestKernel}. */
    public static final class Builder {
        private final List<Path> jars = new ArrayList<>();
        private final Map<String, String> environment = new HashMap<>();
        private final List<InProcess> inProcess = new ArrayList<>();
        private String config = "";
        private TestingClock clock = new TestingClock();
        private boolean scheduleWithClock;
        private boolean systemClock;

        private Builder() {}

        /** A plugin JAR to put in the plugins folder before the kernel starts. */
        public Builder pluginJar(Path jar) {
            jars.add(requireNonNull(jar, "jar is null"));
            return this;
        }

        /** A plugin from the test's class path, started without a JAR or class loader of its own. */
        public Builder plugin(String id, String version, Supplier<? extends Plugin> factory, String... requires) {
            inProcess.add(new InProcess(id, version, factory, requires));
            return this;
        }

        /**
         * The configuration file's content. The test kernel adds {@code kernel.http} (loopback, free port) and
         * short watch intervals unless the content sets a {@code kernel} section itself.
         */
        public Builder config(String yaml) {
            this.config = requireNonNull(yaml, "yaml is null");
            return this;
        }

        /** An environment variable visible to {@code ${VAR}} substitution. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** The clock plugins receive. */
        public Builder clock(TestingClock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * Gives plugins the system clock instead of a {@link TestingClock}, for tests of plugins that stamp
         * what they receive with the time, such as a metric store.
         */
        public Builder systemClock() {
            this.systemClock = true;
            return this;
        }

        /** Runs plugins' scheduled tasks only when the clock is advanced, through a {@link TestingScheduler}. */
        public Builder scheduleWithClock() {
            this.scheduleWithClock = true;
            return this;
        }

        /**
         * Starts the kernel.
         *
         * @throws KernelStartException when the kernel refuses to start, such as for a bad configuration
         */
        public TestKernel start() throws KernelStartException {
            if (systemClock && scheduleWithClock) {
                throw new IllegalStateException("scheduleWithClock() needs the testing clock; it cannot be combined with systemClock()");
            }
            Path root;
            try {
                root = Files.createTempDirectory("vigil-test-");
                Path plugins = Files.createDirectories(root.resolve("plugins"));
                for (Path jar : jars) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
                Path configFile = root.resolve("vigil.yaml");
                // appended, so that line numbers in messages match the lines the test wrote
                Files.writeString(configFile, config.contains("kernel:") ? config : config + (config.isEmpty() || config.endsWith("\n") ? "" : "\n") + defaultKernelSection());
                KernelBuilder builder = Kernel.builder()
                        .configFile(configFile)
                        .pluginsDirectory(plugins)
                        .dataDirectory(root.resolve("data"))
                        .port(0)
                        .otlpPort(0)
                        .adminToken(ADMIN_TOKEN)
                        .clock(systemClock ? Clock.systemUTC() : clock)
                        .environment(environment);
                if (scheduleWithClock) {
                    builder.scheduler(new TestingScheduler(clock));
                }
                for (InProcess p : inProcess) {
                    builder.plugin(p.id, p.version, p.factory, p.requires);
                }
                Kernel kernel = builder.build();
                try {
                    kernel.start();
                } catch (KernelStartException | RuntimeException e) {
                    deleteTree(root);
                    throw e;
                }
                return new TestKernel(kernel, root, configFile, systemClock ? null : clock);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the test kernel's folders", e);
            }
        }

        private static String defaultKernelSection() {
            return "kernel:\n"
                    + "  http:\n"
                    + "    bind: 127.0.0.1\n"
                    + "  startTimeout: 5s\n"
                    + "  stopTimeout: 5s\n"
                    + "  watch:\n"
                    + "    pollInterval: 50ms\n"
                    + "    quietPeriod: 100ms\n";
        }

        private record InProcess(String id, String version, Supplier<? extends Plugin> factory, String[] requires) {}
    }
}
