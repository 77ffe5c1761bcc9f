package dev.vigil.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelNamesTest {

    @Test
    void escapedNamesAreUnescaped() {
        assertThat(LabelNames.unescape("U__http_2e_method")).isEqualTo("http.method");
        assertThat(LabelNames.unescape("U__my__label")).isEqualTo("my_label");
        assertThat(LabelNames.unescape("U__a_1f600_b")).isEqualTo("a\uD83D\uDE00b");
        assertThat(LabelNames.unescape("U__")).isEmpty();
    }

    @Test
    void namesThatAreNotEscapedStayAsTheyAre() {
        assertThat(LabelNames.unescape("job")).isEqualTo("job");
        assertThat(LabelNames.unescape("U__bad_zz_")).isEqualTo("U__bad_zz_");
        assertThat(LabelNames.unescape("U__open_2e")).isEqualTo("U__open_2e");
        assertThat(LabelNames.unescape("U__trailing_")).isEqualTo("U__trailing_");
        assertThat(LabelNames.unescape("U__long_1234567_")).isEqualTo("U__long_1234567_");
        assertThat(LabelNames.unescape("U__surrogate_d800_")).isEqualTo("U__surrogate_d800_");
        assertThat(LabelNames.unescape("U__minus_-1_")).isEqualTo("U__minus_-1_");
    }
}
