package dev.vigil.alerting.rules;

import dev.vigil.alerting.rules.file.GroupDefinition;
import dev.vigil.alerting.rules.file.RuleFileLoad;
import dev.vigil.alerting.rules.file.RuleFiles;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A store, an engine over it, and small helpers for writing data and reading rule groups from YAML. */
final class RuleTestSupport {

    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    final TestingMetricStore store = new TestingMetricStore();
    final PromqlEngine engine = new PromqlEngine(store, EngineSettings.defaults());
    final MutableClock clock = new MutableClock(T0);
    final RecordingReceiver receiver = new RecordingReceiver();

    RuleEnvironment.Builder environment() {
        return RuleEnvironment.builder(engine, store).receiver(receiver).clock(clock);
    }

    /** Writes one sample. */
    void write(String metric, Instant at, double value, String... labels) {
        Labels.Builder builder = Labels.builder().add(Labels.METRIC_NAME, metric);
        for (int i = 0; i < labels.length; i += 2) {
            builder.add(labels[i], labels[i + 1]);
        }
        try (MetricAppender appender = store.appender()) {
            appender.append(0, builder.build(), at.toEpochMilli(), value);
            appender.commit();
        } catch (SampleRejectedException e) {
            throw new AssertionError(e);
        }
    }

    /** The groups of a rule file given as text; fails the test if it has problems. */
    List<GroupDefinition> groups(String yaml) {
        RuleFileLoad load = new RuleFiles(engine).parse(Path.of("rules.yml"), yaml);
        if (!load.ok()) {
            throw new AssertionError("rule file problems: " + load.problems());
        }
        return load.ruleFile().orElseThrow().groups();
    }

    /** The one group of a rule file given as text. */
    RuleGroup group(String yaml, RuleEnvironment env) {
        return new RuleGroup(Path.of("rules.yml"), groups(yaml).get(0), env, false);
    }

    /** The samples of a series, stale markers shown as the text {@code stale}. */
    List<String> samples(Labels series) {
        return store.samples(series).stream()
                .map(s -> Instant.ofEpochMilli(s.timestamp()) + "=" + (StaleMarker.isStale(s.value()) ? "stale" : String.valueOf(s.value())))
                .toList();
    }

    static Labels series(String metric, String... labels) {
        Labels.Builder builder = Labels.builder().add(Labels.METRIC_NAME, metric);
        for (int i = 0; i < labels.length; i += 2) {
            builder.add(labels[i], labels[i + 1]);
        }
        return builder.build();
    }

    static Instant at(String offset) {
        return T0.plus(dev.vigil.alerting.rules.file.PromDuration.parse(offset));
    }
}
