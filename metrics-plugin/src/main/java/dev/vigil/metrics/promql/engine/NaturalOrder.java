package dev.vigil.metrics.promql.engine;

/**
 * Natural order of strings, as {@code sort_by_label} uses it: runs of digits compare as numbers (leading zeros
 * ignored), everything else character by character, so {@code cpu2 < cpu10} and {@code 1.2.3 < 1.11.3}.
 */
final class NaturalOrder {

    private NaturalOrder() {}

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int startA = skipZeros(a, i);
                int startB = skipZeros(b, j);
                int endA = digitsEnd(a, startA);
                int endB = digitsEnd(b, startB);
                if (endA - startA != endB - startB) {
                    return Integer.compare(endA - startA, endB - startB);
                }
                int c = a.substring(startA, endA).compareTo(b.substring(startB, endB));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
                continue;
            }
            if (x != y) {
                return Character.compare(x, y);
            }
            i++;
            j++;
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The index of the first digit of the run at {@code from} that is not a leading zero (the last one if all are). */
    private static int skipZeros(String s, int from) {
        int i = from;
        while (i + 1 < s.length() && s.charAt(i) == '0' && isDigit(s.charAt(i + 1))) {
            i++;
        }
        return i;
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
