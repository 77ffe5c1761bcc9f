package dev.vigil.alerting.template;

import dev.vigil.alerting.template.GoValue.GoByte;
import dev.vigil.alerting.template.GoValue.GoDuration;
import dev.vigil.alerting.template.GoValue.GoMap;
import dev.vigil.alerting.template.GoValue.GoStruct;
import dev.vigil.alerting.template.GoValue.QueryResult;
import dev.vigil.alerting.template.GoValue.SafeHtml;
import org.jspecify.annotations.Nullable;

/** What Go's {@code reflect} tells templates about a value: its type name, its truth, its kind for comparisons. */
final class GoValues {

    /** The kinds Go's comparison functions distinguish. */
    enum Kind { INVALID, BOOL, INT, UINT, FLOAT, STRING }

    private GoValues() {}

    /** The type name Go prints for {@code value}; {@code <nil>} for nil. */
    static String typeName(@Nullable Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof GoValue v) {
            return v.goType();
        }
        throw new IllegalArgumentException("not a template value: " + value.getClass().getName());
    }

    /** Go's truth for {@code if}, {@code with}, {@code and}, {@code or} and {@code not}: the zero value is false. */
    static boolean isTrue(@Nullable Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        if (value instanceof GoMap m) {
            return m.size() > 0;
        }
        if (value instanceof QueryResult r) {
            return !r.samples().isEmpty();
        }
        if (value instanceof SafeHtml h) {
            return !h.text().isEmpty();
        }
        if (value instanceof GoByte b) {
            return b.value() != 0;
        }
        if (value instanceof GoDuration d) {
            return d.nanos() != 0;
        }
        // Structs are always true, and so are non-nil pointers.
        return true;
    }

    /** The kind of {@code value} for {@code eq}, {@code lt} and the rest. */
    static Kind kind(@Nullable Object value) {
        if (value instanceof String || value instanceof SafeHtml) {
            return Kind.STRING;
        }
        if (value instanceof Double) {
            return Kind.FLOAT;
        }
        if (value instanceof Long || value instanceof GoDuration) {
            return Kind.INT;
        }
        if (value instanceof Boolean) {
            return Kind.BOOL;
        }
        if (value instanceof GoByte) {
            return Kind.UINT;
        }
        return Kind.INVALID;
    }

    static long intValue(Object value) {
        return value instanceof GoDuration d ? d.nanos() : (Long) value;
    }

    static String stringValue(Object value) {
        return value instanceof SafeHtml h ? h.text() : (String) value;
    }

    /** Whether Go can compare the value with {@code ==}: not maps, slices or structs holding them. */
    static boolean isComparable(Object value) {
        return !(value instanceof GoMap || value instanceof QueryResult || value instanceof GoStruct s && !s.isPointer());
    }

    /** The reflect kind name, for deciding whether two values of non-basic kinds may be compared. */
    static String reflectKind(@Nullable Object value) {
        if (value == null) {
            return "invalid";
        }
        if (value instanceof GoMap) {
            return "map";
        }
        if (value instanceof QueryResult) {
            return "slice";
        }
        if (value instanceof GoStruct s) {
            return s.isPointer() ? "ptr" : "struct";
        }
        if (value instanceof GoValue.GoTime t) {
            return t.pointer() ? "ptr" : "struct";
        }
        return kind(value).name();
    }
}
