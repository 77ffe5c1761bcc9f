package dev.vigil.kernel.config;

import static dev.vigil.kernel.config.TestingConfig.SOURCE;
import static dev.vigil.kernel.config.TestingConfig.bind;
import static dev.vigil.kernel.config.TestingConfig.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigMappersTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, PT0.25S",
        "10s, PT10S",
        "5m, PT5M",
        "1h, PT1H",
        "2d, PT48H",
        "PT10S, PT10S",
        "P1DT2H, PT26H"
    })
    void readsDurations(String written, String expected) throws ConfigException {
        assertThat(bind("hello: {every: " + written + "}\n", "hello", HelloConfig.class).every())
                .isEqualTo(Duration.parse(expected));
    }

    @Test
    void aBadDurationSaysWhichFormsAreAccepted() {
        String accepted = "(expected a whole number with a unit: 250ms, 10s, 5m, 1h, 2d; or ISO-8601 such as PT10S)";

        assertThat(problemsOf(() -> bind("hello: {every: 10 sec}\n", "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":1:16: hello.every: cannot convert \"10 sec\" to a duration " + accepted);
        assertThat(problemsOf(() -> bind("hello: {every: 10}\n", "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":1:16: hello.every: cannot convert 10 to a duration " + accepted);
        assertThat(problemsOf(() -> bind("hello: {every: [10s]}\n", "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":1:9: hello.every: expected a duration, got a list");
    }

    @Test
    void enumsMatchWhateverTheCase() throws ConfigException {
        assertThat(bind("hello: {color: blue}\n", "hello", HelloConfig.class).color()).isEqualTo(HelloConfig.Color.BLUE);
        assertThat(bind("hello: {color: Red}\n", "hello", HelloConfig.class).color()).isEqualTo(HelloConfig.Color.RED);
    }

    @Test
    void enumsAreNamedNotNumbered() {
        assertThat(problemsOf(() -> bind("hello: {color: 1}\n", "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":1:16: hello.color: cannot convert 1 to Color (expected one of RED, GREEN, BLUE)");
        assertThat(problemsOf(() -> bind("hello: {color: purple}\n", "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":1:16: hello.color: cannot convert \"purple\" to Color (expected one of RED, GREEN, BLUE)");
    }

    @Test
    void integersAreNotRoundedOrLeftEmpty() {
        assertThat(problemsOf(() -> bind("hello: {repeat: 2.5}\n", "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":1:17: hello.repeat: cannot convert 2.5 to int");
        assertThat(problemsOf(() -> bind("hello: {repeat: ''}\n", "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":1:17: hello.repeat: cannot convert \"\" to int");
        assertThat(problemsOf(() -> bind("hello: {repeat: 99999999999}\n", "hello", HelloConfig.class)))
                .containsExactly(SOURCE + ":1:17: hello.repeat: cannot convert 99999999999 to int (out of range)");
    }

    @Test
    void optionalValuesMayBeLeftOut() throws ConfigException {
        assertThat(bind("hello: {}\n", "hello", HelloConfig.class).name()).isEmpty();
        assertThat(bind("hello: {name: Ada}\n", "hello", HelloConfig.class).name()).contains("Ada");
    }

    @Test
    void aTypeWithoutDefaultsNeedsItsPrimitives() throws ConfigException {
        assertThat(bind("plain: {count: 3}\n", "plain", PlainConfig.class)).isEqualTo(new PlainConfig(null, 3, java.util.Optional.empty()));
        assertThat(problemsOf(() -> bind("plain: {label: x}\n", "plain", PlainConfig.class)))
                .containsExactly(SOURCE + ":1:1: plain.count: required key is missing (expected an integer)");
        assertThat(problemsOf(() -> bind("plain: {count: ~}\n", "plain", PlainConfig.class)))
                .containsExactly(SOURCE + ":1:16: plain.count: expected an integer, got null");
        assertThat(problemsOf(() -> ConfigDocument.empty(SOURCE).bind("plain", PlainConfig.class, ConfigMappers.strict())))
                .containsExactly(SOURCE + ": plain.count: required key is missing (expected an integer)");
    }

    @Test
    void givesANewMapperEachTime() {
        assertThat(ConfigMappers.strict()).isNotSameAs(ConfigMappers.strict());
    }
}
