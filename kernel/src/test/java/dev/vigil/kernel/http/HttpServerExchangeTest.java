package dev.vigil.kernel.http;

import static dev.vigil.kernel.http.TestClient.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.http.RouteAccess;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpServerExchangeTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger dispatcherLogger = (Logger) LoggerFactory.getLogger(Dispatcher.class);
    private HttpServer server;
    private TestClient client;

    record Item(String name, int count) {
    }

    @BeforeEach
    void start() {
        server = TestServers.start();
        client = new TestClient(server.baseUri());
        log.start();
        dispatcherLogger.addAppender(log);
    }

    @AfterEach
    void stop() {
        dispatcherLogger.detachAppender(log);
        server.close();
    }

    private void route(HttpMethod method, String path, HttpHandler handler) {
        server.routes().add("test-plugin", TestServers.kernelLoader(), method, path, RouteAccess.PUBLIC, handler);
    }

    @Test
    void failingHandlerAnswers500WithoutItsMessageAndLogsOwnerMethodAndPath() {
        route(HttpMethod.GET, "/boom/{id}", exchange -> {
            exchange.responseHeader("X-Partial", "yes");
            exchange.text(200, "half");
            throw new IllegalStateException("database password is hunter2");
        });

        HttpResponse<String> response = client.get("/boom/7");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(errorOf(response)).isEqualTo("internal error");
        assertThat(response.body()).doesNotContain("hunter2");
        assertThat(response.headers().firstValue("X-Partial")).isEmpty();
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("test-plugin", "GET", "/boom/7");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("database password is hunter2");
        });
    }

    @Test
    void httpStatusExceptionBecomesItsStatusAndReason() {
        route(HttpMethod.GET, "/items/{id}", exchange -> {
            throw HttpStatusException.notFound("no item " + exchange.pathParam("id"));
        });
        route(HttpMethod.GET, "/conflict", exchange -> {
            throw new HttpStatusException(409, "already running");
        });

        HttpResponse<String> missing = client.get("/items/42");
        HttpResponse<String> conflict = client.get("/conflict");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(errorOf(missing)).isEqualTo("no item 42");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(errorOf(conflict)).isEqualTo("already running");
        assertThat(log.list).isEmpty();
    }

    @Test
    void bindsJsonBodiesAndWritesJson() {
        route(HttpMethod.POST, "/items", exchange -> {
            Item item = exchange.bodyAs(Item.class);
            exchange.json(201, Map.of("name", item.name(), "doubled", item.count() * 2));
        });

        HttpResponse<String> response =
                client.send("POST", "/items", BodyPublishers.ofString("{\"name\":\"disk\",\"count\":21}"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(TestClient.json(response).get("doubled").asInt()).isEqualTo(42);
    }

    @Test
    void malformedJsonAnswers400WithLineAndColumn() {
        route(HttpMethod.POST, "/items", exchange -> exchange.json(200, exchange.bodyAs(Item.class)));

        HttpResponse<String> malformed = client.send("POST", "/items", BodyPublishers.ofString("{\n  \"name\": }"));
        HttpResponse<String> wrongType =
                client.send("POST", "/items", BodyPublishers.ofString("{\"name\":\"a\",\"count\":\"many\"}"));
        HttpResponse<String> empty = client.send("POST", "/items", BodyPublishers.noBody());

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(errorOf(malformed)).startsWith("malformed JSON at line 2, column 11: Unexpected character");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(errorOf(wrongType)).startsWith("invalid JSON at line 1, column ");
        assertThat(errorOf(empty)).isEqualTo("request body is empty; expected JSON");
        assertThat(log.list).isEmpty();
    }

    @Test
    void queryAndFormParametersAreBothAvailable() {
        route(HttpMethod.POST, "/search", exchange -> exchange.json(200, Map.of(
                "q", exchange.queryParam("q").orElse("-"),
                "tags", exchange.queryParams("tag"),
                "missing", exchange.queryParam("missing").isPresent())));

        HttpResponse<String> response = client.send(client.request("/search?q=up%7Bjob%3D%22api%22%7D&tag=a")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(BodyPublishers.ofString("tag=b+c&tag=d%26e&empty")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(response).get("q").asText()).isEqualTo("up{job=\"api\"}");
        assertThat(TestClient.json(response).get("tags")).extracting(node -> node.asText())
                .containsExactly("a", "b c", "d&e");
        assertThat(TestClient.json(response).get("missing").asBoolean()).isFalse();
    }

    @Test
    void malformedQueryStringAnswers400() {
        route(HttpMethod.GET, "/search", exchange -> exchange.text(200, exchange.queryParam("q").orElse("")));

        TestClient.RawResponse response = client.rawGet("/search?q=%zz");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"status\":\"error\",\"error\":\"malformed query string\"}");
    }

    @Test
    void headersAreCaseInsensitiveAndTextIsUtf8() {
        route(HttpMethod.GET, "/echo", exchange -> exchange
                .responseHeader("X-Echo", exchange.header("x-request-id").orElse("none"))
                .text(200, "héllo " + exchange.header("X-REQUEST-ID").orElse("none") + " " + exchange.method()));

        HttpResponse<String> response = client.send(client.request("/echo").header("X-Request-Id", "r-1"));

        assertThat(response.body()).isEqualTo("héllo r-1 GET");
        assertThat(response.headers().firstValue("X-Echo")).hasValue("r-1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase(Locale.ROOT).replace(" ", ""))
                        .isEqualTo("text/plain;charset=utf-8"));
    }

    @Test
    void unknownPathParameterIsAHandlerBug() {
        route(HttpMethod.GET, "/items/{id}", exchange -> exchange.text(200, exchange.pathParam("name")));

        HttpResponse<String> response = client.get("/items/1");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR);
    }

    @Test
    void respondsWithRawBytesAndStatus() {
        route(HttpMethod.PUT, "/raw", exchange -> exchange.respond(202, "application/octet-stream", new byte[] {1, 2, 3}));

        HttpResponse<String> response = client.send("PUT", "/raw", BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("3");
        assertThat(response.body()).hasSize(3);
    }
}
