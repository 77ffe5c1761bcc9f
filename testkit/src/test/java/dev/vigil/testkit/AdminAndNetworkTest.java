package dev.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.plugin.PluginState;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Admin routes demand the token; the server listens on loopback unless told otherwise. */
class AdminAndNetworkTest {

    @Test
    void adminRoutesAnswer401WithoutTheToken() throws Exception {
        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).start()) {
            for (String action : new String[] {"stop", "start", "reload"}) {
                assertThat(kernel.send(HttpRequest.newBuilder(kernel.uri().resolve("/api/v1/plugins/hello/" + action))
                        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as(action).isEqualTo(401);
                assertThat(kernel.send(HttpRequest.newBuilder(kernel.uri().resolve("/api/v1/plugins/hello/" + action))
                        .header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as(action).isEqualTo(401);
            }
            assertThat(kernel.status("hello").orElseThrow().state()).isEqualTo(PluginState.ACTIVE);
        }
    }

    @Test
    void adminCanStopStartAndReloadAPluginAndItsDependents() throws Exception {
        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).pluginJar(Examples.helloConsumer()).start()) {
            assertThat(kernel.postAsAdmin("/api/v1/plugins/hello/stop").statusCode()).isEqualTo(200);
            assertThat(kernel.status("hello").orElseThrow().state()).isEqualTo(PluginState.RESOLVED);
            assertThat(kernel.get("/api/v1/hello").statusCode()).isEqualTo(404);
            assertThat(kernel.get("/api/v1/hello-consumer").statusCode()).isEqualTo(404);
            assertThat(kernel.status("hello-consumer").orElseThrow().error()).isEqualTo("requires 'hello', which is stopped");

            assertThat(kernel.postAsAdmin("/api/v1/plugins/hello/start").statusCode()).isEqualTo(200);
            assertThat(kernel.get("/api/v1/hello").statusCode()).isEqualTo(200);
            assertThat(kernel.get("/api/v1/hello-consumer").statusCode()).isEqualTo(200);

            kernel.clock().advance(Duration.ofMinutes(1));
            assertThat(kernel.postAsAdmin("/api/v1/plugins/hello/reload").statusCode()).isEqualTo(200);
            assertThat(kernel.status("hello-consumer").orElseThrow().state()).isEqualTo(PluginState.ACTIVE);
            assertThat(kernel.get("/api/v1/hello-consumer").statusCode()).isEqualTo(200);

            assertThat(kernel.postAsAdmin("/api/v1/plugins/nope/stop").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void serverBindsToLoopbackByDefault() throws Exception {
        try (TestKernel kernel = TestKernel.builder().config("kernel: {}\n").start()) {
            assertThat(kernel.kernel().config().http().bind()).isEqualTo("127.0.0.1");
            assertThat(kernel.uri().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void pluginsServeTelemetryOnTheOtlpListenerWithoutTheToken() throws Exception {
        Plugin receiver = new Plugin() {
            @Override
            public void start(PluginContext context) {
                context.otlpRoutes().add(HttpMethod.POST, "/v1/metrics", RouteAccess.PUBLIC,
                        exchange -> exchange.text(200, "got " + exchange.body().length + " bytes"));
            }
        };
        try (TestKernel kernel = TestKernel.builder().plugin("receiver", "1.0.0", () -> receiver).start()) {
            assertThat(kernel.otlpUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(kernel.otlpUri().getPort()).isNotEqualTo(kernel.uri().getPort());
            HttpResponse<String> response = kernel.send(HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("abc")));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("got 3 bytes");
            // the API server does not serve it
            assertThat(kernel.post("/v1/metrics", "abc").statusCode()).isEqualTo(404);

            kernel.postAsAdmin("/api/v1/plugins/receiver/stop");
            assertThat(kernel.send(HttpRequest.newBuilder(kernel.otlpUri().resolve("/v1/metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("abc"))).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theOtlpListenerCanBeTurnedOff() throws Exception {
        try (TestKernel kernel = TestKernel.builder().config("kernel: {otlp: {enabled: false}}\n").start()) {
            assertThat(kernel.kernel().otlpUri()).isEmpty();
        }
    }

    @Test
    void livenessAndReadiness() throws Exception {
        try (TestKernel kernel = TestKernel.builder().pluginJar(Examples.hello()).start()) {
            assertThat(kernel.get("/health/live").statusCode()).isEqualTo(200);
            String ready = kernel.get("/health/ready").body();
            assertThat(ready).contains("\"status\":\"UP\"").contains("\"hello.greeting\"");
        }
    }
}
