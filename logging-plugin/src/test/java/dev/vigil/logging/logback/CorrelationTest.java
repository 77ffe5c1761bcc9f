package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.config.ByteSize;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.logging.Masker;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** Events logged inside an OpenTelemetry span carry its ids to every output. */
class CorrelationTest {

    private final Tracing tracing = new Tracing();

    @AfterEach
    void stopTracing() {
        tracing.close();
    }

    @Test
    void aLineLoggedInsideASpanCarriesItsIdsInTheConsoleTheJsonFileAndTheStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs").resolve("vigil.log");
        OutputSettings settings = OutputSettings.defaults()
                .withFile(new FileSettings(true, file, LogFormat.JSON, ByteSize.ofMebibytes(10), 7, ByteSize.ofMebibytes(100),
                        true));
        TestingSink sink = new TestingSink();
        try (Fixture f = new Fixture()) {
            f.outputs.setSink(sink);
            f.outputs.apply(settings, Masker.NONE);
            Logger log = f.logger("dev.vigil.test.Checkout");

            Span span = tracing.start("checkout");
            SpanContext ids = span.getSpanContext();
            assertThat(ids.isValid()).isTrue();
            Thread thread = Thread.currentThread();
            ClassLoader loader = thread.getContextClassLoader();
            try (Scope scope = span.makeCurrent();
                    URLClassLoader plugin = new URLClassLoader("plugin:orders", new URL[0], loader)) {
                thread.setContextClassLoader(plugin);
                MDC.put("tenant", "acme");
                log.atInfo().addKeyValue("order", "o-17").log("order placed");
            } finally {
                thread.setContextClassLoader(loader);
                MDC.remove("tenant");
                span.end();
            }
            log.info("outside any span");

            String line = f.stdoutLines().stream().filter(l -> l.contains("order placed")).findFirst().orElseThrow();
            assertThat(line).endsWith("order placed order=o-17 tenant=acme trace_id=" + ids.getTraceId() + " span_id="
                    + ids.getSpanId() + " plugin=orders");
            assertThat(f.stdoutLines()).filteredOn(l -> l.contains("outside any span")).singleElement()
                    .satisfies(l -> assertThat(l).doesNotContain("trace_id"));

            LogRecord stored = sink.await("order placed");
            assertThat(stored.traceId()).isEqualTo(ids.getTraceId());
            assertThat(stored.spanId()).isEqualTo(ids.getSpanId());
            assertThat(stored.attributes()).containsEntry("tenant", "acme").containsEntry("order", "o-17")
                    .containsEntry("vigil.plugin", "orders").doesNotContainKeys("trace_id", "span_id", "plugin");
            assertThat(sink.await("outside any span").traceId()).isEmpty();

            f.outputs.close();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(2);
            ObjectMapper json = new ObjectMapper();
            JsonNode inside = json.readTree(lines.get(0));
            assertThat(OffsetDateTime.parse(inside.get("@timestamp").asText()).toInstant())
                    .isEqualTo(stored.time());
            assertThat(inside.get("level").asText()).isEqualTo("INFO");
            assertThat(inside.get("logger_name").asText()).isEqualTo("dev.vigil.test.Checkout");
            assertThat(inside.get("thread_name").asText()).isEqualTo(thread.getName());
            assertThat(inside.get("message").asText()).isEqualTo("order placed");
            assertThat(inside.get("plugin").asText()).isEqualTo("orders");
            assertThat(inside.get("trace_id").asText()).isEqualTo(ids.getTraceId());
            assertThat(inside.get("span_id").asText()).isEqualTo(ids.getSpanId());
            assertThat(inside.get("tenant").asText()).isEqualTo("acme");
            assertThat(inside.get("order").asText()).isEqualTo("o-17");
            assertThat(json.readTree(lines.get(1)).has("trace_id")).isFalse();
        }
    }

    @Test
    void anInvalidSpanAddsNothingAndTheCallersOwnIdsStay() {
        try (Fixture f = new Fixture()) {
            f.outputs.apply(OutputSettings.defaults().withStore(new StoreOutputSettings(false, 1, "vigil", Duration.ZERO)),
                    Masker.NONE);
            try (Scope scope = Span.getInvalid().makeCurrent()) {
                MDC.put("trace_id", "from-the-caller");
                f.logger("a.B").info("no span");
            } finally {
                MDC.remove("trace_id");
            }
            assertThat(f.stdout()).contains("no span trace_id=from-the-caller").doesNotContain("span_id");
        }
    }
}
