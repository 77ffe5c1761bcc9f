package dev.vigil.alerting.rules.unittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.StaleMarker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpandingNotationTest {

    /** The values, a missing one shown as {@code _} and a staleness marker as {@code stale}. */
    private static List<String> expand(String text) throws NotationException {
        ExpandingNotation values = ExpandingNotation.parse(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(!values.isPresent(i) ? "_" : StaleMarker.isStale(values.value(i)) ? "stale" : String.valueOf(values.value(i)));
        }
        return out;
    }

    @Test
    void expandsEachForm() throws NotationException {
        assertThat(expand("1+1x2")).containsExactly("1.0", "2.0", "3.0");
        assertThat(expand("-2+4x3")).containsExactly("-2.0", "2.0", "6.0", "10.0");
        assertThat(expand("1-2x4")).containsExactly("1.0", "-1.0", "-3.0", "-5.0", "-7.0");
        assertThat(expand("1x2")).containsExactly("1.0", "1.0", "1.0");
        assertThat(expand("0 _ _x2 stale 5")).containsExactly("0.0", "_", "_", "_", "stale", "5.0");
        assertThat(expand("1e3 .5 -Inf NaN")).containsExactly("1000.0", "0.5", "-Infinity", "NaN");
        assertThat(expand("  7  ")).containsExactly("7.0");
        assertThat(expand("")).isEmpty();
    }

    @Test
    void readsZeroXTenAsTenMoreZerosNotAsHexadecimal() throws NotationException {
        assertThat(expand("0x10")).hasSize(11).containsOnly("0.0");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> ExpandingNotation.parse("1 a")).hasMessage("1:3: parse error: expected a number in \"a\"");
        assertThatThrownBy(() -> ExpandingNotation.parse("1+2")).hasMessageContaining("expected 'x' and a count");
        assertThatThrownBy(() -> ExpandingNotation.parse("1x")).hasMessageContaining("expected a whole number of repetitions");
        assertThat(ExpandingNotation.hasHistogram("{{schema:1 sum:2}}x2")).isTrue();
    }
}
