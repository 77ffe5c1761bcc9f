package dev.vigil.alerting.template;

import static dev.vigil.alerting.template.Function.Param.ANY;
import static dev.vigil.alerting.template.Function.Param.STRING;
import static dev.vigil.alerting.template.Function.Param.VALUE;

import dev.vigil.alerting.gotext.GoText;
import dev.vigil.alerting.template.Function.Body;
import dev.vigil.alerting.template.Function.Param;
import dev.vigil.alerting.template.GoValue.GoByte;
import dev.vigil.alerting.template.GoValue.GoDuration;
import dev.vigil.alerting.template.GoValue.GoMap;
import dev.vigil.alerting.template.GoValue.GoStruct;
import dev.vigil.alerting.template.GoValue.GoTime;
import dev.vigil.alerting.template.GoValue.QueryResult;
import dev.vigil.alerting.template.GoValue.SafeHtml;
import dev.vigil.alerting.template.GoValues.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Go's predefined template functions: {@code and}, {@code or}, {@code not}, {@code len}, {@code index},
 * {@code slice}, {@code print}, {@code printf}, {@code println}, {@code html}, {@code js}, {@code urlquery},
 * {@code call} and the comparisons, with Go's semantics and messages (such as
 * {@code incompatible types for comparison: float64 and int}). Stateless.
 */
final class Builtins {

    private Builtins() {}

    static void register(Map<String, Function> functions) {
        // and, or and call are evaluated by the executor; their bodies only give the signature.
        Body special = (env, args) -> {
            throw new IllegalStateException("evaluated by the executor");
        };
        add(functions, "and", true, special, VALUE, VALUE);
        add(functions, "or", true, special, VALUE, VALUE);
        add(functions, "call", true, special, VALUE, VALUE);
        add(functions, "not", false, (env, a) -> !GoValues.isTrue(a[0]), VALUE);
        add(functions, "len", false, (env, a) -> length(a[0]), VALUE);
        add(functions, "index", true, (env, a) -> index(a[0], rest(a)), VALUE, VALUE);
        add(functions, "slice", true, (env, a) -> slice(a[0], rest(a)), VALUE, VALUE);
        add(functions, "print", true, (env, a) -> GoFmt.sprint(Arrays.asList(a), false), ANY);
        add(functions, "println", true, (env, a) -> GoFmt.sprintln(Arrays.asList(a)), ANY);
        add(functions, "printf", true, (env, a) -> GoFmt.sprintf((String) a[0], Arrays.asList(rest(a))), STRING, ANY);
        add(functions, "html", true, (env, a) -> GoEscape.html(evalArgs(a)), ANY);
        add(functions, "js", true, (env, a) -> GoEscape.js(evalArgs(a)), ANY);
        add(functions, "urlquery", true, (env, a) -> GoEscape.queryEscape(evalArgs(a)), ANY);
        add(functions, "eq", true, (env, a) -> eq(a[0], rest(a)), VALUE, VALUE);
        add(functions, "ne", false, (env, a) -> !eq(a[0], new Object[] {a[1]}), VALUE, VALUE);
        add(functions, "lt", false, (env, a) -> lt(a[0], a[1]), VALUE, VALUE);
        add(functions, "le", false, (env, a) -> le(a[0], a[1]), VALUE, VALUE);
        add(functions, "gt", false, (env, a) -> !le(a[0], a[1]), VALUE, VALUE);
        add(functions, "ge", false, (env, a) -> !lt(a[0], a[1]), VALUE, VALUE);
    }

    private static void add(Map<String, Function> functions, String name, boolean variadic, Body body, Param... params) {
        functions.put(name, new Function(name, true, List.of(params), variadic, body));
    }

