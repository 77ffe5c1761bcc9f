package dev.vigil.alerting.notify.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import org.junit.jupiter.api.Test;

class MatchersTest {

    @Test
    void readsEveryOperatorQuotedOrNot() {
        Matchers m = Matchers.parse("{job=~\"api|web\", env != dev, severity=\"critical\", team!~\"x.*\"}");
        assertThat(m.list()).containsExactly(LabelMatcher.notEqual("env", "dev"), LabelMatcher.regex("job", "api|web"),
                LabelMatcher.equal("severity", "critical"), LabelMatcher.notRegex("team", "x.*"));
    }

    @Test
    void readsASingleMatcherWithoutBraces() {
        assertThat(Matchers.parse("  foo = bar baz ").list()).containsExactly(LabelMatcher.equal("foo", "bar baz"));
        assertThat(Matchers.parse("foo=").list()).containsExactly(LabelMatcher.equal("foo", ""));
        assertThat(Matchers.parse("{}").isEmpty()).isTrue();
    }

    @Test
    void unescapesQuotedValuesAndKeepsOtherBackslashes() {
        Matchers m = Matchers.parse("a=\"say \\\"hi\\\"\\n\", b=~\"\\d+\"");
        assertThat(m.list()).containsExactly(LabelMatcher.equal("a", "say \"hi\"\n"), LabelMatcher.regex("b", "\\d+"));
        assertThat(m.matches(Labels.of("a", "say \"hi\"\n", "b", "42"))).isTrue();
    }

    @Test
    void readsQuotedLabelNames() {
        assertThat(Matchers.parse("\"service.name\"=\"api\"").list())
                .containsExactly(LabelMatcher.equal("service.name", "api"));
    }

    @Test
    void matchesAllAndTreatsAbsentLabelsAsEmpty() {
        Matchers m = Matchers.parse("{job=\"api\", env!=\"prod\"}");
        assertThat(m.matches(Labels.of("job", "api"))).isTrue();
        assertThat(m.matches(Labels.of("job", "api", "env", "prod"))).isFalse();
        assertThat(Matchers.parse("env=\"\"").matches(Labels.of("job", "api"))).isTrue();
        assertThat(Matchers.parse("job=~\"ap\"").matches(Labels.of("job", "api"))).as("anchored").isFalse();
    }

    @Test
    void printsInCanonicalOrderAndReadsItsOwnText() {
        Matchers m = Matchers.parse("{z=\"1\", a=\"x\\\\y\", \"k.k\"!=\"q\\\"\"}");
        assertThat(m).hasToString("{a=\"x\\\\y\",\"k.k\"!=\"q\\\"\",z=\"1\"}");
        Matchers again = Matchers.of(m.texts().stream().flatMap(t -> Matchers.parse(t).list().stream()).toList());
        assertThat(again).isEqualTo(m);
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> Matchers.parse("")).hasMessageContaining("no matcher");
        assertThatThrownBy(() -> Matchers.parse("{a=b")).hasMessageContaining("missing closing '}'");
        assertThatThrownBy(() -> Matchers.parse("a=b\"c")).hasMessageContaining("unescaped '\"'")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Matchers.parse("a~b")).hasMessageContaining("expected one of = != =~ !~ after a");
        assertThatThrownBy(() -> Matchers.parse("=b")).hasMessageContaining("no label name");
        assertThatThrownBy(() -> Matchers.parse("a=\"b")).hasMessageContaining("unterminated quoted string");
        assertThatThrownBy(() -> Matchers.parse("a=\"b\" c=d")).hasMessageContaining("expected ','");
        assertThatThrownBy(() -> Matchers.parse("a=~\"(\"")).hasMessageContaining("invalid regular expression");
    }

    @Test
    void knowsWhetherItMatchesEverything() {
        assertThat(Matchers.parse("a=~\".*\"").allMatchEmpty()).isTrue();
        assertThat(Matchers.parse("{a=~\".*\", b=\"x\"}").allMatchEmpty()).isFalse();
    }
}
