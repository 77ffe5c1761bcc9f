package dev.vigil.benchmarks;

import dev.vigil.kernel.Kernel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link LifecycleDriver}: starts a kernel on the given plugins folder, prints
 * {@code ready_ms=<since JVM start> rss_kb=<resident memory> start_ms=<Kernel.start()>} once it is ready, and exits. With
 * {@code --bare} it starts nothing and prints the resident memory of an idle JVM, the baseline.
 */
public final class StartupProbe {

    private StartupProbe() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--bare")) {
            System.gc();
            System.out.println("ready_ms=0 rss_kb=" + rssKb() + " start_ms=0");
            return;
        }
        Path plugins = Path.of(args[0]);
        Path data = Files.createTempDirectory("vigil-bench-data-");
        try (Kernel kernel = Kernel.builder().pluginsDirectory(plugins).dataDirectory(data).port(0).watchConfig(false).build()) {
            long began = System.nanoTime();
            kernel.start();
            long startMs = (System.nanoTime() - began) / 1_000_000;
            long readyMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.gc();
            System.out.println("ready_ms=" + readyMs + " rss_kb=" + rssKb() + " start_ms=" + startMs + " plugins=" + kernel.plugins().size());
        }
    }

    /** Resident set size from /proc, in KiB; -1 where /proc is not available. */
    static long rssKb() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
