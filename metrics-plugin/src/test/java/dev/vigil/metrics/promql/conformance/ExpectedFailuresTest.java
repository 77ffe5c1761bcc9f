package dev.vigil.metrics.promql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedFailuresTest {

    @Test
    void readsCasesAndReasons() {
        ExpectedFailures list = ExpectedFailures.parse("""
                # known failures
                functions.test:120  holt_winters is not implemented

                  at_modifier.test:7   @ end() inside a subquery is evaluated at the outer end
                """);
        assertThat(list.entries()).containsExactly(
                java.util.Map.entry("functions.test:120", "holt_winters is not implemented"),
                java.util.Map.entry("at_modifier.test:7", "@ end() inside a subquery is evaluated at the outer end"));
        assertThat(list.contains("functions.test:120")).isTrue();
        assertThat(list.contains("functions.test:121")).isFalse();
        assertThat(ExpectedFailures.fileOf("functions.test:120")).isEqualTo("functions.test");
    }

    @Test
    void refusesEntriesWithoutAReasonAndRepeatedOnes() {
        assertThatThrownBy(() -> ExpectedFailures.parse("functions.test:1\nfunctions.test:2 x\nfunctions.test:2 y\nfoo bar\n"))
                .hasMessageContaining("line 1: expected")
                .hasMessageContaining("line 3: functions.test:2 is listed twice")
                .hasMessageContaining("line 4: expected");
    }

    @Test
    void theCheckedInListIsWellFormed() {
        assertThat(ExpectedFailures.load().entries()).allSatisfy((id, reason) -> assertThat(reason).isNotBlank());
    }
}
