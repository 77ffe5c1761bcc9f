package dev.vigil.metrics.net;

import java.net.http.HttpClient;

/** Builds JDK HTTP clients that cannot keep the plugin's class loader alive. */
public final class HttpClients {

    private HttpClients() {}

    /**
     * Builds the client with the platform class loader as the context class loader. The client starts a
     * selector thread that inherits the context class loader of the thread that built it, and on Java 17 a
     * client cannot be closed: the thread ends only once the client has been garbage-collected. With the
     * plugin's loader out of it, that thread neither pins the loader nor counts as one the plugin left behind.
     */
    public static HttpClient build(HttpClient.Builder builder) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return builder.build();
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
