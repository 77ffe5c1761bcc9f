package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.metrics.promql.Annotations;
import dev.vigil.metrics.promql.ast.PositionRange;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void wordedAsInTheConformanceScripts() {
        Annotations annotations = new Annotations("histogram_quantile(0.8, series)");
        PositionRange series = new PositionRange(24, 30);

        annotations.warn(Messages.badBucketLabel("series", ""), series);
        annotations.warn(Messages.badBucketLabel("series", "Hello World"), series);
        annotations.warn(Messages.invalidQuantile(Double.NaN), new PositionRange(19, 22));

        assertThat(annotations.warnings()).containsExactly(
                "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"\" for metric name "
                        + "\"series\" (1:25)",
                "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"Hello World\" for "
                        + "metric name \"series\" (1:25)",
                "PromQL warning: quantile value should be between 0 and 1, got NaN (1:20)");
    }

    @Test
    void monotonicityInfo() {
        String withoutName = Messages.forcedMonotonicity("");
        assertThat(withoutName).isEqualTo("input to histogram_quantile needed to be fixed for monotonicity (see "
                + "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)");
        assertThat(Messages.forcedMonotonicity("nonmonotonic_bucket"))
                .isEqualTo(withoutName + " for metric name \"nonmonotonic_bucket\"");
        assertThat("PromQL info: " + withoutName + " (1:21)")
                .matches("PromQL info: input to histogram_quantile needed to be fixed for monotonicity .* \\(1:21\\)");
    }

    @Test
    void otherMessages() {
        assertThat(Messages.badBucketLabel("", "x")).isEqualTo("bucket label \"le\" is missing or has a malformed value of \"x\"");
        assertThat(Messages.invalidQuantile(1.01)).isEqualTo("quantile value should be between 0 and 1, got 1.01");
        assertThat(Messages.possibleNonCounter("up"))
                .isEqualTo("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"up\"");
        assertThat(Messages.invalidSmoothingFactor(0)).isEqualTo("invalid smoothing factor. Expected: 0 < sf < 1, got: 0.000000");
        assertThat(Messages.invalidTrendFactor(2)).isEqualTo("invalid trend factor. Expected: 0 < tf < 1, got: 2.000000");
    }
}
