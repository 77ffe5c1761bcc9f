package dev.vigil.kernel.http;

import static dev.vigil.kernel.http.TestClient.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.Registration;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerRoutingTest {

    private HttpServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        server = TestServers.start();
        client = new TestClient(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Registration get(String owner, String path) {
        return server.routes().add(owner, TestServers.kernelLoader(), HttpMethod.GET, path, RouteAccess.PUBLIC,
                exchange -> exchange.text(200, owner + " " + exchange.path()));
    }

    @Test
    void servesRoutesAddedBeforeAndAfterStart() {
        HttpServer notStarted = TestServers.create(TestServers.settings());
        notStarted.routes().add("kernel", TestServers.kernelLoader(), HttpMethod.GET, "/", RouteAccess.PUBLIC,
                exchange -> exchange.text(200, "root"));
        notStarted.start();
        try {
            TestClient early = new TestClient(notStarted.baseUri());
            assertThat(early.get("/").body()).isEqualTo("root");
            notStarted.routes().add("late", TestServers.kernelLoader(), HttpMethod.GET, "/late", RouteAccess.PUBLIC,
                    exchange -> exchange.text(200, "late"));
            assertThat(early.get("/late").body()).isEqualTo("late");
        } finally {
            notStarted.close();
        }
    }

    @Test
    void passesDecodedPathParameters() {
        server.routes().add("plugins", TestServers.kernelLoader(), HttpMethod.GET, "/api/v1/plugins/{id}/{action}",
                RouteAccess.PUBLIC,
                exchange -> exchange.text(200, exchange.pathParam("id") + "|" + exchange.pathParam("action")));

        HttpResponse<String> response = client.get("/api/v1/plugins/hello%20world%2Fx/stop");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello world/x|stop");
    }

    @Test
    void literalSegmentWinsOverParameter() {
        get("by-id", "/api/v1/plugins/{id}");
        get("installed", "/api/v1/plugins/installed");

        assertThat(client.get("/api/v1/plugins/installed").body()).isEqualTo("installed /api/v1/plugins/installed");
        assertThat(client.get("/api/v1/plugins/other").body()).isEqualTo("by-id /api/v1/plugins/other");
    }

    @Test
    void ignoresTrailingSlashesAndServesTheRoot() {
        get("kernel", "/");
        get("health", "/health/live/");

        assertThat(client.get("/").body()).isEqualTo("kernel /");
        assertThat(client.get("/health/live").body()).isEqualTo("health /health/live");
        assertThat(client.get("/health/live/").body()).isEqualTo("health /health/live/");
    }

    @Test
    void answersUnknownPathsWith404() {
        get("a", "/known");

        HttpResponse<String> deep = client.get("/x/y/z");
        HttpResponse<String> root = client.send("DELETE", "/");

        assertThat(deep.statusCode()).isEqualTo(404);
        assertThat(errorOf(deep)).isEqualTo("no route for GET /x/y/z");
        assertThat(root.statusCode()).isEqualTo(404);
        assertThat(errorOf(root)).isEqualTo("no route for DELETE /");
    }

    @Test
    void answersAnotherMethodOnAKnownPathWith405AndAllow() {
        get("a", "/items/{id}");
        server.routes().add("a", TestServers.kernelLoader(), HttpMethod.DELETE, "/items/{id}", RouteAccess.ADMIN,
                exchange -> exchange.text(200, "deleted"));

        HttpResponse<String> post = client.send("POST", "/items/1");
        HttpResponse<String> unknownMethod = client.send("FROB", "/items/1");
        HttpResponse<String> trace = client.send("TRACE", "/items/1");

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD, DELETE, OPTIONS");
        assertThat(errorOf(post)).startsWith("method POST not allowed for /items/1");
        assertThat(unknownMethod.statusCode()).isEqualTo(405);
        assertThat(errorOf(unknownMethod)).startsWith("method FROB not allowed");
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(client.send("FROB", "/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void answersOptionsWithAllow() {
        get("a", "/items");

        HttpResponse<String> options = client.send("OPTIONS", "/items");

        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(client.send("OPTIONS", "/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void answersHeadLikeGetWithoutBody() {
        get("a", "/page");

        HttpResponse<String> getResponse = client.get("/page");
        HttpResponse<String> head = client.send("HEAD", "/page");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(getResponse.body().length()));
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(getResponse.headers().firstValue("Content-Type"));
    }

    @Test
    void removedRouteAnswers404() {
        Registration registration = get("plugin", "/temporary");
        assertThat(client.get("/temporary").statusCode()).isEqualTo(200);

        registration.close();
        registration.close();

        HttpResponse<String> after = client.get("/temporary");
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(errorOf(after)).isEqualTo("no route for GET /temporary");
        get("replacement", "/temporary");
        assertThat(client.get("/temporary").body()).isEqualTo("replacement /temporary");
    }

    @Test
    void dotSegmentsNeverReachAParameter() {
        get("a", "/files/{name}");
        get("a", "/b");

        HttpResponse<String> encoded = client.get("/files/%2e%2E");
        TestClient.RawResponse raw = client.rawGet("/files/../b");

        assertThat(encoded.statusCode()).isEqualTo(400);
        assertThat(errorOf(encoded)).isEqualTo("malformed path");
        assertThat(raw.status()).isEqualTo(400);
    }

    @Test
    void requestsJettyRefusesGetAJsonErrorToo() {
        HttpResponse<String> badUtf8 = client.get("/files/%C3");
        TestClient.RawResponse badRequestLine = client.rawGet("/a b");

        assertThat(badUtf8.statusCode()).isEqualTo(400);
        assertThat(errorOf(badUtf8)).isEqualTo("bad UTF-8 encoding");
        assertThat(badRequestLine.status()).isEqualTo(400);
        assertThat(badRequestLine.body()).startsWith("{\"status\":\"error\",\"error\":\"");
    }

    @Test
    void reportsActualPortAndBaseUri() {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    }
}
