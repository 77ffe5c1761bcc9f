package dev.vigil.alerting.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text/template language: each case is a template and its output for an alert with value 42.5. */
class LanguageTest {

    static Stream<Arguments> textAndConstants() {
        return Stream.of(
                Arguments.of("plain text", "plain text"),
                Arguments.of("", ""),
                Arguments.of("{{ 1 }}", "1"),
                Arguments.of("{{ -3 }}", "-3"),
                Arguments.of("{{-3}}", "-3"),
                Arguments.of("{{ 1.5 }}", "1.5"),
                Arguments.of("{{ 1e6 }}", "1e+06"),
                Arguments.of("{{ 1_000 }}", "1000"),
                Arguments.of("{{ 0x1F }}", "31"),
                Arguments.of("{{ 010 }}", "8"),
                Arguments.of("{{ 'a' }}", "97"),
                Arguments.of("{{ true }} {{ false }}", "true false"),
                Arguments.of("{{ \"tab\\there\" }}", "tab\there"),
                Arguments.of("{{ \"\\u00e9\\x41\" }}", "éA"),
                Arguments.of("{{ `raw\\n` }}", "raw\\n"),
                Arguments.of("{{ \"{{\" }}", "{{"),
                Arguments.of("héllo {{ \"wörld\" }}", "héllo wörld"));
    }

    static Stream<Arguments> trimMarkersAndComments() {
        return Stream.of(
                Arguments.of("a  {{- 1 -}}  b", "a1b"),
                Arguments.of("a \n\t{{- 1 }} b", "a1 b"),
                Arguments.of("a {{ 1 -}} \n b", "a 1b"),
                Arguments.of("a{{/* a comment */}}b", "ab"),
                Arguments.of("a {{- /* trimmed comment */ -}} b", "ab"),
                Arguments.of("a{{/* spans\nlines */}}b", "ab"),
                Arguments.of("{{ \"x\" }}\n{{- \"y\" }}", "xy"),
                Arguments.of("{{- 1 -}}", "1"));
    }

    static Stream<Arguments> variablesAndFields() {
        return Stream.of(
                Arguments.of("{{ $value }}", "42.5"),
                Arguments.of("{{ .Value }}", "42.5"),
                Arguments.of("{{ $labels.job }}", "node"),
                Arguments.of("{{ .Labels.job }}", "node"),
                Arguments.of("{{ $.Labels.job }}", "node"),
                Arguments.of("{{ $labels.missing }}", ""),
                Arguments.of("[{{ .Labels.missing }}]", "[]"),
                Arguments.of("{{ index $labels \"dotted.name\" }}", "dots"),
                Arguments.of("{{ index .Labels \"job\" }}", "node"),
                Arguments.of("{{ index $labels \"missing\" }}", ""),
                Arguments.of("{{ $externalLabels.cluster }}", "eu-1"),
                Arguments.of("{{ .ExternalLabels.replica }}", "a"),
                Arguments.of("{{ $externalURL }}", Render.EXTERNAL_URL),
                Arguments.of("{{ .ExternalURL }}", Render.EXTERNAL_URL),
                Arguments.of("{{ $x := 5 }}{{ $x }}", "5"),
                Arguments.of("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"),
                Arguments.of("{{ $x := \"outer\" }}{{ if true }}{{ $x := \"inner\" }}{{ $x }}{{ end }} {{ $x }}",
                        "inner outer"),
                Arguments.of("{{ $x := \"a\" }}{{ if true }}{{ $x = \"b\" }}{{ end }}{{ $x }}", "b"),
                Arguments.of("{{ $labels }}",
                        "map[alertname:InstanceDown dotted.name:dots instance:node-1.example.com:9100 job:node "
                                + "severity:page]"),
                Arguments.of("{{ $externalLabels }}", "map[cluster:eu-1 replica:a]"),
                Arguments.of("{{ . }}", "{map[alertname:InstanceDown dotted.name:dots instance:node-1.example.com:9100 "
                        + "job:node severity:page] map[cluster:eu-1 replica:a] " + Render.EXTERNAL_URL + " 42.5}"),
                Arguments.of("{{ (args 1 \"two\").arg1 }}", "two"),
                Arguments.of("{{ $a := args 1 }}{{ $a.arg0 }}{{ $a.arg9 }}", "1<no value>"));
    }