    private static @Nullable Object[] rest(@Nullable Object[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }

    /** The text of the arguments of {@code html}, {@code js} and {@code urlquery}. */
    private static String evalArgs(@Nullable Object[] args) {
        if (args.length == 1 && args[0] instanceof String s) {
            return s;
        }
        return GoFmt.sprint(Arrays.asList(args), true);
    }

    private static long length(@Nullable Object item) throws FunctionException {
        if (item == null) {
            throw new FunctionException("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item instanceof String s) {
            return GoText.utf8Length(s);
        }
        if (item instanceof SafeHtml h) {
            return GoText.utf8Length(h.text());
        }
        if (item instanceof GoMap m) {
            return m.size();
        }
        if (item instanceof QueryResult r) {
            return r.samples().size();
        }
        throw new FunctionException("len of type " + pointee(item));
    }

    /** The type of what a pointer points at, or of the value itself. */
    private static String pointee(Object value) {
        if (value instanceof GoStruct s) {
            return s.structType();
        }
        if (value instanceof GoTime) {
            return "time.Time";
        }
        return GoValues.typeName(value);
    }

    private static @Nullable Object index(@Nullable Object item, @Nullable Object[] indexes) throws FunctionException {
        if (item == null) {
            throw new FunctionException("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item == null) {
                throw new FunctionException("index of nil pointer");
            }
            if (item instanceof String || item instanceof SafeHtml) {
                byte[] bytes = GoText.utf8(GoValues.stringValue(item));
                int x = indexArg(index, bytes.length);
                if (x == bytes.length) {
                    throw new FunctionException("reflect: string index out of range");
                }
                item = new GoByte(bytes[x] & 0xff);
            } else if (item instanceof QueryResult r) {
                int x = indexArg(index, r.samples().size());
                if (x == r.samples().size()) {
                    throw new FunctionException("reflect: slice index out of range");
                }
                item = r.samples().get(x);
            } else if (item instanceof GoMap m) {
                if (index == null) {
                    throw new FunctionException("value is nil; should be of type string");
                }
                if (!(index instanceof String key)) {
                    throw new FunctionException("value has type " + GoValues.typeName(index) + "; should be string");
                }
                item = m.get(key);
            } else {
                throw new FunctionException("can't index item of type " + pointee(item));
            }
        }
        return item;
    }

    private static int indexArg(@Nullable Object index, int cap) throws FunctionException {
        long x;
        if (index instanceof Long || index instanceof GoDuration) {
            x = GoValues.intValue(index);
        } else if (index instanceof GoByte b) {
            x = b.value();
        } else if (index == null) {
            throw new FunctionException("cannot index slice/array with nil");
        } else {
            throw new FunctionException("cannot index slice/array with type " + GoValues.typeName(index));
        }
        if (x < 0 || x > cap) {
            throw new FunctionException("index out of range: " + x);
        }
        return (int) x;
    }

    private static Object slice(@Nullable Object item, @Nullable Object[] indexes) throws FunctionException {
        if (item == null) {
            throw new FunctionException("slice of untyped nil");
        }
        if (indexes.length > 3) {
            throw new FunctionException("too many slice indexes: " + indexes.length);
        }
        byte[] bytes = null;
        int cap;
        if (item instanceof String || item instanceof SafeHtml) {
            if (indexes.length == 3) {
                throw new FunctionException("cannot 3-index slice a string");
            }
            bytes = GoText.utf8(GoValues.stringValue(item));
            cap = bytes.length;
        } else if (item instanceof QueryResult r) {
            cap = r.samples().size();
        } else {
            throw new FunctionException("can't slice item of type " + pointee(item));
        }
        int[] idx = {0, cap, 0};
        for (int i = 0; i < indexes.length; i++) {
            idx[i] = indexArg(indexes[i], cap);
        }
        if (idx[0] > idx[1]) {
            throw new FunctionException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.length == 3 && idx[1] > idx[2]) {
            throw new FunctionException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            String s = new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
            return item instanceof SafeHtml ? new SafeHtml(s) : s;
        }
        return new QueryResult(((QueryResult) item).samples().subList(idx[0], idx[1]));
    }

    /** {@code eq arg1 arg2...}: whether arg1 equals any of the others. */
    static boolean eq(@Nullable Object arg1, @Nullable Object[] others) throws FunctionException {
        if (others.length == 0) {
            throw new FunctionException("missing argument for comparison");
        }
        Kind k1 = GoValues.kind(arg1);
        for (Object arg : others) {
            Kind k2 = GoValues.kind(arg);
            boolean truth;
            if (k1 != k2) {
                if (k1 == Kind.INT && k2 == Kind.UINT) {
                    truth = GoValues.intValue(arg1) == ((GoByte) arg).value();
                } else if (k1 == Kind.UINT && k2 == Kind.INT) {
                    truth = GoValues.intValue(arg) == ((GoByte) arg1).value();
                } else if (arg1 != null && arg != null) {
                    throw incompatible(arg1, arg);
                } else {
                    truth = false;
                }
            } else {
                truth = switch (k1) {
                    case BOOL -> arg1.equals(arg);
                    case FLOAT -> (Double) arg1 == (double) (Double) arg;
                    case INT -> GoValues.intValue(arg1) == GoValues.intValue(arg);
                    case UINT -> ((GoByte) arg1).value() == ((GoByte) arg).value();
                    case STRING -> GoValues.stringValue(arg1).equals(GoValues.stringValue(arg));
                    case INVALID -> sameOther(arg1, arg);
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** Equality of values that are neither numbers, strings nor booleans: nil, pointers and structs. */
    private static boolean sameOther(@Nullable Object arg1, @Nullable Object arg) throws FunctionException {
        if (arg1 != null && arg != null && !GoValues.reflectKind(arg1).equals(GoValues.reflectKind(arg))) {
            throw new FunctionException("non-comparable types " + GoFmt.templateString(arg1) + ": "
                    + GoValues.typeName(arg1) + ", " + GoValues.typeName(arg) + ": " + GoFmt.templateString(arg));
        }
        if (arg1 == null || arg == null) {
            return arg1 == arg;
        }
        if (!GoValues.isComparable(arg)) {
            throw new FunctionException("non-comparable type " + GoFmt.templateString(arg) + ": " + GoValues.typeName(arg));
        }
        return arg instanceof GoStruct ? arg1 == arg : arg1.equals(arg);
    }

    private static FunctionException incompatible(Object arg1, Object arg2) {
        return new FunctionException("incompatible types for comparison: " + GoValues.typeName(arg1) + " and "
                + GoValues.typeName(arg2));
    }

    /** {@code lt arg1 arg2}. */
    static boolean lt(@Nullable Object arg1, @Nullable Object arg2) throws FunctionException {
        Kind k1 = GoValues.kind(arg1);
        Kind k2 = GoValues.kind(arg2);
        if (k1 == Kind.INVALID || k2 == Kind.INVALID) {
            throw new FunctionException("invalid type for comparison");
        }
        if (k1 != k2) {
            if (k1 == Kind.INT && k2 == Kind.UINT) {
                return GoValues.intValue(arg1) < ((GoByte) arg2).value();
            }
            if (k1 == Kind.UINT && k2 == Kind.INT) {
                return ((GoByte) arg1).value() < GoValues.intValue(arg2);
            }
            throw incompatible(arg1, arg2);
        }
        return switch (k1) {
            case FLOAT -> (Double) arg1 < (Double) arg2;
            case INT -> GoValues.intValue(arg1) < GoValues.intValue(arg2);
            case UINT -> ((GoByte) arg1).value() < ((GoByte) arg2).value();
            case STRING -> GoText.compare(GoValues.stringValue(arg1), GoValues.stringValue(arg2)) < 0;
            default -> throw new FunctionException("invalid type for comparison");
        };
    }

    /** {@code le arg1 arg2}: less, or equal. */
    static boolean le(@Nullable Object arg1, @Nullable Object arg2) throws FunctionException {
        return lt(arg1, arg2) || eq(arg1, new Object[] {arg2});
    }
}
