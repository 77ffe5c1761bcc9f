package dev.vigil.alerting.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code printf} follows Go's fmt: verbs, flags, widths, precisions, rounding and misuse markers. */
class PrintfTest {

    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of("{{ printf \"%.2f\" $value }}", "42.50"),
                Arguments.of("{{ printf \"%5.2f|%-6.1f|%06.2f\" $value $value $value }}", "42.50|42.5  |042.50"),
                Arguments.of("{{ printf \"%f\" 3.0 }}", "3.000000"),
                Arguments.of("{{ printf \"%.0f %.0f %.0f\" 0.5 1.5 2.5 }}", "0 2 2"),
                Arguments.of("{{ printf \"%.2f %.2f %.2f\" 2.675 0.125 1.005 }}", "2.67 0.12 1.00"),
                Arguments.of("{{ printf \"%.1f\" 0.05 }}", "0.1"),
                Arguments.of("{{ printf \"%.3f\" 0.0001 }}", "0.000"),
                Arguments.of("{{ printf \"%08.3f\" -3.14159 }}", "-003.142"),
                Arguments.of("{{ printf \"%+.1f % .1f\" 2.0 2.0 }}", "+2.0  2.0"),
                Arguments.of("{{ printf \"%e %E\" 1234.5678 1234.5678 }}", "1.234568e+03 1.234568E+03"),
                Arguments.of("{{ printf \"%+.1e\" 12345.0 }}", "+1.2e+04"),
                Arguments.of("{{ printf \"%.3e\" 0.0 }}", "0.000e+00"),
                Arguments.of("{{ printf \"%e\" 1e-300 }}", "1.000000e-300"),
                Arguments.of("{{ printf \"%g %g %g\" 1234.5678 1e21 1e-7 }}", "1234.5678 1e+21 1e-07"),
                Arguments.of("{{ printf \"%.3g %.3g %.10g\" 1234.5678 0.000123456 1.5 }}", "1.23e+03 0.000123 1.5"),
                Arguments.of("{{ printf \"%G\" 1e-10 }}", "1E-10"),
                Arguments.of("{{ printf \"%v %v %v\" 0.1 1e6 123456.0 }}", "0.1 1e+06 123456"),
                Arguments.of("{{ printf \"%.2v\" 3.14159 }}", "3.1"),
                Arguments.of("{{ printf \"%8.3v|\" 3.14159 }}", "    3.14|"),
                Arguments.of("{{ printf \"%x %X\" 1.0 -2.5 }}", "0x1p+00 -0X1.4P+01"),
                Arguments.of("{{ printf \"%.1x\" 1.96875 }}", "0x1.0p+01"),
                Arguments.of("{{ printf \"%b\" 1.0 }}", "4503599627370496p-52"),
                Arguments.of("{{ printf \"%#g\" 1.0 }}", "1.00000"),
                Arguments.of("{{ printf \"%#.0f\" 1.0 }}", "1."),
                Arguments.of("{{ printf \"%6.2f%%\" 99.5 }}", " 99.50%"));
    }

    static Stream<Arguments> specialFloats() {
        return Stream.of(
                Arguments.of(Double.NaN, "{{ printf \"%f|%5.1f|%+f|%05f\" $value $value $value $value }}",
                        "NaN|  NaN|+NaN|  NaN"),
                Arguments.of(Double.POSITIVE_INFINITY, "{{ printf \"%f|%g|%.2f|%6.1f\" $value $value $value $value }}",
                        "+Inf|+Inf|+Inf|  +Inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, "{{ printf \"%f|%-6v|\" $value $value }}", "-Inf|-Inf  |"),
                Arguments.of(-0.0, "{{ printf \"%f %v %g\" $value $value $value }}", "-0.000000 -0 -0"));
    }

    static Stream<Arguments> integers() {
        return Stream.of(
                Arguments.of("{{ printf \"%d|%5d|%-5d|%05d\" 42 42 42 -42 }}", "42|   42|42   |-0042"),
                Arguments.of("{{ printf \"%x %X %#x %#o %o %O %b\" 255 255 255 8 8 8 5 }}", "ff FF 0xff 010 10 0o10 101"),
                Arguments.of("{{ printf \"%+d % d %+d\" 5 5 -5 }}", "+5  5 -5"),
                Arguments.of("{{ printf \"%.3d|%6.3d|%.0d|\" 7 7 0 }}", "007|   007||"),
                Arguments.of("{{ printf \"%c %q %U %#U\" 65 65 128512 65 }}", "A 'A' U+1F600 U+0041 'A'"),
                Arguments.of("{{ printf \"%v %d\" 9223372036854775807 -9223372036854775808 }}",
                        "9223372036854775807 -9223372036854775808"),
                Arguments.of("{{ printf \"%x\" -255 }}", "-ff"),
                Arguments.of("{{ printf \"%d\" (len $labels) }}", "5"),
                Arguments.of("{{ printf \"%t %5t\" true false }}", "true false"));
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("{{ printf \"%s|%10s|%-10s|%.2s\" \"node\" \"node\" \"node\" \"node\" }}",
                        "node|      node|node      |no"),
                Arguments.of("{{ printf \"%q\" \"a\\\"b\\n\" }}", "\"a\\\"b\\n\""),
                Arguments.of("{{ printf \"%+q %#q\" \"é\" \"back\" }}", "\"\\u00e9\" `back`"),
                Arguments.of("{{ printf \"%x % x %#x %X\" \"hi\" \"hi\" \"hi\" \"hi\" }}", "6869 68 69 0x6869 6869"),
                Arguments.of("{{ printf \"%v\" $labels.job }}", "node"),
                Arguments.of("{{ printf \"%s\" $externalLabels }}", "map[cluster:eu-1 replica:a]"),
                Arguments.of("{{ printf \"%+v\" . }}", "{Labels:map[alertname:InstanceDown dotted.name:dots "
                        + "instance:node-1.example.com:9100 job:node severity:page] ExternalLabels:map[cluster:eu-1 "
                        + "replica:a] ExternalURL:" + Render.EXTERNAL_URL + " Value:42.5}"),
                Arguments.of("{{ printf \"%#v\" $externalLabels }}", "map[string]string{\"cluster\":\"eu-1\", \"replica\":\"a\"}"),
                Arguments.of("{{ printf \"%T %T %T %T %T %T\" 1 1.5 \"s\" $labels true (args) }}",
                        "int float64 string map[string]string bool map[string]interface {}"),
                Arguments.of("{{ printf \"%v|%T\" nil nil }}", "<nil>|<nil>"),
                Arguments.of("{{ printf \"100%% of %s\" \"x\" }}", "100% of x"));
    }

    static Stream<Arguments> misuse() {
        return Stream.of(
                Arguments.of("{{ printf \"%d\" $value }}", "%!d(float64=42.5)"),
                Arguments.of("{{ printf \"%s\" 5 }}", "%!s(int=5)"),
                Arguments.of("{{ printf \"%f\" 5 }}", "%!f(int=5)"),
                Arguments.of("{{ printf \"%d\" \"x\" }}", "%!d(string=x)"),
                Arguments.of("{{ printf \"%d %d\" 1 }}", "1 %!d(MISSING)"),
                Arguments.of("{{ printf \"%d\" 1 2 \"x\" }}", "1%!(EXTRA int=2, string=x)"),
                Arguments.of("{{ printf \"abc%\" }}", "abc%!(NOVERB)"),
                Arguments.of("{{ printf \"%z\" 1 }}", "%!z(int=1)"),
                Arguments.of("{{ printf \"%d\" nil }}", "%!d(<nil>)"),
                Arguments.of("{{ printf \"%d\" $externalLabels }}", "map[%!d(string=cluster):%!d(string=eu-1) "
                        + "%!d(string=replica):%!d(string=a)]"),
                Arguments.of("{{ printf \"%[2]d %[1]d\" 1 2 }}", "2 1"),
                Arguments.of("{{ printf \"%[3]d\" 1 2 }}", "%!d(BADINDEX)"),
                Arguments.of("{{ printf \"%*d|%-*d|\" 5 42 4 7 }}", "   42|7   |"),
                Arguments.of("{{ printf \"%.*f\" 1 3.14159 }}", "3.1"),
                Arguments.of("{{ printf \"%*d\" \"x\" 1 }}", "%!(BADWIDTH)1"),
                Arguments.of("{{ printf \"%5d\" 1.5 }}", "%!d(float64=  1.5)"));
    }

    @ParameterizedTest
    @MethodSource({"floats", "integers", "strings", "misuse"})
    void formatsLikeGo(String template, String expected) throws TemplateException {
        assertThat(Render.render(template)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("specialFloats")
    void formatsNaNInfinitiesAndNegativeZeroLikeGo(double value, String template, String expected)
            throws TemplateException {
        assertThat(Render.render(template, Render.data(value))).isEqualTo(expected);
    }
}
