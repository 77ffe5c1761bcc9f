package dev.vigil.alerting.rules.unittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.Labels;
import org.junit.jupiter.api.Test;

class SeriesNotationTest {

    @Test
    void readsNamesLabelsAndQuotes() throws NotationException {
        assertThat(SeriesNotation.parse("up").asMap()).containsExactly(java.util.Map.entry("__name__", "up"));
        assertThat(SeriesNotation.parse("job:test:count_over_time1m{job=\"test\"}").asMap()).isEqualTo(Labels.of("__name__", "job:test:count_over_time1m", "job", "test").asMap());
        assertThat(SeriesNotation.parse(" {alertname='AlwaysFiring', alertstate=`firing`,} ").asMap()).isEqualTo(Labels.of("alertname", "AlwaysFiring", "alertstate", "firing").asMap());
        assertThat(SeriesNotation.parse("{\"my.metric\", le=\"0.5\"}").asMap()).isEqualTo(Labels.of("__name__", "my.metric", "le", "0.5").asMap());
        assertThat(SeriesNotation.parse("x{a=\"tab\\there \\\"q\\\" \\u00e9\"}").get("a")).isEqualTo("tab\there \"q\" é");
        assertThat(SeriesNotation.parse("").asMap()).isEqualTo(Labels.EMPTY.asMap());
        assertThat(SeriesNotation.parse("{}").asMap()).isEqualTo(Labels.EMPTY.asMap());
    }

    @Test
    void saysWhereItFails() {
        assertThatThrownBy(() -> SeriesNotation.parse("up{job=\"prometheus\", instance=\"localhost:9090\""))
                .hasMessage("1:47: parse error: unexpected end of input inside braces");
        assertThatThrownBy(() -> SeriesNotation.parse("up{job!=\"a\"}"))
                .hasMessageStartingWith("1:7: parse error: expected '=' after label name job");
        assertThatThrownBy(() -> SeriesNotation.parse("up{job=a}")).hasMessageStartingWith("1:8: parse error: expected a quoted label value");
        assertThatThrownBy(() -> SeriesNotation.parse("up{a=\"1\", a=\"2\"}")).hasMessageContaining("label a appears more than once");
        assertThatThrownBy(() -> SeriesNotation.parse("up{a=\"1}")).hasMessageContaining("unterminated quoted string");
        assertThatThrownBy(() -> SeriesNotation.parse("up x")).hasMessage("1:4: parse error: unexpected character 'x'");
    }
}
