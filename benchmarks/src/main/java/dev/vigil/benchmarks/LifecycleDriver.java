package dev.vigil.benchmarks;

import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.Kernel;
import dev.vigil.kernel.lifecycle.PluginManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the kernel's lifecycle end to end and prints medians, each beside the baseline it is compared
 * with in the same run:
 * <ul>
 *   <li>start-up to ready with the two example plugins, from JVM launch and from {@code Kernel.start()},
 *       against an empty plugins folder (fresh JVMs);</li>
 *   <li>resident memory after start, against an idle JVM (fresh JVMs);</li>
 *   <li>deploy latency: JAR dropped into the folder → route answering, against deploying the same JAR
 *       through the plugin manager directly (the cost of watching the folder);</li>
 *   <li>undeploy latency: JAR deleted → route gone;</li>
 *   <li>reload latency of hello with hello-consumer depending on it, against hello alone;</li>
 *   <li>time per deploy/undeploy cycle through the manager.</li>
 * </ul>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.vigil.benchmarks.LifecycleDriver [runs]}.
 */
public final class LifecycleDriver {

    private static final Pattern PROBE = Pattern.compile("ready_ms=(\\d+) rss_kb=(-?\\d+) start_ms=(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LifecycleDriver() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path hello = ClassLoadingBenchmark.Examples.jar("vigil-hello-plugin.jar");
        Path consumer = ClassLoadingBenchmark.Examples.jar("vigil-hello-consumer-plugin.jar");
        Path work = Files.createTempDirectory("vigil-bench-");
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path two = Files.createDirectories(work.resolve("two"));
        Files.copy(hello, two.resolve(hello.getFileName()));
        Files.copy(consumer, two.resolve(consumer.getFileName()));

        System.out.printf(Locale.ROOT, "runs per figure: %d; java %s; %d cores%n%n", runs, Runtime.version(), Runtime.getRuntime().availableProcessors());

        List<long[]> withPlugins = new ArrayList<>();
        List<long[]> emptyRuns = new ArrayList<>();
        List<long[]> bareRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            emptyRuns.add(probe(empty.toString()));
            withPlugins.add(probe(two.toString()));
            bareRuns.add(probe("--bare"));
        }
        report("JVM launch to ready, 2 example plugins (ms)", median(withPlugins, 0), "empty plugins folder", median(emptyRuns, 0));
        report("Kernel.start() to ready, 2 example plugins (ms)", median(withPlugins, 2), "empty plugins folder", median(emptyRuns, 2));
        report("resident memory after start (MiB)", median(withPlugins, 1) / 1024.0, "idle JVM", median(bareRuns, 1) / 1024.0);

        Path plugins = Files.createDirectories(work.resolve("hot"));
        try (Kernel kernel = Kernel.builder().pluginsDirectory(plugins).dataDirectory(work.resolve("data")).port(0).watchConfig(false).build()) {
            kernel.start();
            URI base = kernel.httpUri();
            PluginManager manager = kernel.pluginManager();
            List<Double> folderDeploy = new ArrayList<>();
            List<Double> directDeploy = new ArrayList<>();
            List<Double> folderUndeploy = new ArrayList<>();
            List<Double> directUndeploy = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Path dropped = dropInto(plugins, hello);
                awaitStatus(base.resolve("/api/v1/hello"), 200);
                folderDeploy.add(ms(t0));
                t0 = System.nanoTime();
                Files.delete(dropped);
                awaitStatus(base.resolve("/api/v1/hello"), 404);
                folderUndeploy.add(ms(t0));
                awaitAbsent(kernel, "hello");

                Path outside = Files.copy(hello, work.resolve("direct-" + i + ".jar"), StandardCopyOption.REPLACE_EXISTING);
                t0 = System.nanoTime();
                manager.deploy(outside);
                awaitStatus(base.resolve("/api/v1/hello"), 200);
                directDeploy.add(ms(t0));
                t0 = System.nanoTime();
                manager.undeploy(outside.getFileName().toString());
                awaitStatus(base.resolve("/api/v1/hello"), 404);
                directUndeploy.add(ms(t0));
            }
            report("deploy latency, file drop -> route answers (ms)", medianOf(folderDeploy), "manager.deploy, no watcher", medianOf(directDeploy));
            report("undeploy latency, file delete -> route 404 (ms)", medianOf(folderUndeploy), "manager.undeploy, no watcher", medianOf(directUndeploy));

            List<Double> alone = new ArrayList<>();
            List<Double> withDependent = new ArrayList<>();
            Path h = work.resolve("reload-hello.jar");
            Path c = work.resolve("reload-consumer.jar");
            Files.copy(hello, h, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(consumer, c, StandardCopyOption.REPLACE_EXISTING);
            manager.deploy(h);
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                manager.reload("hello");
                alone.add(ms(t0));
            }
            manager.deploy(c);
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                manager.reload("hello");
                if (manager.status("hello-consumer").orElseThrow().state() != PluginState.ACTIVE) {
                    throw new IllegalStateException("hello-consumer did not come back after reloading hello");
                }
                withDependent.add(ms(t0));
            }
            report("reload hello with hello-consumer restarted (ms)", medianOf(withDependent), "reload hello alone", medianOf(alone));
            manager.undeploy(c.getFileName().toString());
            manager.undeploy(h.getFileName().toString());

            List<Double> cycles = new ArrayList<>();
            for (int i = 0; i < Math.max(runs, 50); i++) {
                long t0 = System.nanoTime();
                manager.deploy(h);
                manager.undeploy(h.getFileName().toString());
                cycles.add(ms(t0));
            }
            report("deploy + undeploy cycle through the manager (ms)", medianOf(cycles), "reload hello alone (stop + start)", medianOf(alone));
        }
    }

    private static Path dropInto(Path folder, Path jar) throws IOException {
        Path partial = folder.resolve(".incoming.tmp");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(partial, folder.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long[] probe(String argument) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), argument)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = PROBE.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("probe printed no figures:\n" + out);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static void awaitStatus(URI uri, int status) throws IOException, InterruptedException {
        while (HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != status) {
            Thread.sleep(2);
        }
    }

    private static void awaitAbsent(Kernel kernel, String id) throws InterruptedException {
        while (kernel.plugin(id).isPresent()) {
            Thread.sleep(2);
        }
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double median(List<long[]> runs, int column) {
        return medianOf(runs.stream().map(r -> (double) r[column]).toList());
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void report(String what, double value, String baseline, double baselineValue) {
        System.out.printf(Locale.ROOT, "%-52s %9.1f   baseline (%s) %9.1f   ratio %.2f%n", what, value, baseline, baselineValue,
                baselineValue == 0 ? Double.NaN : value / baselineValue);
    }
}
