package dev.vigil.kernel.http;

import static dev.vigil.kernel.http.TestClient.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerLimitsTest {

    private static final int MAX_BODY = 64;

    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = TestServers.start(new HttpServerSettings("127.0.0.1", 0, MAX_BODY, 1));
        client = new TestClient(server.baseUri());
        server.routes().add("ingest", TestServers.kernelLoader(), HttpMethod.POST, "/ingest", RouteAccess.PUBLIC,
                exchange -> {
                    calls.incrementAndGet();
                    exchange.text(200, "read " + exchange.body().length);
                });
        server.routes().add("slow", TestServers.kernelLoader(), HttpMethod.GET, "/slow", RouteAccess.PUBLIC,
                exchange -> {
                    entered.countDown();
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("test never released the handler");
                    }
                    exchange.text(200, "done");
                });
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutCallingTheHandler() {
        HttpResponse<String> response = client.send("POST", "/ingest", BodyPublishers.ofByteArray(new byte[MAX_BODY + 1]));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(errorOf(response)).isEqualTo("request body exceeds 64 bytes");
        assertThat(calls).hasValue(0);
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        HttpResponse<String> declared = client.send("POST", "/ingest", BodyPublishers.ofByteArray(new byte[MAX_BODY]));
        HttpResponse<String> chunked = client.send("POST", "/ingest", chunked(MAX_BODY));

        assertThat(declared.body()).isEqualTo("read 64");
        assertThat(chunked.body()).isEqualTo("read 64");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
        HttpResponse<String> response = client.send("POST", "/ingest", chunked(MAX_BODY * 4));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(errorOf(response)).isEqualTo("request body exceeds 64 bytes");
        assertThat(calls).hasValue(1);
    }

    private static BodyPublisher chunked(int size) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size]));
    }

    @Test
    void answers503WhenEveryPermitIsTaken() throws Exception {
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(client.request("/slow").GET());
        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> busy = client.get("/slow");
        HttpResponse<String> busyOther = client.send("POST", "/ingest", BodyPublishers.ofString("x"));

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(errorOf(busy)).isEqualTo("server busy");
        assertThat(busyOther.statusCode()).isEqualTo(503);
        assertThat(client.get("/unknown").statusCode()).isEqualTo(404);

        release.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS).body()).isEqualTo("done");
        assertThat(client.send("POST", "/ingest", BodyPublishers.ofString("x")).statusCode()).isEqualTo(200);
    }
}
