package dev.vigil.tracing.zipkin;

import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.testkit.TestKernel;
import dev.vigil.testkit.TestingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** A real kernel serving {@link ZipkinApi} over an {@link InMemoryTraces}, its clock at {@link #NOW}. */
final class ZipkinServer implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final InMemoryTraces store = new InMemoryTraces();
    final TestKernel kernel;

    ZipkinServer(ZipkinSettings settings) throws Exception {
        Plugin plugin = new Plugin() {
            @Override
            public void start(PluginContext context) {
                new ZipkinApi(store, store, settings, context.clock(), new SimpleMeterRegistry()).register(context.routes());
            }
        };
        kernel = TestKernel.builder().clock(new TestingClock(NOW)).plugin("zipkin", "1.0.0", () -> plugin).start();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return kernel.send(HttpRequest.newBuilder(kernel.uri().resolve(pathAndQuery)).GET());
    }

    /** {@code POST /api/v2/spans} without credentials, as a tracer sends it. */
    HttpResponse<String> post(byte[] body, String contentType, String contentEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(kernel.uri().resolve("/api/v2/spans"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return kernel.send(request);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
