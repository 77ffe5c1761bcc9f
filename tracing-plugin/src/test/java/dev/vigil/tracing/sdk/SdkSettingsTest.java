package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.kernel.config.ConfigMappers;
import dev.vigil.tracing.sdk.SdkSettings.Propagator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdkSettingsTest {

    /** Binds as the platform binds its configuration file: YAML into a tree, then the kernel's strict mapper. */
    static SdkSettings bind(String yaml) throws Exception {
        return ConfigMappers.strict().treeToValue(new YAMLMapper().readTree(yaml), SdkSettings.class);
    }

    @Test
    void defaults() throws Exception {
        SdkSettings d = SdkSettings.defaults();
        assertThat(d.serviceName()).isEqualTo("vigil");
        assertThat(d.resourceAttributes()).isEmpty();
        assertThat(d.sampler()).isEqualTo(SamplerSettings.of(SamplerSettings.Type.PARENTBASED_ALWAYS_ON));
        assertThat(d.batch()).isEqualTo(new BatchSettings(2048, 512, Duration.ofSeconds(5), Duration.ofSeconds(30)));
        assertThat(d.exporters()).containsExactly(new ExporterSettings.Store());
        assertThat(d.propagators()).containsExactly(Propagator.TRACECONTEXT, Propagator.BAGGAGE);
        assertThat(bind("{}")).isEqualTo(d);
    }

    @Test
    void bindsEveryKey() throws Exception {
        SdkSettings s = bind("""
                serviceName: vigil-eu
                resourceAttributes:
                  deployment.environment.name: prod
                  host.cores: 8
                sampler: {type: parentbased_traceidratio, ratio: 0.25}
                batch: {maxQueueSize: 100, maxExportBatchSize: 10, scheduleDelay: 250ms, exportTimeout: 2s}
                exporters:
                  - type: store
                  - type: otlp
                    endpoint: https://collector.example:4318/v1/traces
                    headers: {Authorization: Bearer abc}
                    compression: gzip
                    timeout: 3s
                  - type: zipkin
                    endpoint: http://zipkin.example:9411/api/v2/spans
                    timeout: 1s
                  - type: logging
                propagators: [tracecontext, baggage, b3multi]
                """);
        assertThat(s).isEqualTo(new SdkSettings("vigil-eu", Map.of("deployment.environment.name", "prod", "host.cores", "8"),
                SamplerSettings.ratio(true, 0.25), new BatchSettings(100, 10, Duration.ofMillis(250), Duration.ofSeconds(2)),
                List.of(new ExporterSettings.Store(),
                        new ExporterSettings.Otlp(URI.create("https://collector.example:4318/v1/traces"), Map.of("Authorization", "Bearer abc"),
                                true, Duration.ofSeconds(3)),
                        new ExporterSettings.Zipkin(URI.create("http://zipkin.example:9411/api/v2/spans"), Duration.ofSeconds(1)),
                        new ExporterSettings.Logging()),
                List.of(Propagator.TRACECONTEXT, Propagator.BAGGAGE, Propagator.B3MULTI)));
    }

    @Test
    void exportersKeepTheirDefaults() throws Exception {
        SdkSettings s = bind("exporters: [{type: otlp}, {type: zipkin}]");
        assertThat(s.exporters()).containsExactly(
                new ExporterSettings.Otlp(URI.create("http://localhost:4318/v1/traces"), Map.of(), false, Duration.ofSeconds(10)),
                new ExporterSettings.Zipkin(URI.create("http://localhost:9411/api/v2/spans"), Duration.ofSeconds(10)));
        assertThat(bind("exporters: []").exporters()).isEmpty();
        assertThat(bind("propagators: []").propagators()).isEmpty();
    }

    @Test
    void samplerIsWrittenByNameOrAsAMapping() throws Exception {
        assertThat(bind("sampler: always_off").sampler()).isEqualTo(SamplerSettings.of(SamplerSettings.Type.ALWAYS_OFF));
        assertThat(bind("sampler: {type: traceidratio, ratio: 0.1}").sampler()).isEqualTo(SamplerSettings.ratio(false, 0.1));
        assertThat(bind("sampler: {type: traceidratio}").sampler()).isEqualTo(SamplerSettings.ratio(false, 1.0));
        assertThat(bind("sampler: {type: ratelimiting, spansPerSecond: 50}").sampler())
                .isEqualTo(SamplerSettings.rateLimiting(false, 50));
        assertThat(bind("sampler: {type: parentbased_ratelimiting, spansPerSecond: 0.5}").sampler())
                .isEqualTo(SamplerSettings.rateLimiting(true, 0.5));
        for (SamplerSettings.Type type : SamplerSettings.Type.values()) {
            if (!type.usesRate()) {
                assertThat(bind("sampler: " + type.configName()).sampler().type()).isEqualTo(type);
            }
        }
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertRefused("unknown: 1", "unknown");
        assertRefused("serviceName: ' '", "serviceName must not be empty");
        assertRefused("resourceAttributes: {service.name: x}", "resourceAttributes must not set service.name");
        assertRefused("sampler: sometimes", "type must be one of always_on, always_off, traceidratio");
        assertRefused("sampler: {type: traceidratio, ratio: 1.5}", "ratio must be from 0 to 1, got 1.5");
        assertRefused("sampler: {type: always_on, ratio: 0.5}", "ratio applies only to the traceidratio samplers");
        assertRefused("sampler: {type: ratelimiting}", "spansPerSecond is required for the ratelimiting sampler");
        assertRefused("sampler: ratelimiting", "spansPerSecond must be above 0");
        assertRefused("sampler: {type: ratelimiting, spansPerSecond: 0}", "spansPerSecond must be above 0");
        assertRefused("sampler: {type: traceidratio, spansPerSecond: 3}", "spansPerSecond applies only to the ratelimiting samplers");
        assertRefused("sampler: {type: always_on, rate: 3}", "rate");
        assertRefused("batch: {maxQueueSize: 0}", "maxQueueSize must be positive and at most 16777216, got 0");
        assertRefused("batch: {maxQueueSize: 16777217}", "maxQueueSize must be positive and at most 16777216, got 16777217");
        assertRefused("batch: {maxQueueSize: 10, maxExportBatchSize: 11}", "maxExportBatchSize must be positive and at most maxQueueSize (10), got 11");
        assertRefused("batch: {scheduleDelay: 0s}", "scheduleDelay must be at least 1ms");
        assertRefused("batch: {exportTimeout: 0s}", "exportTimeout must be at least 1ms");
        assertRefused("exporters: [{endpoint: 'http://x'}]", "type is required");
        assertRefused("exporters: [{type: jaeger}]", "type must be one of otlp, zipkin, logging, store, got 'jaeger'");
        assertRefused("exporters: [{type: otlp, endpoint: 'localhost:4318'}]", "endpoint must be an http or https URL with a host");
        assertRefused("exporters: [{type: otlp, endpoint: 'http://a b'}]", "endpoint is not a URL");
        assertRefused("exporters: [{type: otlp, compression: zstd}]", "compression must be gzip or none, got 'zstd'");
        assertRefused("exporters: [{type: otlp, timeout: 0s}]", "timeout must be at least 1ms");
        assertRefused("exporters: [{type: otlp, protocol: grpc}]", "protocol");
        assertRefused("exporters: [{type: zipkin, headers: {a: b}}]", "headers does not apply to the zipkin exporter");
        assertRefused("exporters: [{type: store, endpoint: 'http://x'}]", "endpoint does not apply to the store exporter");
        assertRefused("exporters: [{type: logging, timeout: 1s}]", "timeout does not apply to the logging exporter");
        assertRefused("propagators: [jaeger]", "propagators must name some of tracecontext, baggage, b3, b3multi, got 'jaeger'");
        assertRefused("propagators: [baggage, baggage]", "propagators must not name one twice");
        assertRefused("propagators: [b3, b3multi]", "b3 or b3multi, not both");
    }

    @Test
    void headerValuesStayOutOfToString() {
        ExporterSettings.Otlp otlp = new ExporterSettings.Otlp(ExporterSettings.Otlp.DEFAULT_ENDPOINT, Map.of("Authorization", "Bearer secret"),
                false, Duration.ofSeconds(1));
        assertThat(otlp.toString()).contains("Authorization").doesNotContain("secret");
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> bind(yaml)).as(yaml).satisfies(e -> assertThat(messages(e)).contains(message));
    }

    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append('\n');
        }
        return out.toString();
    }
}
