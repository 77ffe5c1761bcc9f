package dev.vigil.kernel.http;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the server's threads. Jetty may start a thread from whichever thread needs one, including one
 * running a plugin's handler; such a thread would inherit the plugin's context class loader and inheritable
 * thread-locals and keep the plugin's classes alive after it is unloaded. So every thread gets the kernel's
 * loader and no inherited thread-locals.
 */
final class ServerThreadFactory implements ThreadFactory {

    private final String prefix;
    private final ClassLoader loader;
    private final AtomicInteger count = new AtomicInteger();

    ServerThreadFactory(String prefix, ClassLoader loader) {
        this.prefix = prefix;
        this.loader = loader;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(null, task, prefix + count.incrementAndGet(), 0, false);
        thread.setContextClassLoader(loader);
        thread.setDaemon(false);
        return thread;
    }
}
