package dev.vigil.kernel.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;

/** Starts servers for tests on a free loopback port, with the libraries' debug logging turned down. */
final class TestServers {

    static final String TOKEN = "test-admin-token";

    static {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("org.eclipse.jetty")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("io.javalin")).setLevel(Level.WARN);
    }

    private TestServers() {
    }

    static HttpServerSettings settings() {
        return new HttpServerSettings("127.0.0.1", 0, 1024 * 1024, 16);
    }

    static HttpServer start() {
        return start(settings());
    }

    static HttpServer start(HttpServerSettings settings) {
        HttpServer server = create(settings);
        server.start();
        return server;
    }

    static HttpServer create(HttpServerSettings settings) {
        return new HttpServer(settings, new ObjectMapper(), AdminToken.of(TOKEN));
    }

    static ClassLoader kernelLoader() {
        return HttpServer.class.getClassLoader();
    }
}
