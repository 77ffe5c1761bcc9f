package dev.vigil.kernel.owner;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plugin run (or the kernel itself) as the owner of registrations. Every service, route, health
 * indicator, scheduled task and listener a plugin adds is tracked here and closed, newest first, when the
 * run ends; after that, new registrations are refused, so a plugin thread that outlives its stop cannot add
 * anything back. Thread-safe.
 */
public final class Owner {

    private static final Logger log = LoggerFactory.getLogger(Owner.class);

    private final String id;
    private final ClassLoader loader;
    private final List<Registration> registrations = new ArrayList<>();
    private boolean closed;

    public Owner(String id, ClassLoader loader) {
        this.id = requireNonNull(id, "id is null");
        this.loader = requireNonNull(loader, "loader is null");
    }

    /** The kernel as an owner: its registrations last as long as the process. */
    public static Owner kernel() {
        return new Owner("kernel", Owner.class.getClassLoader());
    }

    public String id() {
        return id;
    }

    /** The class loader set as the thread context class loader whenever the kernel calls into the owner. */
    public ClassLoader loader() {
        return loader;
    }

    /**
     * Tracks {@code registration} and returns a handle that also forgets it when closed.
     *
     * @throws IllegalStateException if this owner's run has ended; {@code registration} is closed first
     */
    public Registration track(Registration registration) {
        synchronized (registrations) {
            if (!closed) {
                Registration handle = new Registration() {
                    private boolean done;

                    @Override
                    public void close() {
                        synchronized (registrations) {
                            if (done) {
                                return;
                            }
                            done = true;
                            registrations.remove(this);
                        }
                        registration.close();
                    }
                };
                registrations.add(handle);
                return handle;
            }
        }
        registration.close();
        throw new IllegalStateException("plugin '" + id + "' is not running; it cannot register anything");
    }

    /** Whether {@link #closeAll()} has run. */
    public boolean isClosed() {
        synchronized (registrations) {
            return closed;
        }
    }

    /** Closes every registration, newest first, and refuses new ones. A failing close is logged, not thrown. */
    public void closeAll() {
        List<Registration> toClose;
        synchronized (registrations) {
            closed = true;
            toClose = new ArrayList<>(registrations);
            registrations.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (RuntimeException e) {
                log.warn("plugin '{}': removing a registration failed", id, e);
            }
        }
    }

    /** Runs {@code task} with this owner's loader as the thread context class loader. */
    public void run(Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            task.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Calls {@code task} with this owner's loader as the thread context class loader. */
    public <T> T call(Callable<T> task) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return task.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
