package dev.vigil.metrics.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Builds OTLP requests for tests with the generated builders. */
final class OtlpRequests {

    /** 2024-01-01T00:00:00Z in nanoseconds. */
    static final long T0 = 1_704_067_200_000_000_000L;

    private OtlpRequests() {}

    /** A request with one resource ({@code service.name=checkout}, namespace shop, instance i-1, host.name h1), one scope. */
    static ExportMetricsServiceRequest request(Metric... metrics) {
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(resource(metrics)).build();
    }

    static ResourceMetrics resource(Metric... metrics) {
        return ResourceMetrics.newBuilder()
                .setResource(Resource.newBuilder()
                        .addAttributes(attr("service.name", "checkout"))
                        .addAttributes(attr("service.namespace", "shop"))
                        .addAttributes(attr("service.instance.id", "i-1"))
                        .addAttributes(attr("host.name", "h1")))
                .addScopeMetrics(ScopeMetrics.newBuilder()
                        .setScope(InstrumentationScope.newBuilder().setName("io.shop").setVersion("1.2"))
                        .addAllMetrics(java.util.List.of(metrics)))
                .build();
    }

    static KeyValue attr(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
