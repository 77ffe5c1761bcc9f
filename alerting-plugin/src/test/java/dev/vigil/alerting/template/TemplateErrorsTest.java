package dev.vigil.alerting.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parse and execution errors carry Go's and Prometheus's messages. Columns on the first line count Prometheus's
 * variable definitions, which come before the text, as they do in Prometheus.
 */
class TemplateErrorsTest {

    static Stream<Arguments> parseErrors() {
        return Stream.of(
                Arguments.of("{{ foo }}", "template: test:1: function \"foo\" not defined"),
                Arguments.of("{{ humanise $value }}", "template: test:1: function \"humanise\" not defined"),
                Arguments.of("Instance {{ $label.foo }} down", "template: test:1: undefined variable \"$label\""),
                Arguments.of("{{ if true }}x", "template: test:1: unexpected EOF"),
                Arguments.of("{{ range $labels }}{{ if true }}x{{ end }}", "template: test:1: unexpected EOF"),
                Arguments.of("{{ end }}", "template: test:1: unexpected {{end}}"),
                Arguments.of("{{ else }}", "template: test:1: unexpected {{else}}"),
                Arguments.of("{{ if true }}{{ else }}{{ else }}{{ end }}", "template: test:1: expected end; found {{else}}"),
                Arguments.of("{{ end x }}", "template: test:1: unexpected \"x\" in end"),
                Arguments.of("{{", "template: test:1: unclosed action"),
                Arguments.of("{{ 1 ", "template: test:1: unclosed action"),
                Arguments.of("line one\n{{ .Labels\n", "template: test:3: unclosed action started at test:2"),
                Arguments.of("{{ \"abc }}", "template: test:1: unterminated quoted string"),
                Arguments.of("{{ `abc }}", "template: test:1: unterminated raw quoted string"),
                Arguments.of("{{ 'ab }}", "template: test:1: unterminated character constant"),
                Arguments.of("{{ 'ab' }}", "template: test:1: malformed character constant: 'ab'"),
                Arguments.of("{{ (1 }}", "template: test:1: unclosed left paren"),
                Arguments.of("{{ ) }}", "template: test:1: unexpected right paren"),
                Arguments.of("{{ /* comment */ }}", "template: test:1: unexpected \"/\" in command"),
                Arguments.of("{{/* unclosed", "template: test:1: unclosed comment"),
                Arguments.of("{{/* x */ 1 }}", "template: test:1: comment ends before closing delimiter"),
                Arguments.of("{{ 3 | 4 }}", "template: test:1: non executable command in pipeline stage 2"),
                Arguments.of("{{ $value | nil }}", "template: test:1: non executable command in pipeline stage 2"),
                Arguments.of("{{ }}", "template: test:1: missing value for command"),
                Arguments.of("{{ if }}{{ end }}", "template: test:1: missing value for if"),
                Arguments.of("{{ range $i, $v, $w := $labels }}{{ end }}", "template: test:1: too many declarations in range"),
                Arguments.of("{{ $a, $b := 1 }}", "template: test:1: too many declarations in command"),
                Arguments.of("{{ range $i, 3 }}{{ end }}", "template: test:1: range can only initialize variables"),
                Arguments.of("{{ break }}", "template: test:1: {{break}} outside {{range}}"),
                Arguments.of("{{ range $labels }}{{ continue 1 }}{{ end }}", "template: test:1: unexpected \"1\" in {{continue}}"),
                Arguments.of("{{ .Labels..job }}", "template: test:1: unexpected <.> in operand"),
                Arguments.of("{{ \"a\".b }}", "template: test:1: unexpected . after term \"\\\"a\\\"\""),
                Arguments.of("{{ 1abc }}", "template: test:1: bad number syntax: \"1a\""),
                Arguments.of("{{ 0x }}", "template: test:1: illegal number syntax: \"0x\""),
                Arguments.of("{{ 99999999999999999999 }}", "template: test:1: integer overflow: 99999999999999999999"),
                Arguments.of("{{ \"\\q\" }}", "template: test:1: invalid syntax"),
                Arguments.of("{{ $x=1 }}", "template: test:1: bad character U+003D '='"),
                Arguments.of("{{ len:3 }}", "template: test:1: expected :="),
                Arguments.of("{{ \u00a0 }}", "template: test:1: unrecognized character in action: U+00A0"),
                Arguments.of("{{ 1 ; 2 }}", "template: test:1: unexpected \";\" in operand"),
                Arguments.of("{{ range $labels }}{{ else if true }}{{ end }}", "template: test:1: unexpected <if> in input"),
                Arguments.of("{{ template x }}", "template: test:1: unexpected \"x\" in template clause"),
                Arguments.of("{{ define \"a\" }}{{ $labels }}{{ end }}", "template: test:1: undefined variable \"$labels\""),
                Arguments.of("{{ define \"a\" }}1{{ end }}{{ define \"a\" }}2{{ end }}",
                        "template: test:1: template: multiple definition of template \"a\""),
                Arguments.of("{{ if true }}{{ define \"a\" }}{{ end }}{{ end }}", "template: test:1: unexpected <define> in command"),
                Arguments.of("{{ block \"b\" 1 }}x", "template: test:1: unexpected EOF"),
                Arguments.of("a\nb\n{{ if true }}\nc\n{{ end }\n", "template: test:5: unexpected \"}\" in end"),
                Arguments.of("{{ printf \"%s\" \"this is a long string\" 1abc }}", "template: test:1: bad number syntax: \"1a\""),
                Arguments.of("{{ if true }}{{ else \"a long string here\" }}{{ end }}",
                        "template: test:1: unexpected \"\\\"a long st\"... in else"));
    }

