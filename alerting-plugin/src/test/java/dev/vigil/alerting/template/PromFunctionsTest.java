package dev.vigil.alerting.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus's template functions other than the humanize family and the query functions. */
class PromFunctionsTest {

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("{{ \"aa bb CC\" | title }}", "Aa Bb CC"),
                Arguments.of("{{ title \"hello-world foo_bar don't o.k. a..b 1st élan\" }}",
                        "Hello-World Foo_bar Don't O.k. A..B 1St Élan"),
                Arguments.of("{{ \"aa bb CC\" | toUpper }}", "AA BB CC"),
                Arguments.of("{{ \"aA bB CC\" | toLower }}", "aa bb cc"),
                Arguments.of("{{ toUpper \"straße é\" }}", "STRAßE É"),
                Arguments.of("{{ $labels.job | toUpper }}", "NODE"),
                Arguments.of("{{ \"<b>\" | safeHtml }}", "<b>"),
                Arguments.of("{{ len (safeHtml \"abc\") }}", "3"));
    }

    static Stream<Arguments> regularExpressions() {
        return Stream.of(
                Arguments.of("{{ match \"a+\" \"aa\" }} {{ match \"a+\" \"b\" }}", "true false"),
                Arguments.of("{{ match \"example\" $labels.instance }}", "true"),
                Arguments.of("{{ match \"^node-[0-9]+\" $labels.instance }}", "true"),
                Arguments.of("{{ match \"b$\" \"ab\\n\" }} {{ match \"(?m)b$\" \"ab\\n\" }}", "false true"),
                Arguments.of("{{ match \"a.b\" \"a\\nb\" }} {{ match \"(?s)a.b\" \"a\\nb\" }}", "false true"),
                Arguments.of("{{ match \"(?i)NODE\" $labels.job }}", "true"),
                Arguments.of("{{ match \"[[:digit:]]+\" \"abc123\" }}", "true"),
                Arguments.of("{{ reReplaceAll \"localhost:(.*)\" \"my.domain:$1\" \"localhost:3000\" }}",
                        "my.domain:3000"),
                Arguments.of("{{ reReplaceAll \"(a)b\" \"x$1\" \"ab\" }}", "xa"),
                Arguments.of("{{ reReplaceAll \"(a)\" \"$1x\" \"a\" }}|{{ reReplaceAll \"(a)\" \"${1}x\" \"a\" }}", "|ax"),
                Arguments.of("{{ reReplaceAll \"a\" \"$$\" \"aba\" }}", "$b$"),
                Arguments.of("{{ reReplaceAll \"a*\" \"-\" \"baaac\" }}", "-b-c-"),
                Arguments.of("{{ reReplaceAll \"\" \"-\" \"ab\" }}", "-a-b-"),
                Arguments.of("{{ reReplaceAll \"(?P<host>[^:]+):(?P<port>\\\\d+)\" \"${port}@$host\" $labels.instance }}",
                        "9100@node-1.example.com"),
                Arguments.of("{{ $labels.instance | reReplaceAll \":[0-9]+$\" \"\" }}", "node-1.example.com"),
                Arguments.of("{{ reReplaceAll \"(x)?y\" \"[$1]\" \"y\" }}", "[]"),
                Arguments.of("{{ reReplaceAll \"é\" \"e\" \"café é\" }}", "cafe e"));
    }

    static Stream<Arguments> linksAndHosts() {
        return Stream.of(
                Arguments.of("{{ graphLink \"up\" }}", "/graph?g0.expr=up&g0.tab=0"),
                Arguments.of("{{ tableLink \"up\" }}", "/graph?g0.expr=up&g0.tab=1"),
                Arguments.of("{{ graphLink \"rate(http_requests_total{job=\\\"api\\\"}[5m]) > 0.5\" }}",
                        "/graph?g0.expr=rate%28http_requests_total%7Bjob%3D%22api%22%7D%5B5m%5D%29+%3E+0.5&g0.tab=0"),
                Arguments.of("{{ \"foo.example.com\" | stripPort }}", "foo.example.com"),
                Arguments.of("{{ \"foo.example.com:12345\" | stripPort }}", "foo.example.com"),
                Arguments.of("{{ \"192.0.2.1\" | stripPort }}", "192.0.2.1"),
                Arguments.of("{{ \"192.0.2.1:12345\" | stripPort }}", "192.0.2.1"),
                Arguments.of("{{ \"2001:0DB8::1\" | stripPort }}", "2001:0DB8::1"),
                Arguments.of("{{ \"[2001:0DB8::1]:12345\" | stripPort }}", "2001:0DB8::1"),
                Arguments.of("{{ \"[2001:0DB8::1]::12345\" | stripPort }}", "[2001:0DB8::1]::12345"),
                Arguments.of("{{ $labels.instance | stripPort }}", "node-1.example.com"),
                Arguments.of("{{ \"foo.example.com\" | stripDomain }}", "foo"),
                Arguments.of("{{ \"foo.example.com:12345\" | stripDomain }}", "foo:12345"),
                Arguments.of("{{ \"192.0.2.1\" | stripDomain }}", "192.0.2.1"),
                Arguments.of("{{ \"192.0.2.1:12345\" | stripDomain }}", "192.0.2.1:12345"),
                Arguments.of("{{ \"2001:0DB8::1\" | stripDomain }}", "2001:0DB8::1"),
                Arguments.of("{{ \"[2001:0DB8::1]:12345\" | stripDomain }}", "[2001:0DB8::1]:12345"),
                Arguments.of("{{ \"[2001:0DB8::1]::12345\" | stripDomain }}", "[2001:0DB8::1]::12345"),
                Arguments.of("{{ \"[::ffff:192.0.2.1]:80\" | stripDomain }}", "[::ffff:192.0.2.1]:80"),
                Arguments.of("{{ externalURL }}", Render.EXTERNAL_URL),
                Arguments.of("{{ pathPrefix }}", "/prom"));
    }

    static Stream<Arguments> timeAndDurations() {
        return Stream.of(
                Arguments.of("{{ printf \"%0.2f\" (parseDuration \"1h2m10ms\") }}", "3720.01"),
                Arguments.of("{{ parseDuration \"5m\" }} {{ parseDuration \"-5m\" }} {{ parseDuration \"0\" }}", "300 -300 0"),
                Arguments.of("{{ parseDuration \"1y2w3d\" }}", "3.30048e+07"),
                Arguments.of("{{ (1435065584.128 | toTime).Format \"2006\" }}", "2015"),
                Arguments.of("{{ (\"1435065584.128\" | toTime).Format \"2006\" }}", "2015"),
                Arguments.of("{{ toTime 1435065584.128 }}", "2015-06-23 13:19:44.128 +0000 UTC"),
                Arguments.of("{{ (toTime 1435065584.128).Format \"2006-01-02T15:04:05.000Z07:00\" }}",
                        "2015-06-23T13:19:44.128Z"),
                Arguments.of("{{ (toTime 1435065584.128).Format \"Mon Jan _2 3:04PM MST 06 .999\" }}",
                        "Tue Jun 23 1:19PM UTC 15 .128"),
                Arguments.of("{{ (toTime 1435065584.128).Format \"January 2, 2006 15:04:05 -0700 (002)\" }}",
                        "June 23, 2015 13:19:44 +0000 (174)"),
                Arguments.of("{{ (toTime 1435065584.128).Unix }} {{ (toTime 1435065584.128).UTC.Year }}", "1435065584 2015"),
                Arguments.of("{{ toDuration 90 }} {{ toDuration 0.0015 }} {{ toDuration 93784.5 }} {{ toDuration 0 }}",
                        "1m30s 1.5ms 26h3m4.5s 0s"),
                Arguments.of("{{ (toDuration 90).Seconds }} {{ (toDuration 5400).Hours }}", "90 1.5"),
                Arguments.of("{{ now }}", "1.7092944e+09"),
                Arguments.of("{{ now | humanizeTimestamp }}", "2024-03-01 12:00:00 +0000 UTC"),
                Arguments.of("{{ humanizeDuration (parseDuration \"1h30m\") }}", "1h 30m 0s"));
    }

    static Stream<Arguments> arguments() {
        return Stream.of(
                Arguments.of("{{ $a := args 1 \"x\" 2.5 }}{{ $a.arg0 }}-{{ $a.arg1 }}-{{ $a.arg2 }}", "1-x-2.5"),
                Arguments.of("{{ args 1 \"x\" }}", "map[arg0:1 arg1:x]"),
                Arguments.of("{{ len (args 1 2 3) }}", "3"),
                Arguments.of("{{ define \"line\" }}{{ .arg0 }}={{ .arg1 }}{{ end }}"
                        + "{{ template \"line\" args \"job\" $labels.job }}", "job=node"));
    }

    @ParameterizedTest
    @MethodSource({"strings", "regularExpressions", "linksAndHosts", "timeAndDurations", "arguments"})
    void rendersLikePrometheus(String template, String expected) throws TemplateException {
        assertThat(Render.render(template)).isEqualTo(expected);
    }

    @Test
    void compilesEachPatternOnceAcrossExecutions() throws TemplateException {
        AlertTemplate template = AlertTemplate.parse("t", "{{ reReplaceAll \"(.*):.*\" \"$1\" $labels.instance }}");
        for (int i = 0; i < 3; i++) {
            assertThat(template.execute(Render.data(i))).isEqualTo("node-1.example.com");
        }
        RegexCache cache = new RegexCache();
        assertThat(cache.get("a+")).isSameAs(cache.get("a+"));
        assertThat(cache.get("b+")).isNotSameAs(cache.get("a+"));
    }
}
