package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.template.Node.NumberNode;

/**
 * Reads a number constant of a template the way Go's parser does: which of int, uint and float64 it fits, and
 * the messages Go gives for ones that fit none ({@code illegal number syntax: "0x"}, {@code integer overflow: ...}).
 * Stateless.
 */
final class NumberLiteral {

    private NumberLiteral() {}

    /**
     * The node for the constant {@code text} lexed as {@code type}.
     *
     * @throws IllegalArgumentException with Go's message if it is not a valid constant
     */
    static NumberNode parse(int pos, String text, TokenType type) {
        if (type == TokenType.CHAR_CONSTANT) {
            int[] at = {1};
            int rune = GoText.unquoteChar(text, at, '\'');
            if (!text.substring(at[0]).equals("'")) {
                throw new IllegalArgumentException("malformed character constant: " + text);
            }
            return new NumberNode(pos, text, true, true, true, false, rune, rune);
        }
        if (type == TokenType.COMPLEX || text.endsWith("i")) {
            // Complex constants parse, as in Go, but no function of an alert template takes one.
            if (type == TokenType.COMPLEX || parsesAsFloat(text.substring(0, text.length() - 1))) {
                return new NumberNode(pos, text, false, false, false, true, 0, 0);
            }
        }
        boolean isUint = false;
        boolean isInt = false;
        boolean isFloat = false;
        long uint = 0;
        long int64 = 0;
        double float64 = 0;
        try {
            uint = GoNumbers.parseUint(text);
            isUint = true;
        } catch (IllegalArgumentException e) {
            // not an unsigned integer; try the other types
        }
        try {
            int64 = GoNumbers.parseInt(text);
            isInt = true;
            if (int64 == 0) {
                isUint = true;
                uint = 0;
            }
        } catch (IllegalArgumentException e) {
            // not a signed integer; try the other types
        }
        if (isInt) {
            isFloat = true;
            float64 = int64;
        } else if (isUint) {
            isFloat = true;
            float64 = unsignedToDouble(uint);
        } else if (parsesAsFloat(text)) {
            float64 = GoNumbers.parseFloat(text);
            if (!containsAny(text, ".eEpP")) {
                // Parses as a float but looks like an integer: one too large for 64 bits.
                throw new IllegalArgumentException("integer overflow: " + text);
            }
            isFloat = true;
            if (Math.abs(float64) < 0x1p63 && float64 == Math.rint(float64)) {
                isInt = true;
                int64 = (long) float64;
            }
            if (float64 >= 0 && float64 < 0x1p64 && float64 == Math.rint(float64)) {
                isUint = true;
                uint = doubleToUnsigned(float64);
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw new IllegalArgumentException("illegal number syntax: " + GoText.quote(text));
        }
        return new NumberNode(pos, text, isInt, isUint, isFloat, false, isInt ? int64 : uint, float64);
    }

    private static boolean parsesAsFloat(String text) {
        try {
            GoNumbers.parseFloat(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean containsAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static double unsignedToDouble(long u) {
        double d = (double) (u >>> 1) * 2.0;
        return d + (u & 1);
    }

    private static long doubleToUnsigned(double d) {
        if (d < 0x1p63) {
            return (long) d;
        }
        return (long) (d - 0x1p63) + Long.MIN_VALUE;
    }
}
