package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DateFunctionsTest {

    @Test
    void theEpoch() {
        assertThat(date(0)).containsExactly(1970, 1, 1, 1, 4, 31, 0, 0);
    }

    @Test
    void aMondayEveningIn2006() {
        assertThat(date(1136239445)).containsExactly(2006, 1, 2, 2, 1, 31, 22, 4);
    }

    @Test
    void aroundTheLeapSecondAtTheEndOf2008() {
        assertThat(DateFunctions.year(1230767999)).isEqualTo(2008);
        assertThat(DateFunctions.year(1230768000)).isEqualTo(2009);
    }

    @Test
    void leapYears() {
        assertThat(DateFunctions.month(1456790399) + DateFunctions.dayOfMonth(1456790399) / 100).isEqualTo(2.29);
        assertThat(DateFunctions.month(1456790400) + DateFunctions.dayOfMonth(1456790400) / 100).isEqualTo(3.01);
        assertThat(DateFunctions.dayOfYear(1483191420)).isEqualTo(366);
        assertThat(DateFunctions.dayOfYear(1672493820)).isEqualTo(365);
        assertThat(DateFunctions.daysInMonth(1454284800)).isEqualTo(29);
        assertThat(DateFunctions.daysInMonth(1485907200)).isEqualTo(28);
    }

    @Test
    void fractionsOfASecondAreDroppedTowardsZero() {
        assertThat(date(1.9)).containsExactly(date(1));
        assertThat(date(-0.5)).containsExactly(date(0));
        // One second before the epoch: Wednesday 1969-12-31 23:59:59.
        assertThat(date(-1)).containsExactly(1969, 12, 31, 365, 3, 31, 23, 59);
    }

    @Test
    void timesWithoutADateGiveNaN() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (double field : date(v)) {
                assertThat(field).isNaN();
            }
        }
    }

    @Test
    void agreesWithTheJavaCalendarOverMillennia() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-80_000_000_000L, 80_000_000_000L);
            LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            assertThat(date(seconds)).as("%s", t).containsExactly(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getDayOfYear(), t.getDayOfWeek().getValue() % 7, t.toLocalDate().lengthOfMonth(), t.getHour(),
                    t.getMinute());
        }
    }

    @Test
    void theElementFunctionsByName() {
        String[] names = {"year", "month", "day_of_month", "day_of_year", "day_of_week", "days_in_month", "hour", "minute"};
        double[] expected = date(1136239445);
        for (int i = 0; i < names.length; i++) {
            assertThat(FunctionKernels.element().get(names[i]).apply(1136239445, new double[0])).isEqualTo(expected[i]);
        }
    }

    private static double[] date(double seconds) {
        return new double[] {
            DateFunctions.year(seconds), DateFunctions.month(seconds), DateFunctions.dayOfMonth(seconds),
            DateFunctions.dayOfYear(seconds), DateFunctions.dayOfWeek(seconds), DateFunctions.daysInMonth(seconds),
            DateFunctions.hour(seconds), DateFunctions.minute(seconds),
        };
    }
}
