package dev.vigil.alerting.template;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.template.GoValue.GoByte;
import dev.vigil.alerting.template.GoValue.GoDuration;
import dev.vigil.alerting.template.GoValue.GoMap;
import dev.vigil.alerting.template.GoValue.GoStruct;
import dev.vigil.alerting.template.GoValue.GoTime;
import dev.vigil.alerting.template.GoValue.QueryResult;
import dev.vigil.alerting.template.GoValue.SafeHtml;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Formats one value as Go's {@code fmt} does under a verb and the flags, width and precision set on this printer:
 * numbers, strings, maps in key order, structs, and {@code %!d(float64=1.5)} for a verb the value does not take.
 * Not thread-safe; {@link GoFmt} uses one per formatted string.
 */
final class GoPrinter {

    final StringBuilder buf = new StringBuilder(32);
    boolean plus;
    boolean minus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;

    /** Prints {@code value} as a template action does: a pointer to a struct as the struct. */
    void printPrintable(Object value) {
        if (value instanceof GoStruct s && s.isPointer()) {
            printStruct(s, 'v', 0);
        } else {
            printArg(value, 'v');
        }
    }

    /** Forgets the flags, width and precision of the last verb. */
    void clearFlags() {
        plus = false;
        minus = false;
        sharp = false;
        space = false;
        zero = false;
        plusV = false;
        sharpV = false;
        widPresent = false;
        precPresent = false;
        wid = 0;
        prec = 0;
    }

