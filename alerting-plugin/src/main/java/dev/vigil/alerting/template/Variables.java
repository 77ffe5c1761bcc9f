package dev.vigil.alerting.template;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The variables of one template execution, kept as Go keeps them: a stack searched from the top, so an inner
 * declaration hides an outer one until its block ends. Not thread-safe.
 */
final class Variables {

    private String[] names = new String[8];
    private @Nullable Object[] values = new Object[8];
    private int count;

    /** The height of the stack, to {@link #pop} back to. */
    int mark() {
        return count;
    }

    /** Declares a variable. */
    void push(String name, @Nullable Object value) {
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        names[count] = name;
        values[count] = value;
        count++;
    }

    /** Forgets the variables declared since {@code mark}. */
    void pop(int mark) {
        Arrays.fill(values, mark, count, null);
        count = mark;
    }

    /** Assigns the innermost variable {@code name}; false if there is none. */
    boolean set(String name, @Nullable Object value) {
        int i = find(name);
        if (i < 0) {
            return false;
        }
        values[i] = value;
        return true;
    }

    /** Assigns the variable {@code n} from the top (1 is the top), as {@code range} sets its variables. */
    void setTop(int n, @Nullable Object value) {
        values[count - n] = value;
    }

    /** Where the innermost variable {@code name} is, or -1. */
    int find(String name) {
        for (int i = count - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value at {@code index}, as {@link #find} gave it. */
    @Nullable Object get(int index) {
        return values[index];
    }
}
