package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The platform's OpenTelemetry SDK: the {@code sdk} section of the tracing plugin. Every key is optional.
 *
 * <pre>{@code
 * serviceName: vigil
 * resourceAttributes: {deployment.environment.name: prod}
 * sampler: {type: parentbased_traceidratio, ratio: 0.25}
 * batch: {maxQueueSize: 2048, maxExportBatchSize: 512, scheduleDelay: 5s, exportTimeout: 30s}
 * exporters:
 *   - type: store
 *   - type: otlp
 *     endpoint: https://collector.example:4318/v1/traces
 *     headers: {Authorization: "Bearer ${OTLP_TOKEN}"}
 *     compression: gzip
 *     timeout: 10s
 *   - type: zipkin
 *     endpoint: http://zipkin.example:9411/api/v2/spans
 * propagators: [tracecontext, baggage]
 * }</pre>
 *
 * @param serviceName the resource's {@code service.name} (default {@code vigil})
 * @param resourceAttributes further resource attributes, such as {@code deployment.environment.name}; not
 *     {@code service.name}, which {@code serviceName} sets
 * @param sampler which spans are kept (default {@code parentbased_always_on})
 * @param batch how spans are queued and batched, for each exporter
 * @param exporters where kept spans go (default the platform's own store only); with an empty list no span is
 *     recorded at all, though incoming trace context is still passed on to outgoing requests
 * @param propagators how trace context travels in request headers, in order (default {@code tracecontext} and
 *     {@code baggage}); an empty list propagates nothing
 */
public record SdkSettings(String serviceName, Map<String, String> resourceAttributes, SamplerSettings sampler,
        BatchSettings batch, List<ExporterSettings> exporters, List<Propagator> propagators) {

    private static final SdkSettings DEFAULTS = new SdkSettings("vigil", Map.of(), SamplerSettings.defaults(),
            BatchSettings.defaults(), List.of(new ExporterSettings.Store()), List.of(Propagator.TRACECONTEXT, Propagator.BAGGAGE));

    /** The formats trace context and baggage travel in. */
    public enum Propagator {
        /** W3C Trace Context: {@code traceparent} and {@code tracestate}. */
        TRACECONTEXT("tracecontext"),
        /** W3C Baggage: {@code baggage}. */
        BAGGAGE("baggage"),
        /** Zipkin's B3 in one {@code b3} header (either form is read). */
        B3("b3"),
        /** Zipkin's B3 in {@code X-B3-*} headers (either form is read). */
        B3MULTI("b3multi");

        private final String configName;

        Propagator(String configName) {
            this.configName = configName;
        }

        /** The name written in the settings. */
        public String configName() {
            return configName;
        }

        /**
         * The propagator written {@code name} in the settings.
         *
         * @throws IllegalArgumentException naming the propagators there are
         */
        public static Propagator of(String name) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (Propagator p : values()) {
                if (p.configName.equals(wanted)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("propagators must name some of "
                    + Arrays.stream(values()).map(Propagator::configName).collect(Collectors.joining(", ")) + ", got '" + name + "'");
        }
    }

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException naming the key and the value
     */
    public SdkSettings {
        requireNonNull(serviceName, "serviceName is null");
        requireNonNull(sampler, "sampler is null");
        requireNonNull(batch, "batch is null");
        resourceAttributes = Map.copyOf(resourceAttributes);
        exporters = List.copyOf(exporters);
        propagators = List.copyOf(propagators);
        if (serviceName.isBlank()) {
            throw new IllegalArgumentException("serviceName must not be empty");
        }
        if (resourceAttributes.containsKey("service.name")) {
            throw new IllegalArgumentException("resourceAttributes must not set service.name: serviceName sets it");
        }
        for (String key : resourceAttributes.keySet()) {
            if (key.isBlank()) {
                throw new IllegalArgumentException("resourceAttributes must not have an empty name");
            }
        }
        if (new HashSet<>(propagators).size() != propagators.size()) {
            throw new IllegalArgumentException("propagators must not name one twice, got " + propagators);
        }
        if (propagators.contains(Propagator.B3) && propagators.contains(Propagator.B3MULTI)) {
            throw new IllegalArgumentException("propagators may name b3 or b3multi, not both: each reads both forms");
        }
    }

    /** Service {@code vigil}, {@code parentbased_always_on}, OpenTelemetry's batching, the store, W3C propagation. */
    public static SdkSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with {@code sampler} instead. */
    public SdkSettings withSampler(SamplerSettings sampler) {
        return new SdkSettings(serviceName, resourceAttributes, sampler, batch, exporters, propagators);
    }

    /** These settings with {@code batch} instead. */
    public SdkSettings withBatch(BatchSettings batch) {
        return new SdkSettings(serviceName, resourceAttributes, sampler, batch, exporters, propagators);
    }

    /** These settings with {@code exporters} instead. */
    public SdkSettings withExporters(List<ExporterSettings> exporters) {
        return new SdkSettings(serviceName, resourceAttributes, sampler, batch, exporters, propagators);
    }

    /** These settings with {@code propagators} instead. */
    public SdkSettings withPropagators(List<Propagator> propagators) {
        return new SdkSettings(serviceName, resourceAttributes, sampler, batch, exporters, propagators);
    }

    @JsonCreator
    private static SdkSettings fromConfig(@JsonProperty("serviceName") @Nullable String serviceName,
            @JsonProperty("resourceAttributes") @Nullable Map<String, String> resourceAttributes,
            @JsonProperty("sampler") @Nullable SamplerSettings sampler,
            @JsonProperty("batch") @Nullable BatchSettings batch,
            @JsonProperty("exporters") @Nullable List<ExporterSettings> exporters,
            @JsonProperty("propagators") @Nullable List<String> propagators) {
        List<Propagator> parsed = DEFAULTS.propagators;
        if (propagators != null) {
            parsed = new ArrayList<>();
            for (String name : propagators) {
                parsed.add(Propagator.of(name));
            }
        }
        return new SdkSettings(requireNonNullElse(serviceName, DEFAULTS.serviceName),
                requireNonNullElse(resourceAttributes, DEFAULTS.resourceAttributes),
                requireNonNullElse(sampler, DEFAULTS.sampler),
                requireNonNullElse(batch, DEFAULTS.batch),
                requireNonNullElse(exporters, DEFAULTS.exporters),
                parsed);
    }
}
