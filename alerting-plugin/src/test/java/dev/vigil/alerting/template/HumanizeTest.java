package dev.vigil.alerting.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The humanize functions give Prometheus's output to the character, including the examples of its template
 * reference (1234567 → 1.235M, 1048576 → 1Mi, 899.99 → 14m 59s, 0.1234567 → 12.35%,
 * 1435065584.128 → 2015-06-23 13:19:44.128 +0000 UTC) and of its own tests.
 */
class HumanizeTest {

    static Stream<Arguments> humanize() {
        return Stream.of(
                Arguments.of("1234567.0", "1.235M"),
                Arguments.of("0.0", "0"),
                Arguments.of("1.0", "1"),
                Arguments.of(".12", "120m"),
                Arguments.of("0", "0"),
                Arguments.of("-1", "-1"),
                Arguments.of("1234567", "1.235M"),
                Arguments.of("9223372036854775807", "9.223E"),
                Arguments.of("999.9", "999.9"),
                Arguments.of("1000", "1k"),
                Arguments.of("999999", "1000k"),
                Arguments.of("1e27", "1000Y"),
                Arguments.of("-2500", "-2.5k"),
                Arguments.of("0.001", "1m"),
                Arguments.of("0.0000123", "12.3u"),
                Arguments.of("1e-9", "1n"),
                Arguments.of("1e-30", "1e-06y"),
                Arguments.of("\"1234567.0\"", "1.235M"),
                Arguments.of("\".12\"", "120m"),
                Arguments.of("\"+Inf\"", "+Inf"),
                Arguments.of("\"-Inf\"", "-Inf"),
                Arguments.of("\"NaN\"", "NaN"));
    }

    static Stream<Arguments> humanize1024() {
        return Stream.of(
                Arguments.of("1048576.0", "1Mi"),
                Arguments.of("0.0", "0"),
                Arguments.of("1.0", "1"),
                Arguments.of(".12", "0.12"),
                Arguments.of("-1", "-1"),
                Arguments.of("1024", "1ki"),
                Arguments.of("1234567", "1.177Mi"),
                Arguments.of("9223372036854775807", "8Ei"),
                Arguments.of("1099511627776", "1Ti"),
                Arguments.of("-2048", "-2ki"),
                Arguments.of("\"1048576.0\"", "1Mi"));
    }

    static Stream<Arguments> humanizeDuration() {
        return Stream.of(
                Arguments.of("899.99", "14m 59s"),
                Arguments.of("0", "0s"),
                Arguments.of("1", "1s"),
                Arguments.of("60", "1m 0s"),
                Arguments.of("90", "1m 30s"),
                Arguments.of("3600", "1h 0m 0s"),
                Arguments.of("86400", "1d 0h 0m 0s"),
                Arguments.of("90000", "1d 1h 0m 0s"),
                Arguments.of("-183845", "-2d 3h 4m 5s"),
                Arguments.of("1234567", "14d 6h 56m 7s"),
                Arguments.of(".1", "100ms"),
                Arguments.of(".0001", "100us"),
                Arguments.of(".12345", "123.5ms"),
                Arguments.of("60.1", "1m 0s"),
                Arguments.of("60.5", "1m 0s"),
                Arguments.of("1.2345", "1.234s"),
                Arguments.of("12.345", "12.35s"),
                Arguments.of("-0.5", "-500ms"),
                Arguments.of("\"3600\"", "1h 0m 0s"),
                Arguments.of("\".1\"", "100ms"),
                Arguments.of("(toDuration 90)", "1m 30s"));
    }

    static Stream<Arguments> humanizePercentage() {
        return Stream.of(
                Arguments.of("0.1234567", "12.35%"),
                Arguments.of("-0.22222", "-22.22%"),
                Arguments.of("0.0", "0%"),
                Arguments.of("1.23456", "123.5%"),
                Arguments.of("0", "0%"),
                Arguments.of("-1", "-100%"),
                Arguments.of("1", "100%"),
                Arguments.of("1234567", "1.235e+08%"),
                Arguments.of("9223372036854775807", "9.223e+20%"),
                Arguments.of("\"0.1234567\"", "12.35%"));
    }

    static Stream<Arguments> humanizeTimestamp() {
        return Stream.of(
                Arguments.of("1435065584.128", "2015-06-23 13:19:44.128 +0000 UTC"),
                Arguments.of("\"1435065584.128\"", "2015-06-23 13:19:44.128 +0000 UTC"),
                Arguments.of("0", "1970-01-01 00:00:00 +0000 UTC"),
                Arguments.of("-1", "1969-12-31 23:59:59 +0000 UTC"),
                Arguments.of("1", "1970-01-01 00:00:01 +0000 UTC"),
                Arguments.of("1234567", "1970-01-15 06:56:07 +0000 UTC"),
                Arguments.of("9223372036", "2262-04-11 23:47:16 +0000 UTC"),
                Arguments.of("1435065584.1289", "2015-06-23 13:19:44.128 +0000 UTC"),
                Arguments.of("1435065584.5", "2015-06-23 13:19:44.5 +0000 UTC"),
                Arguments.of("\"+Inf\"", "+Inf"),
                Arguments.of("\"NaN\"", "NaN"));
    }

    @ParameterizedTest
    @MethodSource("humanize")
    void humanize(String argument, String expected) throws TemplateException {
        assertThat(Render.render("{{ humanize " + argument + " }}")).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("humanize1024")
    void humanize1024(String argument, String expected) throws TemplateException {
        assertThat(Render.render("{{ humanize1024 " + argument + " }}")).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("humanizeDuration")
    void humanizeDuration(String argument, String expected) throws TemplateException {
        assertThat(Render.render("{{ humanizeDuration " + argument + " }}")).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("humanizePercentage")
    void humanizePercentage(String argument, String expected) throws TemplateException {
        assertThat(Render.render("{{ humanizePercentage " + argument + " }}")).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("humanizeTimestamp")
    void humanizeTimestamp(String argument, String expected) throws TemplateException {
        assertThat(Render.render("{{ humanizeTimestamp " + argument + " }}")).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("specialValues")
    void everyHumanizeFunctionPassesNaNAndInfinitiesThrough(double value, String expected) throws TemplateException {
        String template = "{{ humanize $value }}:{{ humanize1024 $value }}:{{ humanizeDuration $value }}:"
                + "{{ humanizeTimestamp $value }}:{{ $value | humanizePercentage }}";
        assertThat(Render.render(template, Render.data(value))).isEqualTo(expected);
    }

    static Stream<Arguments> specialValues() {
        return Stream.of(
                Arguments.of(Double.POSITIVE_INFINITY, "+Inf:+Inf:+Inf:+Inf:+Inf%"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-Inf:-Inf:-Inf:-Inf:-Inf%"),
                Arguments.of(Double.NaN, "NaN:NaN:NaN:NaN:NaN%"));
    }

    @ParameterizedTest
    @MethodSource("alertValues")
    void humanizesTheAlertValue(double value, String expected) throws TemplateException {
        assertThat(Render.render("{{ $value | humanize }}|{{ .Value | humanize1024 }}|{{ humanizeDuration $value }}",
                Render.data(value))).isEqualTo(expected);
    }

    static Stream<Arguments> alertValues() {
        return Stream.of(
                Arguments.of(1234567.0, "1.235M|1.177Mi|14d 6h 56m 7s"),
                Arguments.of(0.25, "250m|0.25|250ms"),
                Arguments.of(42.5, "42.5|42.5|42.5s"));
    }
}
