package dev.vigil.alerting.template;

import dev.vigil.alerting.template.GoValue.GoByte;
import dev.vigil.alerting.template.GoValue.GoDuration;
import dev.vigil.alerting.template.GoValue.SafeHtml;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code fmt} for the values templates hold: {@code Sprint}, {@code Sprintln} and {@code Sprintf}, with the
 * format parsing of {@code Sprintf} (flags, widths, precisions, {@code *} and argument indexes) and its markers
 * for misuse such as {@code %!s(MISSING)} and {@code %!(EXTRA int=3)}. Values are formatted by {@link GoPrinter}.
 * One instance formats one string; not thread-safe.
 */
final class GoFmt {

    private static final int MAX_WIDTH = 1_000_000;

    private final GoPrinter p = new GoPrinter();
    private boolean goodArgNum;
    private boolean reordered;

    private GoFmt() {}

    /**
     * How a template prints a value: {@code <no value>} for nil, pointers followed to what they point at, then
     * {@code fmt.Print}.
     */
    static String templateString(@Nullable Object value) {
        if (value == null) {
            return "<no value>";
        }
        if (value instanceof String s) {
            return s;
        }
        GoPrinter printer = new GoPrinter();
        printer.printPrintable(value);
        return printer.buf.toString();
    }

    /** {@code fmt.Sprint}, or with {@code printable} the template variant that follows pointers first. */
    static String sprint(List<? extends @Nullable Object> args, boolean printable) {
        GoPrinter f = new GoPrinter();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            boolean isString = arg instanceof String || arg instanceof SafeHtml;
            if (i > 0 && !isString && !prevString) {
                f.buf.append(' ');
            }
            if (printable && arg != null) {
                f.printPrintable(arg);
            } else {
                f.printArg(arg, 'v');
            }
            prevString = isString;
        }
        return f.buf.toString();
    }

    /** {@code fmt.Sprintln}. */
    static String sprintln(List<? extends @Nullable Object> args) {
        GoPrinter f = new GoPrinter();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                f.buf.append(' ');
            }
            f.printArg(args.get(i), 'v');
        }
        return f.buf.append('\n').toString();
    }

    /** {@code fmt.Sprintf}. */
    static String sprintf(String format, List<? extends @Nullable Object> args) {
        GoFmt f = new GoFmt();
        f.doPrintf(format, args);
        return f.p.buf.toString();
    }

    /** {@code fmt.Sprintf("%.4g", v)}, which the humanize functions use. */
    static String g4(double v) {
        GoPrinter f = new GoPrinter();
        f.precPresent = true;
        f.prec = 4;
        f.fmtFloat(v, 'g', -1);
        return f.buf.toString();
    }

    /** {@code fmt.Sprint} of a float64: {@code %v}. */
    static String floatString(double v) {
        GoPrinter f = new GoPrinter();
        f.fmtFloat(v, 'g', -1);
        return f.buf.toString();
    }

    private void doPrintf(String format, List<? extends @Nullable Object> a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        reordered = false;
        int i = 0;
        formatLoop:
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                p.buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            p.clearFlags();
            simpleFormat:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> p.sharp = true;
                    case '0' -> p.zero = !p.minus;
                    case '+' -> p.plus = true;
                    case '-' -> {
                        p.minus = true;
                        p.zero = false;
                    }
                    case ' ' -> p.space = true;
                    default -> {
                        if (c >= 'a' && c <= 'z' && argNum < a.size()) {
                            if (c == 'v') {
                                p.sharpV = p.sharp;
                                p.sharp = false;
                                p.plusV = p.plus;
                                p.plus = false;
                            }
                            p.printArg(a.get(argNum), c);
                            argNum++;
                            i++;
                            continue formatLoop;
                        }
                        break simpleFormat;
                    }
                }
            }
            int[] state = argNumber(argNum, format, i, a.size());
            argNum = state[0];
            i = state[1];
            afterIndex = state[2] == 1;
            if (i < end && format.charAt(i) == '*') {
                i++;
                long[] w = intFromArg(a, argNum);
                p.wid = (int) w[0];
                p.widPresent = w[1] == 1;
                argNum = (int) w[2];
                if (!p.widPresent) {
                    p.buf.append("%!(BADWIDTH)");
                }
                if (p.wid < 0) {
                    p.wid = -p.wid;
                    p.minus = true;
                    p.zero = false;
                }
                afterIndex = false;
            } else {
                int[] n = parseNum(format, i, end);
                p.wid = n[0];
                p.widPresent = n[1] == 1;
                i = n[2];
                if (afterIndex && p.widPresent) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                state = argNumber(argNum, format, i, a.size());
                argNum = state[0];
                i = state[1];
                afterIndex = state[2] == 1;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    long[] precision = intFromArg(a, argNum);
                    p.prec = (int) precision[0];
                    p.precPresent = precision[1] == 1;
                    argNum = (int) precision[2];
                    if (p.prec < 0) {
                        p.prec = 0;
                        p.precPresent = false;
                    }
                    if (!p.precPresent) {
                        p.buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int[] n = parseNum(format, i, end);
                    p.prec = n[0];
                    p.precPresent = n[1] == 1;
                    i = n[2];
                    if (!p.precPresent) {
                        p.prec = 0;
                        p.precPresent = true;
                    }
                }
            }
            if (!afterIndex) {
                state = argNumber(argNum, format, i, a.size());
                argNum = state[0];
                i = state[1];
            }
            if (i >= end) {
                p.buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                p.buf.append('%');
            } else if (!goodArgNum) {
                badArgNum(verb);
            } else if (argNum >= a.size()) {
                p.buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    p.sharpV = p.sharp;
                    p.sharp = false;
                    p.plusV = p.plus;
                    p.plus = false;
                }
                p.printArg(a.get(argNum), verb);
                argNum++;
            }
        }
        if (!reordered && argNum < a.size()) {
            p.clearFlags();
            p.buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    p.buf.append(", ");
                }
                Object arg = a.get(k);
                if (arg == null) {
                    p.buf.append("<nil>");
                } else {
                    p.buf.append(GoValues.typeName(arg)).append('=');
                    p.printArg(arg, 'v');
                }
            }
            p.buf.append(')');
        }
    }

    private void badArgNum(int verb) {
        p.buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    }

    /** Parses "[n]" at i: {new argNum, new i, found}. */
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return new int[] {argNum, i, 0};
        }
        reordered = true;
        String rest = format.substring(i);
        int index = 0;
        int width = 1;
        boolean ok = false;
        if (rest.length() >= 3) {
            for (int k = 1; k < rest.length(); k++) {
                if (rest.charAt(k) == ']') {
                    int[] n = parseNum(rest, 1, k);
                    if (n[1] == 1 && n[2] == k) {
                        index = n[0] - 1;
                        ok = true;
                    }
                    width = k + 1;
                    break;
                }
            }
        }
        if (ok && index >= 0 && index < numArgs) {
            return new int[] {index, i + width, 1};
        }
        goodArgNum = false;
        return new int[] {argNum, i + width, ok ? 1 : 0};
    }

    /** {num, isNum, newI}. */
    private static int[] parseNum(String s, int start, int end) {
        if (start >= end) {
            return new int[] {0, 0, end};
        }
        int num = 0;
        boolean isNum = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (num > MAX_WIDTH) {
                return new int[] {0, 0, end};
            }
            num = num * 10 + (s.charAt(i) - '0');
            isNum = true;
        }
        return new int[] {num, isNum ? 1 : 0, i};
    }

    /** {num, isInt, newArgNum}. */
    private static long[] intFromArg(List<? extends @Nullable Object> a, int argNum) {
        if (argNum >= a.size()) {
            return new long[] {0, 0, argNum};
        }
        Object arg = a.get(argNum);
        long num = 0;
        boolean isInt = false;
        if (arg instanceof Long l) {
            num = l;
            isInt = true;
        } else if (arg instanceof GoByte b) {
            num = b.value();
            isInt = true;
        } else if (arg instanceof GoDuration d) {
            num = d.nanos();
            isInt = true;
        }
        if (num > MAX_WIDTH || num < -MAX_WIDTH) {
            num = 0;
            isInt = false;
        }
        return new long[] {num, isInt ? 1 : 0, argNum + 1};
    }
}
