package dev.vigil.benchmarks.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The receiving end of the webhook channel: a JDK HTTP server on the loopback interface that notes when each
 * request arrives (before it reads the body), answers 200, and then reads Alertmanager's webhook payload to learn
 * which alerts the request carried. Thread-safe.
 */
final class WebhookServer implements AutoCloseable {

    private static final String PATH = "/alerts";

    private final ObjectMapper json = new ObjectMapper();
    private final FlipTimes times = new FlipTimes();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong otherAlerts = new AtomicLong();
    private final ExecutorService handlers;
    private final HttpServer server;
    private volatile @Nullable String firstProblem;

    private WebhookServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** Starts a server on a free loopback port. */
    static WebhookServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger count = new AtomicInteger();
        ExecutorService handlers = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "webhook-receiver-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        WebhookServer webhook = new WebhookServer(server, handlers);
        server.createContext(PATH, webhook::handle);
        server.start();
        return webhook;
    }

    /** Where the webhook channel posts. */
    URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH);
    }

    /** When the alerts the driver caused arrived. */
    FlipTimes times() {
        return times;
    }

    /** The requests received. */
    long requests() {
        return requests.get();
    }

    /** The alerts received that the driver did not cause (the rules' own findings in the made-up data). */
    long otherAlerts() {
        return otherAlerts.get();
    }

    /** Requests whose body was not a webhook payload, and the first such problem, if any. */
    String problems() {
        long bad = malformed.get();
        return bad == 0 ? "none" : bad + " malformed payloads, the first: " + firstProblem;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        requests.incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
        try {
            for (JsonNode alert : json.readTree(body).path("alerts")) {
                Map<String, String> labels = new TreeMap<>();
                for (Map.Entry<String, JsonNode> label : alert.path("labels").properties()) {
                    labels.put(label.getKey(), label.getValue().asText());
                }
                if (RuleSet.flipKey(labels) == null) {
                    otherAlerts.incrementAndGet();
                }
                times.note(labels, "firing".equals(alert.path("status").asText()), arrived);
            }
        } catch (IOException | RuntimeException e) {
            malformed.incrementAndGet();
            if (firstProblem == null) {
                firstProblem = e.toString();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
