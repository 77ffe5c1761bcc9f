package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;

/**
 * One line {@code at com.example.OrderService.load(OrderService.java:42)} of a Java stack trace.
 *
 * @param className the declaring class, without a module or class loader prefix ({@code java.base/})
 * @param method the method name
 * @param location what the parentheses held: {@code OrderService.java:42}, {@code Native Method}, {@code Unknown Source}
 */
record StackFrame(String className, String method, String location) {

    StackFrame {
        requireNonNull(className, "className is null");
        requireNonNull(method, "method is null");
        requireNonNull(location, "location is null");
    }

    /** {@code className.method}. */
    String qualifiedMethod() {
        return className + "." + method;
    }
}
