package dev.vigil.metrics.promql.functions;

/**
 * The calendar functions ({@code year}, {@code month}, {@code day_of_month}, {@code day_of_year},
 * {@code day_of_week}, {@code days_in_month}, {@code hour}, {@code minute}) of a Unix time in seconds, in UTC
 * on the proleptic Gregorian calendar. Fractions of a second are dropped towards zero, as Prometheus does.
 * NaN and infinite times, which have no date, give NaN. Stateless and thread-safe.
 */
public final class DateFunctions {

    private static final long SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01, where the calendar cycle conveniently starts, to 1970-01-01. */
    private static final long EPOCH_SHIFT = 719_468;
    private static final long DAYS_PER_ERA = 146_097;
    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private DateFunctions() {}

    /** {@code year}. */
    public static double year(double unixSeconds) {
        return hasDate(unixSeconds) ? Math.floorDiv(civil(days(unixSeconds)), 10_000) : Double.NaN;
    }

    /** {@code month}: 1 to 12. */
    public static double month(double unixSeconds) {
        return hasDate(unixSeconds) ? Math.floorMod(civil(days(unixSeconds)), 10_000) / 100 : Double.NaN;
    }

    /** {@code day_of_month}: 1 to 31. */
    public static double dayOfMonth(double unixSeconds) {
        return hasDate(unixSeconds) ? Math.floorMod(civil(days(unixSeconds)), 100) : Double.NaN;
    }

    /** {@code day_of_year}: 1 to 366. */
    public static double dayOfYear(double unixSeconds) {
        if (!hasDate(unixSeconds)) {
            return Double.NaN;
        }
        long date = civil(days(unixSeconds));
        long year = Math.floorDiv(date, 10_000);
        int month = Math.floorMod(date, 10_000) / 100;
        int day = Math.floorMod(date, 100);
        return DAYS_BEFORE_MONTH[month - 1] + day + (month > 2 && isLeap(year) ? 1 : 0);
    }

    /** {@code day_of_week}: 0 for Sunday to 6 for Saturday. */
    public static double dayOfWeek(double unixSeconds) {
        // 1970-01-01 was a Thursday.
        return hasDate(unixSeconds) ? Math.floorMod(days(unixSeconds) + 4, 7) : Double.NaN;
    }

    /** {@code days_in_month}: 28 to 31. */
    public static double daysInMonth(double unixSeconds) {
        if (!hasDate(unixSeconds)) {
            return Double.NaN;
        }
        long date = civil(days(unixSeconds));
        int month = Math.floorMod(date, 10_000) / 100;
        return switch (month) {
            case 2 -> isLeap(Math.floorDiv(date, 10_000)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** {@code hour}: 0 to 23. */
    public static double hour(double unixSeconds) {
        return hasDate(unixSeconds) ? Math.floorMod(seconds(unixSeconds), SECONDS_PER_DAY) / 3600 : Double.NaN;
    }

    /** {@code minute}: 0 to 59. */
    public static double minute(double unixSeconds) {
        return hasDate(unixSeconds) ? Math.floorMod(seconds(unixSeconds), 3600) / 60 : Double.NaN;
    }

    private static boolean hasDate(double unixSeconds) {
        return !Double.isNaN(unixSeconds) && !Double.isInfinite(unixSeconds);
    }

    private static long seconds(double unixSeconds) {
        return (long) unixSeconds;
    }

    private static long days(double unixSeconds) {
        return Math.floorDiv(seconds(unixSeconds), SECONDS_PER_DAY);
    }

    private static boolean isLeap(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** The date {@code days} after 1970-01-01, packed as {@code year * 10000 + month * 100 + day}. */
    private static long civil(long days) {
        // Count in 400-year eras starting on 1 March, so the leap day ends each year and eras repeat exactly.
        long shifted = days + EPOCH_SHIFT;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        long dayOfEra = shifted - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }
}
