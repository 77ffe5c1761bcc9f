package dev.vigil.metrics.promql.parser;

import dev.vigil.metrics.promql.text.GoStrings;
import org.jspecify.annotations.Nullable;

/**
 * Reads the characters of number, duration and escape-sequence literals as Prometheus's lexer does. What it
 * accepts decides where a token ends and how a malformed one is reported, so it follows Prometheus's rules
 * to the character; the values are read later by {@link Literals} and {@link GoStrings}.
 */
final class LiteralScanner {

    private LiteralScanner() {}

    /** Checks one escape sequence after its backslash; returns what is wrong with it, or null. */
    static @Nullable String scanEscape(CharCursor in, int quote) {
        int ch = in.read();
        int digits;
        int base;
        int max;
        switch (ch) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\':
                return null;
            case '0', '1', '2', '3', '4', '5', '6', '7':
                digits = 3;
                base = 8;
                max = 255;
                break;
            case 'x':
                ch = in.read();
                digits = 2;
                base = 16;
                max = 255;
                break;
            case 'u':
                ch = in.read();
                digits = 4;
                base = 16;
                max = Character.MAX_CODE_POINT;
                break;
            case 'U':
                ch = in.read();
                digits = 8;
                base = 16;
                max = Character.MAX_CODE_POINT;
                break;
            case CharCursor.END:
                return "escape sequence not terminated";
            default:
                if (ch == quote) {
                    return null;
                }
                return "unknown escape sequence " + GoStrings.unicode(ch);
        }
        long value = 0;
        while (true) {
            int d = ch >= 0 && ch < 128 ? Character.digit(ch, 16) : -1;
            if (d < 0 || d >= base) {
                if (ch == CharCursor.END) {
                    return "escape sequence not terminated";
                }
                return "illegal character " + GoStrings.unicode(ch) + " in escape sequence";
            }
            value = value * base + d;
            if (--digits == 0) {
                break;
            }
            ch = in.read();
        }
        if (value > max || (value >= 0xD800 && value < 0xE000)) {
            return "escape sequence is an invalid Unicode code point";
        }
        return null;
    }

    /** Reads what may be a number; the parser finds out whether it is one Go can read. */
    static boolean scanNumber(CharCursor in) {
        int initial = in.pos();
        boolean hex = false;
        if (in.accept('0') && (in.accept('x') || in.accept('X'))) {
            in.accept('_');
            hex = true;
        }
        in.accept('.');
        acceptDigit(in, hex);
        boolean dot = false;
        boolean exponent = false;
        while (true) {
            int r = in.peek();
            boolean isExponent = r == 'e' || r == 'E';
            if (!(isNumberDigit(r, hex) || r == '.' || r == '_' || isExponent)) {
                break;
            }
            if (r == '.' && dot) {
                in.read();
                return false;
            }
            if (isExponent && exponent) {
                in.read();
                return false;
            }
            if (in.accept('.')) {
                dot = true;
                if (in.accept('_') || in.accept('.') || hex) {
                    return false;
                }
                continue;
            }
            if (in.accept('e') || in.accept('E')) {
                exponent = true;
                if (!in.accept('+')) {
                    in.accept('-');
                }
                if (acceptNumberStop(in) || in.peek() == CharCursor.END) {
                    return false;
                }
                continue;
            }
            if (in.accept('_')) {
                if (acceptNumberStop(in) || in.peek() == CharCursor.END) {
                    return false;
                }
                continue;
            }
            while (isNumberDigit(in.peek(), hex)) {
                in.read();
            }
        }
        return in.pos() != initial && !CharCursor.isAlphaNumeric(in.peek());
    }

    private static boolean acceptNumberStop(CharCursor in) {
        int r = in.peek();
        if (r == '.' || r == '_' || r == 'e' || r == 'E') {
            in.read();
            return true;
        }
        return false;
    }

    /** After the digits of a duration: units, and more digits with units, up to a character that ends a name. */
    static boolean acceptRemainingDuration(CharCursor in) {
        if (!acceptUnit(in, true)) {
            return false;
        }
        in.accept('s');
        while (acceptDigit(in, false)) {
            while (acceptDigit(in, false)) {
                // absorb the digits
            }
            if (!acceptUnit(in, false)) {
                return false;
            }
            in.accept('s');
        }
        return !CharCursor.isAlphaNumeric(in.read());
    }

    private static boolean acceptUnit(CharCursor in, boolean allowYears) {
        int r = in.peek();
        if (r == 's' || r == 'm' || r == 'h' || r == 'd' || r == 'w' || (allowYears && r == 'y')) {
            in.read();
            return true;
        }
        return false;
    }

    private static boolean acceptDigit(CharCursor in, boolean hex) {
        if (isNumberDigit(in.peek(), hex)) {
            in.read();
            return true;
        }
        return false;
    }

    private static boolean isNumberDigit(int r, boolean hex) {
        return CharCursor.isDigit(r) || (hex && ((r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')));
    }
}
