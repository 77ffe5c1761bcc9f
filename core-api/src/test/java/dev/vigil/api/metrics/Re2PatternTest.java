package dev.vigil.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class Re2PatternTest {

    @Test
    void goNamedGroupsBecomeJavaNamedGroups() {
        Matcher m = Re2Pattern.compile("(?P<host>[a-z]+):(?P<port>\\d+)").matcher("web:8080");
        assertThat(m.matches()).isTrue();
        assertThat(m.group("host")).isEqualTo("web");
        assertThat(m.group("port")).isEqualTo("8080");
    }

    @Test
    void posixClassesInsideBrackets() {
        assertThat(Re2Pattern.compile("[[:alpha:]]+").matcher("abcXYZ").matches()).isTrue();
        assertThat(Re2Pattern.compile("[[:alpha:]]+").matcher("abc1").matches()).isFalse();
        assertThat(Re2Pattern.compile("[[:^digit:]]+").matcher("abc").matches()).isTrue();
        assertThat(Re2Pattern.compile("[x[:digit:]]+").matcher("x12").matches()).isTrue();
        assertThat(Re2Pattern.compile("[[:word:]]+").matcher("a_1").matches()).isTrue();
    }

    @Test
    void literalBracketAndAmpersandsInsideAClass() {
        assertThat(Re2Pattern.compile("[[]").matcher("[").matches()).isTrue();
        assertThat(Re2Pattern.compile("[]a]+").matcher("]a]").matches()).isTrue();
        assertThat(Re2Pattern.compile("[a&&b]+").matcher("a&b").matches()).isTrue();
        assertThat(Re2Pattern.compile("[^]a]").matcher("b").matches()).isTrue();
    }

    @Test
    void anchoredAndDotMatchesNewline() {
        assertThat(Re2Pattern.compile("a.b").matcher("a\nb").matches()).isTrue();
        assertThat(Re2Pattern.compile("foo|bar").matcher("foobar").matches()).isFalse();
        assertThat(Re2Pattern.compile("\\Q.*\\E").matcher(".*").matches()).isTrue();
        assertThat(Re2Pattern.compile("\\Q.*\\E").matcher("ab").matches()).isFalse();
    }

    @Test
    void refusesWhatRe2DoesNotSupport() {
        assertThatThrownBy(() -> Re2Pattern.compile("a(?=b)")).hasMessageContaining("invalid or unsupported Perl syntax");
        assertThatThrownBy(() -> Re2Pattern.compile("(?<!a)b")).hasMessageContaining("invalid or unsupported Perl syntax");
        assertThatThrownBy(() -> Re2Pattern.compile("(?>a)")).hasMessageContaining("invalid or unsupported Perl syntax");
        assertThatThrownBy(() -> Re2Pattern.compile("(a)\\1")).hasMessageContaining("invalid escape sequence");
        assertThatThrownBy(() -> Re2Pattern.compile("a*+")).hasMessageContaining("invalid nested repetition operator");
        assertThatThrownBy(() -> Re2Pattern.compile("[[:nope:]]")).hasMessageContaining("invalid character class range");
        assertThatThrownBy(() -> Re2Pattern.compile("a(")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"a(\"");
    }

    @Test
    void labelMatchersUseTheSameSyntax() {
        assertThat(LabelMatcher.regex("job", "(?P<x>api)|web").matches("api")).isTrue();
        assertThatThrownBy(() -> LabelMatcher.regex("job", "a(?=b)"))
                .hasMessageStartingWith("invalid regular expression for label job: invalid or unsupported Perl syntax");
    }
}
