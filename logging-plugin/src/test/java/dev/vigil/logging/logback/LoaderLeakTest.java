package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.kernel.config.ConfigMappers;
import dev.vigil.logging.syslog.UdpReceiver;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * The plugin can be undeployed: once the outputs are closed, nothing the platform keeps (its Logback context, the
 * threads, the status of Logback's components) holds the plugin's class loader, which the garbage collector then
 * takes.
 */
class LoaderLeakTest {

    @TempDir
    Path dir;

    @Test
    void theClassLoaderIsCollectedAfterClose() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.start();
        ListAppender<ILoggingEvent> launcher = new ListAppender<>();
        launcher.setContext(context);
        launcher.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(launcher);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        AtomicInteger stored = new AtomicInteger();
        try (UdpReceiver syslog = new UdpReceiver()) {
            for (int cycle = 0; cycle < 3; cycle++) {
                loaders.add(deployLogAndUndeploy(context, syslog.port(), cycle, stored));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (loaders.stream().anyMatch(w -> w.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(loaders).allMatch(w -> w.get() == null, "collected");
        assertThat(stored.get()).isEqualTo(3);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(PipelineAppender.NAME)).isNull();
        context.getLogger("x").info("back to the launcher's appender");
        assertThat(launcher.list).isNotEmpty();
        context.stop();
    }

    /** One plugin life: its classes from their own loader, every output on, a few events, then close. */
    private WeakReference<ClassLoader> deployLogAndUndeploy(LoggerContext context, int syslogPort, int cycle,
            AtomicInteger stored) throws Exception {
        URL classes = LogbackOutputs.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader plugin = new ChildFirst(classes, getClass().getClassLoader())) {
            Class<?> outputsType = plugin.loadClass(LogbackOutputs.class.getName());
            assertThat(outputsType).isNotSameAs(LogbackOutputs.class);
            Class<?> settingsType = plugin.loadClass(OutputSettings.class.getName());
            Class<?> maskerType = plugin.loadClass("dev.vigil.logging.Masker");
            Class<?> sinkType = plugin.loadClass("dev.vigil.logging.LogSink");
            String json = "{\"console\": {\"enabled\": false}, \"file\": {\"enabled\": true, \"path\": \""
                    + dir.resolve("cycle-" + cycle).resolve("vigil.log") + "\", \"maxFileSize\": \"1KB\", \"totalSizeCap\": \"4KB\"},"
                    + " \"syslog\": {\"enabled\": true, \"host\": \"127.0.0.1\", \"port\": " + syslogPort + "}}";
            Object settings = ConfigMappers.strict().readValue(json, settingsType);
            Object outputs = outputsType.getConstructor(LoggerContext.class, Clock.class).newInstance(context, Clock.systemUTC());
            Object sink = Proxy.newProxyInstance(plugin, new Class<?>[] {sinkType}, (proxy, method, args) -> {
                if (method.getName().equals("accept")) {
                    stored.addAndGet(((List<?>) args[0]).size());
                }
                return null;
            });
            outputsType.getMethod("setSink", sinkType).invoke(outputs, sink);
            outputsType.getMethod("apply", settingsType, maskerType).invoke(outputs, settings, maskerType.getField("NONE").get(null));
            Thread.currentThread().setContextClassLoader(plugin);
            try {
                context.getLogger("dev.vigil.test").atWarn().addKeyValue("cycle", cycle)
                        .setCause(new IllegalStateException("boom")).log("cycle {}", cycle);
            } finally {
                Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
            }
            outputsType.getMethod("close").invoke(outputs);
            return new WeakReference<>(plugin);
        }
    }

    /** Loads the plugin's own classes itself, and everything else (the platform) from its parent. */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL classes, ClassLoader parent) {
            super("plugin:logging", new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.vigil.logging.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
