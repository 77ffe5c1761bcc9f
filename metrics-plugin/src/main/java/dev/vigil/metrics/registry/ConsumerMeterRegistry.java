package dev.vigil.metrics.registry;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * What one consumer (a plugin, or the kernel and its host application) sees as the platform's
 * {@link MeterRegistry}. Every meter it is asked for is registered in the shared platform registry, and that
 * very meter is handed back, so recording costs the same as on the platform registry itself; this registry
 * only remembers which meters the consumer asked for, so that they can be removed when it goes (see
 * {@link MeterRegistries}).
 */
final class ConsumerMeterRegistry extends MeterRegistry {

    private final MeterRegistry platform;
    private final TimeUnit baseTimeUnit;

    ConsumerMeterRegistry(MeterRegistry platform, TimeUnit baseTimeUnit, Clock clock) {
        super(clock);
        this.platform = requireNonNull(platform, "platform is null");
        this.baseTimeUnit = requireNonNull(baseTimeUnit, "baseTimeUnit is null");
    }

    @Override
    protected <T> Gauge newGauge(Meter.Id id, @Nullable T obj, ToDoubleFunction<T> valueFunction) {
        return Gauge.builder(id.getName(), obj, valueFunction)
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .baseUnit(id.getBaseUnit())
                .register(platform);
    }

    @Override
    protected Counter newCounter(Meter.Id id) {
        return Counter.builder(id.getName())
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .baseUnit(id.getBaseUnit())
                .register(platform);
    }

    @Override
    protected LongTaskTimer newLongTaskTimer(Meter.Id id, DistributionStatisticConfig config) {
        return LongTaskTimer.builder(id.getName())
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .publishPercentiles(orEmpty(config.getPercentiles()))
                .publishPercentileHistogram(config.isPercentileHistogram())
                .serviceLevelObjectives(durations(config.getServiceLevelObjectiveBoundaries()))
                .register(platform);
    }

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        Timer.Builder builder = Timer.builder(id.getName())
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .publishPercentiles(orEmpty(config.getPercentiles()))
                .percentilePrecision(config.getPercentilePrecision())
                .publishPercentileHistogram(config.isPercentileHistogram())
                .serviceLevelObjectives(durations(config.getServiceLevelObjectiveBoundaries()))
                .distributionStatisticExpiry(config.getExpiry())
                .distributionStatisticBufferLength(config.getBufferLength())
                .pauseDetector(pauseDetector);
        Double min = config.getMinimumExpectedValueAsDouble();
        if (min != null) {
            builder.minimumExpectedValue(Duration.ofNanos(min.longValue()));
        }
        Double max = config.getMaximumExpectedValueAsDouble();
        if (max != null) {
            builder.maximumExpectedValue(Duration.ofNanos(max.longValue()));
        }
        return builder.register(platform);
    }

    @Override
    protected DistributionSummary newDistributionSummary(Meter.Id id, DistributionStatisticConfig config, double scale) {
        return DistributionSummary.builder(id.getName())
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .baseUnit(id.getBaseUnit())
                .scale(scale)
                .publishPercentiles(orEmpty(config.getPercentiles()))
                .percentilePrecision(config.getPercentilePrecision())
                .publishPercentileHistogram(config.isPercentileHistogram())
                .serviceLevelObjectives(orEmpty(config.getServiceLevelObjectiveBoundaries()))
                .minimumExpectedValue(config.getMinimumExpectedValueAsDouble())
                .maximumExpectedValue(config.getMaximumExpectedValueAsDouble())
                .distributionStatisticExpiry(config.getExpiry())
                .distributionStatisticBufferLength(config.getBufferLength())
                .register(platform);
    }

    @Override
    protected Meter newMeter(Meter.Id id, Meter.Type type, Iterable<Measurement> measurements) {
        return Meter.builder(id.getName(), type, measurements)
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .baseUnit(id.getBaseUnit())
                .register(platform);
    }

    @Override
    protected <T> TimeGauge newTimeGauge(Meter.Id id, @Nullable T obj, TimeUnit valueFunctionUnit, ToDoubleFunction<T> valueFunction) {
        return TimeGauge.builder(id.getName(), obj, valueFunctionUnit, valueFunction)
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .register(platform);
    }

    @Override
    protected <T> FunctionTimer newFunctionTimer(Meter.Id id, T obj, ToLongFunction<T> countFunction,
            ToDoubleFunction<T> totalTimeFunction, TimeUnit totalTimeFunctionUnit) {
        return FunctionTimer.builder(id.getName(), obj, countFunction, totalTimeFunction, totalTimeFunctionUnit)
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .register(platform);
    }

    @Override
    protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T obj, ToDoubleFunction<T> countFunction) {
        return FunctionCounter.builder(id.getName(), obj, countFunction)
                .tags(id.getTagsAsIterable())
                .description(id.getDescription())
                .baseUnit(id.getBaseUnit())
                .register(platform);
    }

    @Override
    protected TimeUnit getBaseTimeUnit() {
        return baseTimeUnit;
    }

    @Override
    protected DistributionStatisticConfig defaultHistogramConfig() {
        // no defaults of its own: the platform registry merges in its defaults when the meter is registered there
        return DistributionStatisticConfig.NONE;
    }

    private static double[] orEmpty(double @Nullable [] values) {
        return values == null ? new double[0] : values;
    }

    private static Duration[] durations(double @Nullable [] nanos) {
        return nanos == null ? new Duration[0] : Arrays.stream(nanos).mapToObj(n -> Duration.ofNanos((long) n)).toArray(Duration[]::new);
    }
}
