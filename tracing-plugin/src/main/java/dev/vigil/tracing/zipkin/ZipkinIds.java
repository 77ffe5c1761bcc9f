package dev.vigil.tracing.zipkin;

/**
 * Zipkin's trace and span ids as Vigil keeps them. Zipkin writes ids as lower-case hex: a span id in 16 digits, a
 * trace id in 16 (64 bits) or 32 (128 bits), shorter ones standing for their value padded with leading zeros. Vigil
 * keeps every trace id in 32 digits, so a 64-bit id gains 16 leading zeros, and writes such an id back in 16, as
 * Zipkin does. Stateless.
 */
final class ZipkinIds {

    private static final String ZEROS = "0000000000000000";

    private ZipkinIds() {}

    /**
     * A trace id in 32 digits.
     *
     * @throws IllegalArgumentException if it is empty, longer than 32, not lower-case hex or all zeros
     */
    static String traceId(String field, String id) {
        int zeros = check(field, id, 32);
        if (zeros == id.length()) {
            throw new IllegalArgumentException(field + " is all zeros");
        }
        return id.length() == 32 ? id : (ZEROS + ZEROS).substring(id.length()) + id;
    }

    /**
     * A span id in 16 digits.
     *
     * @throws IllegalArgumentException if it is empty, longer than 16, not lower-case hex or all zeros
     */
    static String spanId(String field, String id) {
        int zeros = check(field, id, 16);
        if (zeros == id.length()) {
            throw new IllegalArgumentException(field + " is all zeros");
        }
        return pad16(id);
    }

    /**
     * A parent span id in 16 digits, or {@code ""} for all zeros, which Zipkin reads as no parent.
     *
     * @throws IllegalArgumentException if it is empty, longer than 16 or not lower-case hex
     */
    static String parentId(String id) {
        int zeros = check("parentId", id, 16);
        return zeros == id.length() ? "" : pad16(id);
    }

    /** A stored 32-digit trace id as Zipkin writes it: 16 digits when its high 64 bits are zero. */
    static String toZipkin(String traceId) {
        return traceId.length() == 32 && traceId.startsWith(ZEROS) ? traceId.substring(16) : traceId;
    }

    private static String pad16(String id) {
        return id.length() == 16 ? id : ZEROS.substring(id.length()) + id;
    }

    /** Checks the digits and returns how many leading zeros there are. */
    private static int check(String field, String id, int maxLength) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        if (id.length() > maxLength) {
            throw new IllegalArgumentException(field + ".length > " + maxLength);
        }
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new IllegalArgumentException(field + " should be lower-hex encoded with no prefix");
            }
            if (leading && c == '0') {
                zeros++;
            } else {
                leading = false;
            }
        }
        return zeros;
    }
}