    static Stream<Arguments> controlStructures() {
        return Stream.of(
                Arguments.of("{{ if gt $value 40.0 }}high{{ else }}low{{ end }}", "high"),
                Arguments.of("{{ if lt $value 40.0 }}low{{ end }}", ""),
                Arguments.of("{{ if eq $labels.severity \"critical\" }}crit{{ else if eq $labels.severity \"page\" }}page"
                        + "{{ else }}other{{ end }}", "page"),
                Arguments.of("{{ if $labels.missing }}yes{{ else }}no{{ end }}", "no"),
                Arguments.of("{{ if $x := $labels.job }}{{ $x }}{{ else }}none{{ end }}", "node"),
                Arguments.of("{{ with $labels.job }}job={{ . }}{{ end }}", "job=node"),
                Arguments.of("{{ with $labels.missing }}x{{ else }}none{{ end }}", "none"),
                Arguments.of("{{ with $labels.missing }}x{{ else with $labels.job }}{{ . }}{{ end }}", "node"),
                Arguments.of("{{ range $k, $v := $externalLabels }}{{ $k }}={{ $v }} {{ end }}", "cluster=eu-1 replica=a "),
                Arguments.of("{{ range $externalLabels }}{{ . }},{{ end }}", "eu-1,a,"),
                Arguments.of("{{ range $v := $externalLabels }}{{ $v }};{{ end }}", "eu-1;a;"),
                Arguments.of("{{ range 3 }}{{ . }}{{ end }}", "012"),
                Arguments.of("{{ range $i := 2 }}<{{ $i }}>{{ end }}", "<0><1>"),
                Arguments.of("{{ range args }}x{{ else }}empty{{ end }}", "empty"),
                Arguments.of("{{ range $k, $v := $labels }}{{ if eq $k \"job\" }}{{ break }}{{ end }}{{ $k }} {{ end }}",
                        "alertname dotted.name instance "),
                Arguments.of("{{ range $k, $v := $labels }}{{ if ne $k \"job\" }}{{ continue }}{{ end }}{{ $v }}{{ end }}",
                        "node"),
                Arguments.of("{{ $n := 0 }}{{ range $k, $v := $labels }}{{ $n = $k }}{{ end }}{{ $n }}", "severity"),
                Arguments.of("{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" $labels.job }}", "[node]"),
                Arguments.of("{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" }}", "[<no value>]"),
                Arguments.of("{{ define \"x\" }}{{ .arg0 }} {{ .arg1 }}{{ end }}{{ template \"x\" (args 1 \"2\") }}", "1 2"),
                Arguments.of("{{ define \"t\" }}{{ $ }}{{ end }}{{ template \"t\" 7 }}", "7"),
                Arguments.of("{{ block \"b\" $value }}<{{ . }}>{{ end }}", "<42.5>"),
                Arguments.of("{{ block \"b\" . }}{{ .Labels.job }}{{ end }}/{{ template \"b\" . }}", "node/node"));
    }

    static Stream<Arguments> pipelinesAndBuiltins() {
        return Stream.of(
                Arguments.of("{{ $labels.job | toUpper }}", "NODE"),
                Arguments.of("{{ $value | printf \"%.1f\" }}", "42.5"),
                Arguments.of("{{ \"abc\" | printf \"%s-%s\" \"x\" }}", "x-abc"),
                Arguments.of("{{ $labels.job | printf \"%s\" | toUpper | printf \"<%s>\" }}", "<NODE>"),
                Arguments.of("{{ printf \"%s\" (toUpper \"a\") }}", "A"),
                Arguments.of("{{ (index $labels \"job\") }}", "node"),
                Arguments.of("{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 \"\" }} {{ or 0 3 }}", "0 2  3"),
                Arguments.of("{{ or $labels.missing \"default\" }}", "default"),
                Arguments.of("{{ \"piped\" | or \"\" }}", "piped"),
                Arguments.of("{{ if and $labels.job $labels.instance }}both{{ end }}", "both"),
                Arguments.of("{{ not true }} {{ not \"\" }} {{ not $labels }}", "false true false"),
                Arguments.of("{{ len $labels }} {{ len \"héllo\" }} {{ len args }}", "5 6 0"),
                Arguments.of("{{ index \"abc\" 1 }}", "98"),
                Arguments.of("{{ slice \"abcdef\" 1 3 }} {{ slice \"abcdef\" 4 }} {{ slice \"abc\" }}", "bc ef abc"),
                Arguments.of("{{ print 1 2 \"a\" \"b\" 3 }}", "1 2ab3"),
                Arguments.of("{{ print $value nil }}", "42.5 <nil>"),
                Arguments.of("{{ println 1 \"a\" }}", "1 a\n"),
                Arguments.of("{{ html \"<a href='x'>&\\\"</a>\" }}", "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"),
                Arguments.of("{{ \"<b>\" | html }}", "&lt;b&gt;"),
                Arguments.of("{{ js \"it's <b>=&\\n\" }}", "it\\'s \\u003Cb\\u003E\\u003D\\u0026\\u000A"),
                Arguments.of("{{ urlquery \"a b&c/é~\" }}", "a+b%26c%2F%C3%A9~"),
                Arguments.of("{{ urlquery 1 2 }}", "1+2"),
                Arguments.of("{{ eq $labels.job \"x\" \"node\" }} {{ eq 1 2 }} {{ eq nil nil }}", "true false true"),
                Arguments.of("{{ ne $labels.job \"node\" }}", "false"),
                Arguments.of("{{ lt 1 2 }}{{ le 2 2 }}{{ gt 1.5 2.5 }}{{ ge \"b\" \"a\" }}", "truetruefalsetrue"),
                Arguments.of("{{ lt \"Z\" \"a\" }} {{ lt \"é\" \"z\" }}", "true false"),
                Arguments.of("{{ eq (index \"a\" 0) 97 }}", "true"));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(0.1, "0.1"),
                Arguments.of(42.0, "42"),
                Arguments.of(123456.0, "123456"),
                Arguments.of(1e6, "1e+06"),
                Arguments.of(1234567.0, "1.234567e+06"),
                Arguments.of(0.0001, "0.0001"),
                Arguments.of(0.00001, "1e-05"),
                Arguments.of(1.0 / 3, "0.3333333333333333"),
                Arguments.of(2.0 / 3, "0.6666666666666666"),
                Arguments.of(100.0 * 1.1, "110.00000000000001"),
                Arguments.of(5e-324, "5e-324"),
                Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
                Arguments.of(-0.0, "-0"),
                Arguments.of(-2.5, "-2.5"),
                Arguments.of(Double.NaN, "NaN"),
                Arguments.of(Double.POSITIVE_INFINITY, "+Inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-Inf"));
    }

    @ParameterizedTest
    @MethodSource({"textAndConstants", "trimMarkersAndComments", "variablesAndFields", "controlStructures",
        "pipelinesAndBuiltins"})
    void rendersLikeGo(String template, String expected) throws TemplateException {
        assertThat(Render.render(template)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("values")
    void printsValueAsGoPrintsAFloat64(double value, String expected) throws TemplateException {
        assertThat(Render.render("{{ $value }}", Render.data(value))).isEqualTo(expected);
        assertThat(Render.render("{{ .Value }}", Render.data(value))).isEqualTo(expected);
    }
}
