package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which spans are recorded and exported: the {@code sampler} key of the SDK settings. Written either as the type alone
 * ({@code sampler: always_on}) or as a mapping ({@code sampler: {type: traceidratio, ratio: 0.1}}).
 *
 * @param type the sampler
 * @param ratio the share of traces kept by the {@code traceidratio} samplers, from 0 to 1 (default 1); refused for
 *     other types
 * @param spansPerSecond the most root spans per second kept by the {@code ratelimiting} samplers, required for them and
 *     refused for other types
 */
public record SamplerSettings(Type type, double ratio, double spansPerSecond) {

    /** The most {@code spansPerSecond}: beyond it a span would be granted less than a nanosecond. */
    public static final double MAX_SPANS_PER_SECOND = 1_000_000;

    private static final SamplerSettings DEFAULTS = new SamplerSettings(Type.PARENTBASED_ALWAYS_ON, 1.0, 0);

    /** The samplers, named in the settings as OpenTelemetry's {@code OTEL_TRACES_SAMPLER} names them. */
    public enum Type {
        /** Every span. */
        ALWAYS_ON("always_on"),
        /** No span. */
        ALWAYS_OFF("always_off"),
        /** A fixed share of traces, decided from the trace id so that every service keeps the same traces. */
        TRACEIDRATIO("traceidratio"),
        /** At most a number of spans per second, with a burst of one second's worth. */
        RATELIMITING("ratelimiting"),
        /** The parent's decision; every root span. */
        PARENTBASED_ALWAYS_ON("parentbased_always_on"),
        /** The parent's decision; no root span. */
        PARENTBASED_ALWAYS_OFF("parentbased_always_off"),
        /** The parent's decision; a share of root spans by trace id. */
        PARENTBASED_TRACEIDRATIO("parentbased_traceidratio"),
        /** The parent's decision; root spans up to a rate. */
        PARENTBASED_RATELIMITING("parentbased_ratelimiting");

        private final String configName;

        Type(String configName) {
            this.configName = configName;
        }

        /** The name written in the settings. */
        public String configName() {
            return configName;
        }

        /** Whether the sampler follows the parent's decision when there is a parent. */
        public boolean isParentBased() {
            return configName.startsWith("parentbased_");
        }

        /** Whether {@code ratio} applies. */
        public boolean usesRatio() {
            return this == TRACEIDRATIO || this == PARENTBASED_TRACEIDRATIO;
        }

        /** Whether {@code spansPerSecond} applies. */
        public boolean usesRate() {
            return this == RATELIMITING || this == PARENTBASED_RATELIMITING;
        }

        /**
         * The type written {@code name} in the settings.
         *
         * @throws IllegalArgumentException naming the types there are
         */
        public static Type of(String name) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (Type t : values()) {
                if (t.configName.equals(wanted)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("type must be one of "
                    + Arrays.stream(values()).map(Type::configName).collect(Collectors.joining(", ")) + ", got '" + name + "'");
        }
    }

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException naming the key and the value
     */
    public SamplerSettings {
        requireNonNull(type, "type is null");
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be from 0 to 1, got " + ratio);
        }
        if (type.usesRate() && !(spansPerSecond > 0 && spansPerSecond <= MAX_SPANS_PER_SECOND)) {
            throw new IllegalArgumentException("spansPerSecond must be above 0 and at most " + (long) MAX_SPANS_PER_SECOND
                    + " for the " + type.configName() + " sampler, got " + spansPerSecond);
        }
    }

    /** {@code parentbased_always_on}, OpenTelemetry's default. */
    public static SamplerSettings defaults() {
        return DEFAULTS;
    }

    /** The sampler {@code type} with the default ratio and no rate. */
    public static SamplerSettings of(Type type) {
        return new SamplerSettings(type, 1.0, 0);
    }

    /** A {@code traceidratio} sampler (or its parent-based variant) keeping {@code ratio} of traces. */
    public static SamplerSettings ratio(boolean parentBased, double ratio) {
        return new SamplerSettings(parentBased ? Type.PARENTBASED_TRACEIDRATIO : Type.TRACEIDRATIO, ratio, 0);
    }

    /** A {@code ratelimiting} sampler (or its parent-based variant) keeping at most {@code spansPerSecond}. */
    public static SamplerSettings rateLimiting(boolean parentBased, double spansPerSecond) {
        return new SamplerSettings(parentBased ? Type.PARENTBASED_RATELIMITING : Type.RATELIMITING, 1.0, spansPerSecond);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static SamplerSettings fromName(String type) {
        return of(Type.of(type));
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    private static SamplerSettings fromConfig(@JsonProperty("type") @Nullable String type,
            @JsonProperty("ratio") @Nullable Double ratio,
            @JsonProperty("spansPerSecond") @Nullable Double spansPerSecond) {
        Type t = type == null ? DEFAULTS.type : Type.of(type);
        if (ratio != null && !t.usesRatio()) {
            throw new IllegalArgumentException("ratio applies only to the traceidratio samplers, not to " + t.configName());
        }
        if (spansPerSecond != null && !t.usesRate()) {
            throw new IllegalArgumentException("spansPerSecond applies only to the ratelimiting samplers, not to " + t.configName());
        }
        if (spansPerSecond == null && t.usesRate()) {
            throw new IllegalArgumentException("spansPerSecond is required for the " + t.configName() + " sampler");
        }
        return new SamplerSettings(t, ratio == null ? 1.0 : ratio, spansPerSecond == null ? 0 : spansPerSecond);
    }
}