    @ParameterizedTest
    @MethodSource("parseErrors")
    void refusesToParseWithGosMessage(String text, String message) {
        assertThatThrownBy(() -> AlertTemplate.parse("test", text))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void namesTheTemplateAsTheRuleLoaderDoes() {
        assertThatThrownBy(() -> AlertTemplate.parse("__alert_InstanceDown", "Instance {{ $label.foo }} down"))
                .hasMessage("template: __alert_InstanceDown:1: undefined variable \"$label\"");
    }

    static Stream<Arguments> executionErrors() {
        return Stream.of(
                Arguments.of("{{ humanize \"one\" }}", 3, "humanize \"one\"",
                        "error calling humanize: strconv.ParseFloat: parsing \"one\": invalid syntax"),
                Arguments.of("{{ humanize1024 \"one\" }}", 3, "humanize1024 \"one\"",
                        "error calling humanize1024: strconv.ParseFloat: parsing \"one\": invalid syntax"),
                Arguments.of("{{ \"one\" | humanizePercentage }}", 11, "humanizePercentage",
                        "error calling humanizePercentage: strconv.ParseFloat: parsing \"one\": invalid syntax"),
                Arguments.of("{{ humanize true }}", 3, "humanize true", "error calling humanize: can't convert bool to float"),
                Arguments.of("{{ humanizeTimestamp 1e300 }}", 3, "humanizeTimestamp 1e300",
                        "error calling humanizeTimestamp: 1e+300 cannot be represented as a nanoseconds timestamp since "
                                + "it overflows int64"),
                Arguments.of("{{ humanizeTimestamp -9223372036854775808 }}", 3, "humanizeTimestamp -9223372036854775808",
                        "error calling humanizeTimestamp: -9.223372036854776e+18 cannot be represented as a nanoseconds "
                                + "timestamp since it overflows int64"),
                Arguments.of("{{ toTime \"NaN\" }}", 3, "toTime \"NaN\"", "error calling toTime: value is NaN or Inf"),
                Arguments.of("{{ parseDuration \"five\" }}", 3, "parseDuration \"five\"",
                        "error calling parseDuration: not a valid duration string: \"five\""),
                Arguments.of("{{ parseDuration \"5x\" }}", 3, "parseDuration \"5x\"",
                        "error calling parseDuration: unknown unit \"x\" in duration \"5x\""),
                Arguments.of("{{ .Foo }}", 3, ".Foo", "can't evaluate field Foo in type struct { Labels map[string]string; "
                        + "ExternalLabels map[string]string; ExternalURL string; Value interface {} }"),
                Arguments.of("{{ .Value.Foo }}", 9, ".Value.Foo", "can't evaluate field Foo in type interface {}"),
                Arguments.of("{{ (args 1).arg0.x }}", 9, "1", "can't evaluate field x in type interface {}"),
                Arguments.of("{{ (args 1).arg5.x }}", 9, "1", "nil pointer evaluating interface {}.x"),
                Arguments.of("{{ $value.Foo }}", 9, "$value.Foo", "can't evaluate field Foo in type float64"),
                Arguments.of("{{ .Labels.job.x }}", 10, ".Labels.job.x", "can't evaluate field x in type string"),
                Arguments.of("{{ .Labels.job 1 }}", 10, ".Labels.job", "job is not a method but has arguments"),
                Arguments.of("{{ .Value 1 }}", 3, ".Value", "Value has arguments but cannot be invoked as function"),
                Arguments.of("{{ gt $value 40 }}", 3, "gt $value 40",
                        "error calling gt: incompatible types for comparison: float64 and int"),
                Arguments.of("{{ if eq $value 0 }}x{{ end }}", 6, "eq $value 0",
                        "error calling eq: incompatible types for comparison: float64 and int"),
                Arguments.of("{{ lt $labels 1 }}", 3, "lt $labels 1", "error calling lt: invalid type for comparison"),
                Arguments.of("{{ eq }}", 3, "eq", "wrong number of args for eq: want at least 1 got 0"),
                Arguments.of("{{ eq 1 }}", 3, "eq 1", "error calling eq: missing argument for comparison"),
                Arguments.of("{{ eq $labels $labels }}", 3, "eq $labels $labels", "error calling eq: non-comparable type "
                        + "map[alertname:InstanceDown dotted.name:dots instance:node-1.example.com:9100 job:node "
                        + "severity:page]: map[string]string"),
                Arguments.of("{{ index $labels 1 }}", 3, "index $labels 1",
                        "error calling index: value has type int; should be string"),
                Arguments.of("{{ index \"abc\" 5 }}", 3, "index \"abc\" 5", "error calling index: index out of range: 5"),
                Arguments.of("{{ index \"abc\" 3 }}", 3, "index \"abc\" 3",
                        "error calling index: reflect: string index out of range"),
                Arguments.of("{{ index $value 0 }}", 3, "index $value 0", "error calling index: can't index item of type float64"),
                Arguments.of("{{ index nil 0 }}", 3, "index nil 0", "error calling index: index of untyped nil"),
                Arguments.of("{{ len 3 }}", 3, "len 3", "error calling len: len of type int"),
                Arguments.of("{{ slice \"abc\" 2 1 }}", 3, "slice \"abc\" 2 1", "error calling slice: invalid slice index: 2 > 1"),
                Arguments.of("{{ toUpper $value }}", 11, "$value", "wrong type for value; expected string; got float64"),
                Arguments.of("{{ printf $value }}", 10, "$value", "wrong type for value; expected string; got float64"),
                Arguments.of("{{ toUpper 5 }}", 11, "5", "expected string; found 5"),
                Arguments.of("{{ toUpper (safeHtml \"x\") }}", 21, "\"x\"",
                        "wrong type for value; expected string; got template.HTML"),
                Arguments.of("{{ humanize }}", 3, "humanize", "wrong number of args for humanize: want 1 got 0"),
                Arguments.of("{{ humanize 1 2 }}", 3, "humanize", "wrong number of args for humanize: want 1 got 2"),
                Arguments.of("{{ first 5 }}", 9, "5", "can't handle 5 for arg of type template.queryResult"),
                Arguments.of("{{ \"a\" | first }}", 9, "first",
                        "wrong type for value; expected template.queryResult; got string"),
                Arguments.of("{{ toUpper nil }}", 11, "nil", "cannot assign nil to string"),
                Arguments.of("{{ value nil }}", 3, "value nil",
                        "error calling value: runtime error: invalid memory address or nil pointer dereference"),
                Arguments.of("{{ query \"up\" }}", 3, "query \"up\"", "error calling query: queries are not available in this template"),
                Arguments.of("{{ template \"x\" }}", 12, "{{template \"x\"}}", "template \"x\" not defined"),
                Arguments.of("{{ nil }}", 3, "nil", "nil is not a command"),
                Arguments.of("{{ \"a\" \"b\" }}", 3, "\"a\"", "can't give argument to non-function \"a\""),
                Arguments.of("{{ $x := 1 }}{{ $x.foo }}", 18, "$x.foo", "can't evaluate field foo in type int"),
                Arguments.of("{{ $x = 1 }}", 8, "1", "undefined variable: $x"),
                Arguments.of("{{ range $value }}{{ end }}", 9, "$value", "range can't iterate over 42.5"),
                Arguments.of("{{ range $i, $v := 3 }}{{ end }}", 19, "3", "can't use 3 to iterate over more than one variable"),
                Arguments.of("{{ reReplaceAll \"(\" \"x\" \"y\" }}", 3, "reReplaceAll \"(\" \"x\" \"y\"", null),
                Arguments.of("{{ match \"(\" \"y\" }}", 3, "match \"(\" \"y\"", null),
                Arguments.of("{{ call $labels }}", 3, "call $labels",
                        "error calling call: non-function $labels of type map[string]string"),
                Arguments.of("{{ 18446744073709551615 }}", 3, "18446744073709551615", "18446744073709551615 overflows int"),
                Arguments.of("{{ define \"t\" }}{{ humanize . }}{{ end }}{{ template \"t\" \"x\" }}", 19, "humanize .",
                        "error calling humanize: strconv.ParseFloat: parsing \"x\": invalid syntax"));
    }

    @ParameterizedTest
    @MethodSource("executionErrors")
    void failsToExecuteWithPrometheussMessage(String text, int column, String context, String reason) {
        String executing = text.contains("define \"t\"") ? "t" : "test";
        String prefix = "error executing template test: template: test:1:" + Render.column(column) + ": executing \""
                + executing + "\" at <" + context + ">: ";
        if (reason == null) {
            assertThatThrownBy(() -> Render.render(text)).isInstanceOf(TemplateException.class)
                    .hasMessageStartingWith(prefix + "error calling ")
                    .hasMessageContaining("error parsing regexp: ");
        } else {
            assertThatThrownBy(() -> Render.render(text)).isInstanceOf(TemplateException.class)
                    .hasMessage(prefix + reason);
        }
    }

    @Test
    void reportsLineAndByteColumnOnLaterLines() {
        assertThatThrownBy(() -> Render.render("Summary:\n  é {{ humanize \"x\" }}"))
                .hasMessage("error executing template test: template: test:2:8: executing \"test\" at <humanize \"x\">: "
                        + "error calling humanize: strconv.ParseFloat: parsing \"x\": invalid syntax");
    }

    @Test
    void keepsTheNameOfTheTemplateBeingRun() {
        assertThatThrownBy(() -> Render.render("{{ define \"inner\" }}\n{{ .Missing.x }}{{ end }}{{ template \"inner\" 5 }}"))
                .hasMessage("error executing template test: template: test:2:11: executing \"inner\" at <.Missing.x>: "
                        + "can't evaluate field Missing in type int");
    }

    @Test
    void stopsRunawayRecursion() {
        assertThatThrownBy(() -> Render.render("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}"))
                .hasMessageEndingWith("exceeded maximum template depth (" + Executor.MAX_DEPTH + ")");
    }

    @Test
    void aFailedExecutionLeavesTheTemplateUsable() throws TemplateException {
        AlertTemplate template = AlertTemplate.parse("t", "{{ humanize $labels.value }}");
        assertThatThrownBy(() -> template.execute(Render.data(1))).isInstanceOf(TemplateException.class);
        assertThat(template.execute(new TemplateData(java.util.Map.of("value", "2048"), java.util.Map.of(), "", 0, 0,
                null))).isEqualTo("2.048k");
    }
}
