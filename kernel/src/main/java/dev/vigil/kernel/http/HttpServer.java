package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.opentelemetry.api.OpenTelemetry;
import java.net.BindException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's HTTP server: one Jetty server, through Javalin, that serves the routes of a {@link RouteTable}
 * which may change while it runs.
 *
 * <p>Javalin only takes routes before it starts, so it gets one catch-all route for every method on
 * {@code *} (which matches {@code /} and every deeper path) plus its 404 error handler (for methods it
 * has no route type for); both lead to a {@link Dispatcher} that looks the request up in the table.
 *
 * <p>Jetty runs on a bounded {@link QueuedThreadPool} with a bounded job queue, and at most
 * {@link HttpServerSettings#maxConcurrentRequests()} route handlers run at once; further requests get
 * 503 at once rather than waiting. Thread-safe; {@link #start()} may be called once.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    /** How long {@link #close()} lets requests in flight finish. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    /** Threads beyond acceptors, selectors and handlers, so that 404, 401 and 503 answers are not starved. */
    private static final int SPARE_THREADS = 8;
    private static final int ACCEPTORS = 1;
    /** While stopping, how long an idle keep-alive connection stays open before it is closed. */
    private static final long SHUTDOWN_IDLE_MILLIS = 200;
    private static final int IDLE_THREAD_MILLIS = 60_000;

    private enum State { NEW, STARTED, CLOSED }

    private final HttpServerSettings settings;
    private final ObjectMapper json;
    private final AdminToken adminToken;
    private final RouteTable routes = new RouteTable();
    private final ClassLoader kernelLoader = HttpServer.class.getClassLoader();

    private final RequestTracing tracing;
    private State state = State.NEW;
    private @Nullable Javalin javalin;
    private int port = -1;

    /** A server that is not started yet and makes no spans; add routes to {@link #routes()} before or after starting it. */
    public HttpServer(HttpServerSettings settings, ObjectMapper json, AdminToken adminToken) {
        this(settings, json, adminToken, Optional::empty);
    }

    /**
     * A server that is not started yet and makes a server span for each routed request with what {@code telemetry}
     * finds at that moment (none while it finds nothing).
     */
    public HttpServer(HttpServerSettings settings, ObjectMapper json, AdminToken adminToken,
            Supplier<Optional<OpenTelemetry>> telemetry) {
        this.settings = requireNonNull(settings, "settings is null");
        this.json = requireNonNull(json, "json is null");
        this.adminToken = requireNonNull(adminToken, "adminToken is null");
        this.tracing = new RequestTracing(requireNonNull(telemetry, "telemetry is null"));
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException if the server was already started or closed, or cannot listen, such as
     *     {@code cannot listen on 127.0.0.1:9400: address already in use}
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("HTTP server already " + (state == State.STARTED ? "started" : "closed"));
        }
        QueuedThreadPool threads = threadPool();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // Jetty captures the context class loader of the thread that builds it for its scheduler thread.
        current.setContextClassLoader(kernelLoader);
        Javalin app;
        try {
            app = Javalin.create(config -> configure(config, threads));
            app.start();
            // Creates Jetty's scheduler thread now, from this thread, rather than later from a handler's.
            app.jettyServer().server().getScheduler().schedule(() -> { }, 0, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            state = State.CLOSED;
            stopQuietly(threads);
            throw startFailure(e);
        } finally {
            current.setContextClassLoader(previous);
        }
        javalin = app;
        port = ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
        state = State.STARTED;
        LOG.info("HTTP server listening on {} (at most {} concurrent requests, request bodies up to {} bytes)",
                baseUri(), settings.maxConcurrentRequests(), settings.maxRequestBytes());
    }

    private void configure(JavalinConfig config, QueuedThreadPool threads) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.http.maxRequestSize = settings.maxRequestBytes();
        config.http.generateEtags = false;
        config.jetty.threadPool = threads;
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(STOP_TIMEOUT_MILLIS);
            server.insertHandler(new GracefulHandler());
            server.setErrorHandler(new JettyErrorHandler(json));
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector =
                    new ServerConnector(server, ACCEPTORS, selectors(), new HttpConnectionFactory(http));
            connector.setHost(settings.bind());
            connector.setPort(settings.port());
            connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
            return connector;
        });
        Dispatcher dispatcher = new Dispatcher(
                routes, adminToken, json, settings.maxRequestBytes(), settings.maxConcurrentRequests(), tracing);
        for (HandlerType type : HandlerType.values()) {
            if (type.isHttpMethod()) {
                config.routes.addHttpHandler(type, "*", dispatcher);
            }
        }
        config.routes.error(404, dispatcher);
    }

    private QueuedThreadPool threadPool() {
        int maxThreads = settings.maxConcurrentRequests() + ACCEPTORS + selectors() + SPARE_THREADS;
        int minThreads = Math.min(maxThreads, ACCEPTORS + selectors() + SPARE_THREADS);
        int maxQueued = 4 * maxThreads;
        String prefix = settings.port() == 0 ? "vigil-http-" : "vigil-http-" + settings.port() + "-";
        QueuedThreadPool threads = new QueuedThreadPool(
                maxThreads,
                minThreads,
                IDLE_THREAD_MILLIS,
                -1,
                new ArrayBlockingQueue<>(maxQueued),
                null,
                new ServerThreadFactory(prefix, kernelLoader));
        threads.setName("vigil-http");
        return threads;
    }

    private static int selectors() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
    }

    private IllegalStateException startFailure(RuntimeException e) {
        String address = settings.bind() + ":" + settings.port();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                String message = bind.getMessage() == null ? "bind failed" : bind.getMessage();
                String reason = message.toLowerCase(Locale.ROOT).contains("in use")
                        ? "address already in use"
                        : message.toLowerCase(Locale.ROOT);
                return new IllegalStateException("cannot listen on " + address + ": " + reason, bind);
            }
        }
        return new IllegalStateException("cannot start the HTTP server on " + address + ": " + e.getMessage(), e);
    }

    private static void stopQuietly(QueuedThreadPool threads) {
        try {
            threads.stop();
        } catch (Exception e) {
            LOG.warn("Could not stop the HTTP server's threads after it failed to start", e);
        }
    }

    /**
     * The port the server listens on, useful when the settings asked for any free port.
     *
     * @throws IllegalStateException if the server is not running
     */
    public synchronized int port() {
        if (state != State.STARTED) {
            throw new IllegalStateException("HTTP server is not running");
        }
        return port;
    }

    /**
     * The server's address, such as {@code http://127.0.0.1:9400}.
     *
     * @throws IllegalStateException if the server is not running
     */
    public synchronized URI baseUri() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return URI.create("http://" + host + ":" + port());
    }

    /** The routes this server serves; they can change at any time, before or after start. */
    public RouteTable routes() {
        return routes;
    }

    /**
     * Stops accepting connections, lets requests in flight finish for up to five seconds, and releases
     * the port and the threads. Does nothing if the server never started or is already closed.
     */
    @Override
    public synchronized void close() {
        Javalin app = javalin;
        state = State.CLOSED;
        javalin = null;
        if (app == null) {
            return;
        }
        try {
            app.stop();
        } catch (RuntimeException e) {
            LOG.warn("HTTP server on {}:{} did not stop cleanly", settings.bind(), port, e);
        }
    }

    @Override
    public String toString() {
        return "HttpServer[" + settings.bind() + ":" + (port >= 0 ? port : settings.port()) + "]";
    }
}
