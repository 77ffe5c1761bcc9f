package dev.vigil.launcher;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the platform cleanly on SIGTERM and SIGINT and exits with status 0, as service managers expect of a
 * requested stop. The JVM's own handling would run shutdown hooks and then exit with 143 (128 + SIGTERM),
 * which systemd and Kubernetes report as a failure; so the launcher installs its own handler, through
 * {@code sun.misc.Signal}, reached reflectively because it is not a standard API. Where it is missing, a
 * shutdown hook still stops the platform.
 */
final class Shutdown {

    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {}

    static void onSignals(Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable once = () -> {
            if (stopping.compareAndSet(false, true)) {
                stop.run();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(once, "vigil-shutdown-hook"));
        for (String signal : new String[] {"TERM", "INT"}) {
            if (!handle(signal, () -> {
                log.info("SIG{} received; stopping", signal);
                once.run();
                System.exit(0);
            })) {
                log.debug("SIG{} is handled by the JVM's shutdown hooks only", signal);
            }
        }
    }

    private static boolean handle(String name, Runnable action) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object signal = signalType.getConstructor(String.class).newInstance(name);
            InvocationHandler invocation = (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                    // A thread of our own: the signal dispatcher must not block on the shutdown.
                    Thread stopper = new Thread(action, "vigil-stop-on-SIG" + name);
                    stopper.start();
                    return null;
                }
                return objectMethod(proxy, method, args);
            };
            Object handler = Proxy.newProxyInstance(Shutdown.class.getClassLoader(), new Class<?>[] {handlerType}, invocation);
            signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            log.debug("cannot install a SIG{} handler", name, e);
            return false;
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "vigil signal handler";
        }
    }
}