    /** Prints one operand under {@code verb}, as {@code fmt} prints an argument. */
    void printArg(@Nullable Object arg, int verb) {
        if (arg == null) {
            if (verb == 'T' || verb == 'v') {
                pad("<nil>");
            } else {
                badVerb(verb, null);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoValues.typeName(arg));
            return;
        }
        if (arg instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                pad(b.toString());
            } else {
                badVerb(verb, arg);
            }
        } else if (arg instanceof Long l) {
            fmtInteger(l, true, verb, arg);
        } else if (arg instanceof GoByte b) {
            fmtInteger(b.value(), false, verb, arg);
        } else if (arg instanceof Double d) {
            switch (verb) {
                case 'v' -> fmtFloat(d, 'g', -1);
                case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(d, (char) verb, -1);
                case 'f', 'e', 'E', 'F' -> fmtFloat(d, (char) verb, 6);
                default -> badVerb(verb, arg);
            }
        } else if (arg instanceof String s) {
            fmtString(s, verb, arg);
        } else if (arg instanceof SafeHtml h) {
            fmtString(h.text(), verb, arg);
        } else if (arg instanceof GoTime || arg instanceof GoDuration) {
            if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
                fmtString(arg.toString(), verb, arg);
            } else if (arg instanceof GoDuration d) {
                fmtInteger(d.nanos(), true, verb, arg);
            } else {
                badVerb(verb, arg);
            }
        } else {
            printValue(arg, verb, 0);
        }
    }

    private void printValue(@Nullable Object value, int verb, int depth) {
        if (depth > 0 && !(value instanceof GoMap || value instanceof QueryResult || value instanceof GoStruct)) {
            printArg(value, verb);
            return;
        }
        if (value instanceof GoMap m) {
            buf.append(sharpV ? m.goType() + "{" : "map[");
            List<String> keys = m.sortedKeys();
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    buf.append(sharpV ? ", " : " ");
                }
                printValue(keys.get(i), verb, depth + 1);
                buf.append(':');
                printValue(m.get(keys.get(i)), verb, depth + 1);
            }
            buf.append(sharpV ? '}' : ']');
        } else if (value instanceof QueryResult r) {
            buf.append(sharpV ? r.goType() + "{" : "[");
            for (int i = 0; i < r.samples().size(); i++) {
                if (i > 0) {
                    buf.append(sharpV ? ", " : " ");
                }
                printValue(r.samples().get(i), verb, depth + 1);
            }
            buf.append(sharpV ? '}' : ']');
        } else if (value instanceof GoStruct s) {
            if (s.isPointer()) {
                buf.append('&');
            }
            printStruct(s, verb, depth + 1);
        } else {
            printArg(value, verb);
        }
    }

    private void printStruct(GoStruct s, int verb, int depth) {
        if (sharpV) {
            buf.append(s.structType());
        }
        buf.append('{');
        List<String> names = s.fieldNames();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                buf.append(sharpV ? ", " : " ");
            }
            if (plusV || sharpV) {
                buf.append(names.get(i)).append(':');
            }
            printValue(s.field(names.get(i)), verb, depth + 1);
        }
        buf.append('}');
    }

    private void badVerb(int verb, @Nullable Object arg) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg != null) {
            buf.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v');
        } else {
            buf.append("<nil>");
        }
        buf.append(')');
    }

    private void fmtString(String s, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'x' -> fmtSx(s, false);
            case 'X' -> fmtSx(s, true);
            case 'q' -> fmtQ(s);
            default -> badVerb(verb, arg);
        }
    }

    private String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    private void fmtS(String s) {
        pad(truncate(s));
    }

    private void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoText.canBackquote(s)) {
            pad("`" + s + "`");
        } else {
            pad(plus ? GoText.quoteToAscii(s) : GoText.quote(s));
        }
    }

    private void fmtSx(String s, boolean upper) {
        byte[] bytes = GoText.utf8(s);
        String digits = upper ? "0123456789ABCDEFX" : "0123456789abcdefx";
        int length = bytes.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = bytes[i] & 0xff;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    private void fmtInteger(long v, boolean signed, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (sharpV && !signed) {
                    buf.append("0x").append(Long.toHexString(v));
                } else {
                    fmtIntegerBase(v, 10, signed, verb, false);
                }
            }
            case 'd' -> fmtIntegerBase(v, 10, signed, verb, false);
            case 'b' -> fmtIntegerBase(v, 2, signed, verb, false);
            case 'o', 'O' -> fmtIntegerBase(v, 8, signed, verb, false);
            case 'x' -> fmtIntegerBase(v, 16, signed, verb, false);
            case 'X' -> fmtIntegerBase(v, 16, signed, verb, true);
            case 'c' -> pad(new String(Character.toChars(validRune(v))));
            case 'q' -> pad(GoText.quoteRune(validRune(v), plus));
            case 'U' -> fmtUnicode(v);
            default -> badVerb(verb, arg);
        }
    }

    private static int validRune(long v) {
        return v < 0 || v > Character.MAX_CODE_POINT || v >= 0xD800 && v <= 0xDFFF ? 0xFFFD : (int) v;
    }

    private void fmtIntegerBase(long v, int base, boolean signed, int verb, boolean upper) {
        boolean negative = signed && v < 0;
        long u = negative ? -v : v;
        if (precPresent && prec == 0 && u == 0) {
            boolean oldZero = zero;
            zero = false;
            writePadding(wid);
            zero = oldZero;
            return;
        }
        int minDigits = 0;
        if (precPresent) {
            minDigits = prec;
        } else if (zero && !minus && widPresent) {
            minDigits = wid;
            if (negative || plus || space) {
                minDigits--;
            }
        }
        String digits = Long.toUnsignedString(u, base);
        if (upper) {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        StringBuilder number = new StringBuilder(digits.length() + 4);
        for (int k = digits.length(); k < minDigits; k++) {
            number.append('0');
        }
        number.append(digits);
        if (sharp) {
            switch (base) {
                case 2 -> number.insert(0, "0b");
                case 8 -> {
                    if (number.charAt(0) != '0') {
                        number.insert(0, '0');
                    }
                }
                case 16 -> number.insert(0, upper ? "0X" : "0x");
                default -> { }
            }
        }
        if (verb == 'O') {
            number.insert(0, "0o");
        }
        if (negative) {
            number.insert(0, '-');
        } else if (plus) {
            number.insert(0, '+');
        } else if (space) {
            number.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(number.toString());
        zero = oldZero;
    }

    private void fmtUnicode(long v) {
        int minDigits = precPresent && prec > 4 ? prec : 4;
        String hex = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder("U+");
        for (int k = hex.length(); k < minDigits; k++) {
            out.append('0');
        }
        out.append(hex);
        if (sharp && v >= 0 && v <= Character.MAX_CODE_POINT && GoText.isPrint((int) v)) {
            out.append(" '").appendCodePoint((int) v).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(out.toString());
        zero = oldZero;
    }

    /** Prints a float64 under a float verb, with Go's sign, padding and {@code #} rules. */
    void fmtFloat(double v, char verb, int defaultPrec) {
        int p = precPresent ? prec : defaultPrec;
        StringBuilder num = new StringBuilder(GoFloats.format(v, verb == 'F' ? 'f' : verb, p));
        if (num.charAt(0) != '-' && num.charAt(0) != '+') {
            num.insert(0, '+');
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num.setCharAt(0, ' ');
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num.deleteCharAt(0);
            }
            pad(num.toString());
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            sharpFloat(num, verb, p);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && !minus && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num.toString());
            return;
        }
        pad(num.substring(1));
    }

    /** The {@code #} flag: always a decimal point, and %g keeps its trailing zeros. */
    private static void sharpFloat(StringBuilder num, char verb, int p) {
        int digits = 0;
        if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
            digits = p == -1 ? 6 : p;
        }
        String tail = "";
        boolean hasDecimalPoint = false;
        boolean sawNonzero = false;
        for (int i = 1; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == '.') {
                hasDecimalPoint = true;
            } else if (c == 'p' || c == 'P' || (c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
                tail = num.substring(i);
                num.setLength(i);
                break;
            } else {
                if (c != '0') {
                    sawNonzero = true;
                }
                if (sawNonzero) {
                    digits--;
                }
            }
        }
        if (!hasDecimalPoint) {
            if (num.length() == 2 && num.charAt(1) == '0') {
                digits--;
            }
            num.append('.');
        }
        while (digits > 0) {
            num.append('0');
            digits--;
        }
        num.append(tail);
    }

    private void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (width <= 0) {
            buf.append(s);
        } else if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    private void writePadding(int n) {
        char c = zero ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(c);
        }
    }
}
