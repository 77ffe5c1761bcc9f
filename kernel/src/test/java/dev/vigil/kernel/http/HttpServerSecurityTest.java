package dev.vigil.kernel.http;

import static dev.vigil.kernel.http.TestClient.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerSecurityTest {

    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = TestServers.start();
        client = new TestClient(server.baseUri());
        server.routes().add("plugins", TestServers.kernelLoader(), HttpMethod.POST, "/api/v1/plugins/{id}/stop",
                RouteAccess.ADMIN, exchange -> {
                    calls.incrementAndGet();
                    exchange.text(200, "stopped " + exchange.pathParam("id"));
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void adminRouteWithoutTokenAnswers401() {
        HttpResponse<String> response = client.send("POST", "/api/v1/plugins/hello/stop");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"vigil\"");
        assertThat(errorOf(response)).isEqualTo("admin token required");
        assertThat(calls).hasValue(0);
    }

    @Test
    void adminRouteWithAnotherSchemeAnswers401TokenRequired() {
        HttpResponse<String> response = client.send(client.request("/api/v1/plugins/hello/stop")
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorOf(response)).isEqualTo("admin token required");
    }

    @Test
    void adminRouteWithWrongTokenAnswers401() {
        HttpResponse<String> response = client.send(client.request("/api/v1/plugins/hello/stop")
                .header("Authorization", "Bearer not-the-token")
                .POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"vigil\"");
        assertThat(errorOf(response)).isEqualTo("invalid admin token");
        assertThat(calls).hasValue(0);
    }

    @Test
    void adminRouteWithTheTokenIsServed() {
        HttpResponse<String> response = client.send(client.request("/api/v1/plugins/hello/stop")
                .header("authorization", "Bearer " + TestServers.TOKEN)
                .POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("stopped hello");
        assertThat(calls).hasValue(1);
    }

    @Test
    void publicPostNeedsNoToken() {
        server.routes().add("otlp", TestServers.kernelLoader(), HttpMethod.POST, "/v1/metrics", RouteAccess.PUBLIC,
                exchange -> exchange.text(200, "accepted " + exchange.bodyAsString()));

        HttpResponse<String> response = client.send("POST", "/v1/metrics", BodyPublishers.ofString("data"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("accepted data");
    }

    @Test
    void adminGetRouteNeedsTheTokenToo() {
        server.routes().add("config", TestServers.kernelLoader(), HttpMethod.GET, "/api/v1/config", RouteAccess.ADMIN,
                exchange -> exchange.text(200, "secret config"));

        assertThat(client.get("/api/v1/config").statusCode()).isEqualTo(401);
        assertThat(client.send("HEAD", "/api/v1/config").statusCode()).isEqualTo(401);
        assertThat(client.send(client.request("/api/v1/config").header("Authorization", "Bearer " + TestServers.TOKEN))
                .body()).isEqualTo("secret config");
    }
}
