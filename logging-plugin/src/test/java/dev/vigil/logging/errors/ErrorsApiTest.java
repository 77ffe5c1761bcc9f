package dev.vigil.logging.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.testkit.TestKernel;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API over real HTTP, served by a plugin in a test kernel that tracks the errors the test records. */
class ErrorsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    TestKernel kernel;
    ErrorTracker tracker;

    /** Opens a tracker in its data folder on the platform's clock and serves it, as the logging plugin does. */
    static final class ErrorsPlugin implements Plugin {
        final AtomicReference<ErrorTracker> tracker = new AtomicReference<>();

        @Override
        public void start(PluginContext context) {
            ErrorTracker opened = ErrorTracker.open(context.dataDirectory().resolve("errors"), ErrorTrackingSettings.defaults(), context.clock());
            tracker.set(opened);
            new ErrorsApi(opened).register(context.routes());
        }

        @Override
        public void stop(PluginContext context) {
            tracker.get().close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        ErrorsPlugin plugin = new ErrorsPlugin();
        kernel = TestKernel.builder().plugin("errors", "1.0.0", () -> plugin).start();
        kernel.awaitState("errors", PluginState.ACTIVE, WAIT);
        tracker = plugin.tracker.get();
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    private static String trace(String method, String message) {
        return "java.lang.IllegalStateException: " + message + "\n\tat com.example.orders.OrderService." + method
                + "(OrderService.java:31)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\n";
    }

    private String occur(String method, String message, String service, String user) {
        kernel.clock().advance(Duration.ofSeconds(1));
        return tracker.record(ErrorRecords.record("java.lang.IllegalStateException", message, trace(method, message), kernel.clock().instant(),
                service, "enduser.id", user)).orElseThrow().id();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void listsIssuesWithFiltersSortingAndPages() throws Exception {
        String load = occur("load", "order 1 not found", "orders", "ada");
        occur("load", "order 2 not found", "orders", "bob");
        occur("load", "order 3 not found", "checkout", "bob");
        String cancel = occur("cancel", "order 4 cannot be cancelled", "orders", "ada");

        HttpResponse<String> all = kernel.get("/api/v1/errors");
        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode body = json(all);
        assertThat(body.path("status").asText()).isEqualTo("success");
        JsonNode data = body.path("data");
        assertThat(data.path("total").asInt()).isEqualTo(2);
        assertThat(data.path("page").asInt()).isEqualTo(1);
        assertThat(data.path("limit").asInt()).isEqualTo(100);
        JsonNode first = data.path("issues").get(0);
        assertThat(first.path("id").asText()).isEqualTo(cancel);
        assertThat(first.path("title").asText()).isEqualTo("IllegalStateException: order <num> cannot be cancelled");
        assertThat(first.has("sample")).isFalse();
        JsonNode second = data.path("issues").get(1);
        assertThat(second.path("id").asText()).isEqualTo(load);
        assertThat(second.path("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(second.path("culprit").asText()).isEqualTo("com.example.orders.OrderService.load");
        assertThat(second.path("status").asText()).isEqualTo("unresolved");
        assertThat(second.path("count").asLong()).isEqualTo(3);
        assertThat(second.path("users").path("count").asInt()).isEqualTo(2);
        assertThat(second.path("users").path("atLeast").asBoolean()).isFalse();
        assertThat(second.path("services").toString()).isEqualTo("[\"checkout\",\"orders\"]");
        assertThat(second.path("firstSeen").asText()).isEqualTo("2026-01-01T00:00:01Z");
        assertThat(second.path("lastSeen").asText()).isEqualTo("2026-01-01T00:00:03Z");

        assertThat(ids("/api/v1/errors?sort=count")).containsExactly(load, cancel);
        assertThat(ids("/api/v1/errors?sort=first_seen")).containsExactly(cancel, load);
        assertThat(ids("/api/v1/errors?service=checkout")).containsExactly(load);
        assertThat(ids("/api/v1/errors?query=CANCELLED")).containsExactly(cancel);
        assertThat(ids("/api/v1/errors?limit=1&page=2")).containsExactly(load);
        assertThat(ids("/api/v1/errors?status=resolved")).isEmpty();

        assertBadRequest("/api/v1/errors?sort=oldest", "invalid parameter \"sort\": 'oldest' is none of last_seen, count, first_seen");
        assertBadRequest("/api/v1/errors?status=open", "invalid parameter \"status\": 'open' is none of unresolved, resolved, ignored");
        assertBadRequest("/api/v1/errors?limit=0", "invalid parameter \"limit\": must be from 1 to 1000, got 0");
        assertBadRequest("/api/v1/errors?page=x", "invalid parameter \"page\": not a whole number: \"x\"");
    }

    @Test
    void oneIssueComesWithItsLatestOccurrence() throws Exception {
        occur("load", "order 1 not found", "orders", "ada");
        String id = occur("load", "order 2 not found", "checkout", "bob");

        HttpResponse<String> response = kernel.get("/api/v1/errors/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode issue = json(response).path("data");
        assertThat(issue.path("id").asText()).isEqualTo(id);
        JsonNode sample = issue.path("sample");
        assertThat(sample.path("time").asText()).isEqualTo("2026-01-01T00:00:02Z");
        assertThat(sample.path("severity").asText()).isEqualTo("error");
        assertThat(sample.path("service").asText()).isEqualTo("checkout");
        assertThat(sample.path("scope").asText()).isEqualTo("com.example.Handler");
        assertThat(sample.path("attributes").path("exception.message").asText()).isEqualTo("order 2 not found");
        assertThat(sample.path("attributes").path("exception.stacktrace").asText()).contains("OrderService.load");
        assertThat(sample.path("resource").path("service.name").asText()).isEqualTo("checkout");

        HttpResponse<String> missing = kernel.get("/api/v1/errors/0123456789abcdef");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).isEqualTo("no error issue 0123456789abcdef");
    }

    @Test
    void statusChangesNeedTheAdminTokenAndAResolvedIssueRegresses() throws Exception {
        String id = occur("load", "order 1 not found", "orders", "ada");

        HttpResponse<String> anonymous = kernel.post("/api/v1/errors/" + id + "/resolve", "");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(tracker.issue(id).orElseThrow().status()).isEqualTo(IssueStatus.UNRESOLVED);

        HttpResponse<String> resolved = kernel.postAsAdmin("/api/v1/errors/" + id + "/resolve");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(json(resolved).path("data").path("status").asText()).isEqualTo("resolved");
        assertThat(ids("/api/v1/errors?status=resolved")).containsExactly(id);

        occur("load", "order 2 not found", "orders", "ada");
        assertThat(json(kernel.get("/api/v1/errors/" + id)).path("data").path("status").asText()).isEqualTo("unresolved");

        assertThat(json(kernel.postAsAdmin("/api/v1/errors/" + id + "/ignore")).path("data").path("status").asText()).isEqualTo("ignored");
        assertThat(json(kernel.postAsAdmin("/api/v1/errors/" + id + "/unresolve")).path("data").path("status").asText()).isEqualTo("unresolved");
        assertThat(kernel.postAsAdmin("/api/v1/errors/0123456789abcdef/resolve").statusCode()).isEqualTo(404);
    }

    private java.util.List<String> ids(String path) throws Exception {
        HttpResponse<String> response = kernel.send(HttpRequest.newBuilder(kernel.uri().resolve(path)).GET());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        json(response).path("data").path("issues").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private void assertBadRequest(String path, String error) throws Exception {
        HttpResponse<String> response = kernel.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(json(response).path("status").asText()).isEqualTo("error");
        assertThat(json(response).path("error").asText()).isEqualTo(error);
    }
}
