package dev.vigil.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ApiNumbersTest {

    private final ApiNumbers numbers = new ApiNumbers();

    @Test
    void sampleValuesAreWrittenAsPrometheusWritesThem() {
        assertThat(sample(1)).isEqualTo("1");
        assertThat(sample(0.1)).isEqualTo("0.1");
        assertThat(sample(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(sample(-2.5)).isEqualTo("-2.5");
        assertThat(sample(0.0)).isEqualTo("0");
        assertThat(sample(-0.0)).isEqualTo("-0");
        assertThat(sample(1e20)).isEqualTo("100000000000000000000");
        assertThat(sample(123456789012345678901.0)).isEqualTo("123456789012345680000");
        assertThat(sample(1e21)).isEqualTo("1e+21");
        assertThat(sample(0.000001)).isEqualTo("0.000001");
        assertThat(sample(1e-7)).isEqualTo("1e-07");
        assertThat(sample(1.5e300)).isEqualTo("1.5e+300");
        assertThat(sample(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(sample(Double.NaN)).isEqualTo("NaN");
        assertThat(sample(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(sample(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void everyValueOfTheGoldenFileIsWrittenAsGoWritesIt() throws IOException {
        List<String[]> rows = goldenRows();
        assertThat(rows).hasSizeGreaterThan(1000);
        for (String[] row : rows) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
            assertThat(sample(value)).as("sample value of %s", row[0]).isEqualTo(row[1]);
            assertThat(scalar(value)).as("scalar value of %s", row[0]).isEqualTo(row[2]);
        }
    }

    @Test
    void timestampsHaveThreeDigitsOfMillisecondsOrNone() {
        assertThat(timestamp(1435781451781L)).isEqualTo("1435781451.781");
        assertThat(timestamp(1500)).isEqualTo("1.500");
        assertThat(timestamp(1050)).isEqualTo("1.050");
        assertThat(timestamp(1005)).isEqualTo("1.005");
        assertThat(timestamp(12_000)).isEqualTo("12");
        assertThat(timestamp(0)).isEqualTo("0");
        assertThat(timestamp(-1500)).isEqualTo("-1.500");
        assertThat(timestamp(-5)).isEqualTo("-0.005");
    }

    @Test
    void secondsAreTheShortestJsonNumber() {
        assertThat(seconds(1050)).isEqualTo("1.05");
        assertThat(seconds(1500)).isEqualTo("1.5");
        assertThat(seconds(100_000)).isEqualTo("100");
        assertThat(seconds(-1500)).isEqualTo("-1.5");
        assertThat(seconds(1435781451781L)).isEqualTo("1435781451.781");
        assertThat(seconds(0)).isEqualTo("0");
    }

    private String sample(double value) {
        return new String(numbers.chars(), 0, numbers.sampleValue(value));
    }

    private String scalar(double value) {
        return new String(numbers.chars(), 0, numbers.scalarValue(value));
    }

    private String timestamp(long millis) {
        return new String(numbers.chars(), 0, numbers.timestamp(millis));
    }

    private String seconds(long millis) {
        return new String(numbers.chars(), 0, numbers.seconds(millis));
    }

    private static List<String[]> goldenRows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ApiNumbersTest.class.getResourceAsStream("numbers.txt"), "numbers.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#")) {
                    rows.add(line.split(" "));
                }
            }
        }
        return rows;
    }
}
