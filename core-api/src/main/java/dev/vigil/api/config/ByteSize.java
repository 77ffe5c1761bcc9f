package dev.vigil.api.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes in configuration, written as a number of bytes or with a unit: {@code 512MB},
 * {@code 10GiB}, {@code 1.5GB}. As in Prometheus's size settings, every unit is a power of 1024: {@code KB}
 * and {@code KiB} are both 1024 bytes.
 *
 * @param bytes the amount in bytes; never negative
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGTPE]?)(I?B)?", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "KMGTPE";

    /** Checks the amount is not negative. */
    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a byte size cannot be negative: " + bytes);
        }
    }

    /** {@code bytes} bytes. */
    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    /** {@code mebibytes} MiB. */
    public static ByteSize ofMebibytes(long mebibytes) {
        return new ByteSize(Math.multiplyExact(mebibytes, 1024L * 1024));
    }

    /**
     * Reads {@code 512MB}, {@code 10GiB}, {@code 1.5 GB}, {@code 2048} or {@code 2048B}.
     *
     * @throws IllegalArgumentException if {@code text} is not a size, naming what was expected
     */
    @JsonCreator
    public static ByteSize parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: expected a number of bytes or a number with "
                    + "a unit, such as 512MB or 10GiB (units B, KB, MB, GB, TB, PB, EB; each a power of 1024)");
        }
        String prefix = m.group(2).toUpperCase(Locale.ROOT);
        if (prefix.isEmpty() && m.group(3) != null && m.group(3).equalsIgnoreCase("iB")) {
            throw new IllegalArgumentException("'" + text + "' is not a size: 'iB' needs a prefix such as KiB or MiB");
        }
        double multiplier = Math.pow(1024, prefix.isEmpty() ? 0 : UNITS.indexOf(prefix) + 1);
        double bytes = Double.parseDouble(m.group(1)) * multiplier;
        if (bytes >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large a size");
        }
        return new ByteSize((long) bytes);
    }

    /** Reads a plain number of bytes. */
    @JsonCreator
    public static ByteSize ofJsonNumber(long bytes) {
        return new ByteSize(bytes);
    }

    /** The size in the largest unit that writes it without a fraction, such as {@code 512MiB}. */
    @JsonValue
    @Override
    public String toString() {
        if (bytes == 0) {
            return "0B";
        }
        long value = bytes;
        int unit = -1;
        while (unit < UNITS.length() - 1 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return unit < 0 ? value + "B" : value + String.valueOf(UNITS.charAt(unit)) + "iB";
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }
}
