package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A streamed answer reaches the client piece by piece while the handler is still writing. */
class StreamedResponseTest {

    @Test
    void eachFlushReachesTheClientBeforeTheHandlerReturns() throws Exception {
        CountDownLatch firstEventRead = new CountDownLatch(1);
        Plugin events = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.routes().add(HttpMethod.GET, "/api/v1/events", RouteAccess.PUBLIC, exchange ->
                        exchange.stream(200, "text/event-stream", out -> {
                            out.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            // the second event is written only once the client has read the first
                            try {
                                if (!firstEventRead.await(10, TimeUnit.SECONDS)) {
                                    throw new IllegalStateException("the client never saw the first event");
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new java.io.InterruptedIOException("interrupted");
                            }
                            out.write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
                        }));
            }
        };
        try (TestKernel kernel = TestKernel.builder().plugin("events", "1.0.0", () -> events).start()) {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(kernel.uri().resolve("/api/v1/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).isEqualTo("data: one");
                firstEventRead.countDown();
                assertThat(reader.readLine()).isEmpty();
                assertThat(reader.readLine()).isEqualTo("data: two");
            }
        }
    }
}
