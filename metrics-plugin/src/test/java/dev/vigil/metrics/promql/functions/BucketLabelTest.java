package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BucketLabelTest {

    @Test
    void decimalNumbersInEveryNotation() {
        assertThat(BucketLabel.parse("0.1")).hasValue(0.1);
        assertThat(BucketLabel.parse(".2")).hasValue(0.2);
        assertThat(BucketLabel.parse("1e0")).hasValue(1);
        assertThat(BucketLabel.parse("2e-1")).hasValue(0.2);
        assertThat(BucketLabel.parse("2.0e-1")).hasValue(0.2);
        assertThat(BucketLabel.parse("1.")).hasValue(1);
        assertThat(BucketLabel.parse("-.2")).hasValue(-0.2);
        assertThat(BucketLabel.parse("+5")).hasValue(5);
        assertThat(BucketLabel.parse("0.0")).hasValue(0);
        assertThat(BucketLabel.parse("1E+3")).hasValue(1000);
        assertThat(BucketLabel.parse("1_000.5")).hasValue(1000.5);
        assertThat(BucketLabel.parse("1e-400")).hasValue(0);
    }

    @Test
    void infinitiesAndNaNInAnyCase() {
        for (String inf : new String[] {"+Inf", "+inf", "Inf", "INF", "infinity", "+Infinity"}) {
            assertThat(BucketLabel.parse(inf)).as(inf).hasValue(Double.POSITIVE_INFINITY);
        }
        assertThat(BucketLabel.parse("-Inf")).hasValue(Double.NEGATIVE_INFINITY);
        assertThat(BucketLabel.parse("NaN").orElseThrow()).isNaN();
        assertThat(BucketLabel.parse("nan").orElseThrow()).isNaN();
    }

    @Test
    void hexadecimalNumbersNeedABinaryExponent() {
        assertThat(BucketLabel.parse("0x1p-3")).hasValue(0.125);
        assertThat(BucketLabel.parse("0X1.8P1")).hasValue(3);
        assertThat(BucketLabel.parse("0x_1p0")).hasValue(1);
        assertThat(BucketLabel.parse("0x10")).isEmpty();
    }

    @Test
    void malformedValues() {
        for (String bad : new String[] {"", "Hello World", " 1", "1 ", "1d", "1f", "0x", ".", "e5", "1e", "1e+",
            "-NaN", "+nan", "inf1", "infin", "Infinityy", "1__0", "_1", "1_", "1._5", "1e400", "-1e400", "1,5",
            "NaN1", "0x1p", "1.2.3"}) {
            assertThat(BucketLabel.parse(bad)).as("\"%s\"", bad).isEqualTo(OptionalDouble.empty());
        }
    }
}
