package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestKernel;
import java.lang.ref.WeakReference;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metrics plugin can be undeployed and deployed again while the platform runs: every cycle reopens the
 * same store, and afterwards no thread of the plugin is left and every one of its class loaders is collected.
 */
class MetricsPluginUnloadIT {

    private static final int CYCLES = 5;

    @Test
    void deployUndeployCyclesLeaveNoThreadAndNoLoader() throws Exception {
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "# TYPE sink_up gauge\nsink_up 1\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 204 : 200, exchange.getRequestMethod().equals("POST") ? -1 : body.length);
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        sink.start();
        String address = "127.0.0.1:" + sink.getAddress().getPort();
        String config = "metrics:\n  selfScrapeInterval: 1s\n"
                + "  scrape:\n    jobs:\n      - name: sink\n        interval: 1s\n        timeout: 500ms\n        targets: [\"" + address + "\"]\n"
                + "  remoteWrite:\n    - url: http://" + address + "/api/v1/write\n      batchSendDeadline: 200ms\n";
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        try (TestKernel kernel = TestKernel.builder().systemClock().config(config).start()) {
            for (int i = 0; i < CYCLES; i++) {
                kernel.deploy(MetricsPluginIT.JAR, "metrics.jar");
                MetricStore store = MetricsPluginIT.store(kernel);
                loaders.add(new WeakReference<>(store.getClass().getClassLoader()));
                MetricsPluginIT.awaitSeries(store, LabelMatcher.metricName("sink_up"));
                assertThat(kernel.send(HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/metrics"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceMetrics\":[]}"))).statusCode()).isEqualTo(200);
                assertThat(kernel.get("/metrics").statusCode()).isEqualTo(200);
                store = null;

                kernel.undeploy("metrics.jar");
                kernel.awaitAbsent("metrics", Duration.ofSeconds(10));
                assertThat(pluginThreads()).as("the plugin's threads after cycle %d", i).isEmpty();
            }
            assertThat(kernel.get("/metrics").statusCode()).isEqualTo(404);

            Await.until("all " + CYCLES + " class loaders of the metrics plugin to be collected", Duration.ofSeconds(60), () -> {
                System.gc();
                return loaders.stream().filter(ref -> ref.get() != null).count();
            }, alive -> alive == 0);
        } finally {
            sink.stop(0);
        }
    }

    private static List<String> pluginThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("vigil-scrape") || name.startsWith("vigil-remote-write"))
                .toList();
    }
}
