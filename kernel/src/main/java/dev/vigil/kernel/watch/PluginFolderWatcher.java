package dev.vigil.kernel.watch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.vigil.kernel.lifecycle.FileChecksum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the plugins folder and reports JARs that appear, change and disappear, each only once it has
 * stopped changing: a file counts as settled when its size and modification time have not moved for the
 * quiet period. A settled file is reported as changed only when its content (SHA-256) differs from what was
 * last reported, so touching a JAR does nothing.
 *
 * <p>Polls rather than relying on file-system events, which are missed or coalesced on some file systems
 * and never arrive for network mounts; at the default interval a listing of the folder is cheap.
 */
public final class PluginFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginFolderWatcher.class);

    private final Path folder;
    private final Duration pollInterval;
    private final Duration quietPeriod;
    private final Listener listener;
    private final Map<String, Observed> observed = new HashMap<>();
    private final Map<String, String> reported = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** What the watcher reports. Called on the watcher's thread, one change at a time. */
    public interface Listener {
        void added(Path jar);

        void changed(Path jar);

        void removed(String fileName);
    }

    /**
     * @param folder the plugins folder
     * @param known JARs already deployed, with their checksums, so they are not reported again
     */
    public PluginFolderWatcher(Path folder, Map<String, String> known, Duration pollInterval, Duration quietPeriod, Listener listener) {
        this.folder = requireNonNull(folder, "folder is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.quietPeriod = requireNonNull(quietPeriod, "quietPeriod is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.reported.putAll(known);
        this.thread = new Thread(this::loop, "vigil-plugin-watcher");
        this.thread.setDaemon(true);
        this.thread.setContextClassLoader(PluginFolderWatcher.class.getClassLoader());
    }

    public void start() {
        thread.start();
        log.info("watching {} for plugin JARs (every {} ms, acting once a file is unchanged for {} ms)",
                folder, pollInterval.toMillis(), quietPeriod.toMillis());
    }

    /** The JARs in {@code folder} with their SHA-256, for the first deployment. */
    public static Map<String, Path> list(Path folder) throws IOException {
        Map<String, Path> jars = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, PluginFolderWatcher::isPluginJar)) {
            for (Path p : stream) {
                jars.put(p.getFileName().toString(), p);
            }
        }
        return jars;
    }

    private static boolean isPluginJar(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".jar") && !name.startsWith(".") && Files.isRegularFile(p);
    }

    private void loop() {
        while (running) {
            try {
                scan();
            } catch (IOException | RuntimeException e) {
                log.warn("scanning {} failed; trying again", folder, e);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One pass: note what moved, act on what settled. Package-private so tests can drive it step by step. */
    void scan() throws IOException {
        long now = System.nanoTime();
        Map<String, Path> present = list(folder);
        for (Map.Entry<String, Path> e : present.entrySet()) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(e.getValue(), BasicFileAttributes.class);
            } catch (IOException gone) {
                continue;
            }
            Observed before = observed.get(e.getKey());
            Observed current = new Observed(attrs.size(), attrs.lastModifiedTime().toMillis(), now, false);
            if (before == null || before.size != current.size || before.modified != current.modified) {
                observed.put(e.getKey(), current);
            } else if (!before.settled && now - before.since >= quietPeriod.toNanos()) {
                observed.put(e.getKey(), new Observed(before.size, before.modified, before.since, true));
                settle(e.getKey(), e.getValue());
            }
        }
        Set<String> gone = new HashSet<>(reported.keySet());
        gone.removeAll(present.keySet());
        for (String name : gone) {
            reported.remove(name);
            observed.remove(name);
            report(() -> listener.removed(name), name);
        }
        observed.keySet().retainAll(present.keySet());
    }

    private void settle(String name, Path jar) {
        String checksum;
        try {
            checksum = FileChecksum.sha256(jar);
        } catch (IOException e) {
            return;
        }
        String previous = reported.put(name, checksum);
        if (previous == null) {
            report(() -> listener.added(jar), name);
        } else if (!previous.equals(checksum)) {
            report(() -> listener.changed(jar), name);
        }
    }

    private static void report(Runnable call, String name) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("handling a change of {} failed", name, e);
        }
    }

    /** JAR file names in the order they should first be deployed. */
    public static List<String> sortedNames(Map<String, Path> jars) {
        return jars.keySet().stream().sorted().toList();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Observed(long size, long modified, long since, boolean settled) {}
}
