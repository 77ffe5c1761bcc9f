package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OpenTelemetry} that always stands for the SDK built from the current settings: the tracers and
 * propagators it hands out follow each swap, so that whoever took them from the service registry never holds a
 * provider that was shut down. Meters and logs are not part of it (the platform has its own); they are no-ops.
 *
 * <p>A tracer resolves its SDK tracer once per SDK and keeps it until the next swap: a span costs two volatile reads
 * more than with the SDK's tracer. Thread-safe.
 */
final class SwappableOpenTelemetry implements OpenTelemetry {

    private volatile OpenTelemetry current;
    private final TracerProvider tracerProvider = new SwappableTracerProvider();
    private final ContextPropagators propagators = new SwappablePropagators();
    private final Map<Scope, SwappableTracer> tracers = new ConcurrentHashMap<>();

    SwappableOpenTelemetry(OpenTelemetry initial) {
        this.current = requireNonNull(initial, "initial is null");
    }

    /** Makes {@code next} the SDK behind every tracer and propagator handed out; returns the one it replaces. */
    OpenTelemetry swap(OpenTelemetry next) {
        OpenTelemetry previous = current;
        current = requireNonNull(next, "next is null");
        return previous;
    }

    /** The SDK behind it now. */
    OpenTelemetry current() {
        return current;
    }

    @Override
    public TracerProvider getTracerProvider() {
        return tracerProvider;
    }

    @Override
    public ContextPropagators getPropagators() {
        return propagators;
    }

    @Override
    public String toString() {
        return "PlatformOpenTelemetry{" + current + "}";
    }

    /** An instrumentation scope: the name, version and schema URL a tracer is asked for with. */
    private record Scope(String name, @Nullable String version, @Nullable String schemaUrl) {}

    private SwappableTracer tracer(Scope scope) {
        return tracers.computeIfAbsent(scope, SwappableTracer::new);
    }

    private final class SwappableTracerProvider implements TracerProvider {
        @Override
        public Tracer get(String instrumentationScopeName) {
            return tracer(new Scope(instrumentationScopeName, null, null));
        }

        @Override
        public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
            return tracer(new Scope(instrumentationScopeName, instrumentationScopeVersion, null));
        }

        @Override
        public TracerBuilder tracerBuilder(String instrumentationScopeName) {
            return new SwappableTracerBuilder(instrumentationScopeName);
        }
    }

    private final class SwappableTracerBuilder implements TracerBuilder {
        private final String name;
        private @Nullable String version;
        private @Nullable String schemaUrl;

        SwappableTracerBuilder(String name) {
            this.name = name;
        }

        @Override
        public TracerBuilder setSchemaUrl(String schemaUrl) {
            this.schemaUrl = schemaUrl;
            return this;
        }

        @Override
        public TracerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
            this.version = instrumentationScopeVersion;
            return this;
        }

        @Override
        public Tracer build() {
            return tracer(new Scope(name, version, schemaUrl));
        }
    }

    /** The SDK tracer of one scope, looked up again when the SDK behind it changes. */
    private final class SwappableTracer implements Tracer {
        private final Scope scope;
        private volatile Bound bound;

        SwappableTracer(Scope scope) {
            this.scope = scope;
            this.bound = bind(current);
        }

        @Override
        public SpanBuilder spanBuilder(String spanName) {
            return delegate().spanBuilder(spanName);
        }

        @Override
        public boolean isEnabled() {
            return delegate().isEnabled();
        }

        private Tracer delegate() {
            OpenTelemetry sdk = current;
            Bound b = bound;
            if (b.sdk() != sdk) {
                b = bind(sdk);
                bound = b;
            }
            return b.tracer();
        }

        private Bound bind(OpenTelemetry sdk) {
            TracerBuilder builder = sdk.getTracerProvider().tracerBuilder(scope.name());
            if (scope.version() != null) {
                builder.setInstrumentationVersion(scope.version());
            }
            if (scope.schemaUrl() != null) {
                builder.setSchemaUrl(scope.schemaUrl());
            }
            return new Bound(sdk, builder.build());
        }

        @Override
        public String toString() {
            return "Tracer{" + scope + "}";
        }
    }

    private record Bound(OpenTelemetry sdk, Tracer tracer) {}

    private final class SwappablePropagators implements ContextPropagators {
        private final TextMapPropagator textMap = new TextMapPropagator() {
            @Override
            public Collection<String> fields() {
                return current.getPropagators().getTextMapPropagator().fields();
            }

            @Override
            public <C> void inject(Context context, @Nullable C carrier, TextMapSetter<C> setter) {
                current.getPropagators().getTextMapPropagator().inject(context, carrier, setter);
            }

            @Override
            public <C> Context extract(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
                return current.getPropagators().getTextMapPropagator().extract(context, carrier, getter);
            }

            @Override
            public String toString() {
                return current.getPropagators().getTextMapPropagator().toString();
            }
        };

        @Override
        public TextMapPropagator getTextMapPropagator() {
            return textMap;
        }
    }
}
