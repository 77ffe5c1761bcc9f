package dev.vigil.alerting.template;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.MetricQuery;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A function a template can call: its Go parameter types, which decide how arguments are checked and converted
 * before the call, and its body. Immutable.
 *
 * @param name the name templates call it by
 * @param builtin whether it is one of Go's own template functions ({@code and} and {@code or} short-circuit)
 * @param params the parameter types; with {@code variadic}, the last one is the type of every remaining argument
 * @param variadic whether it takes any number of trailing arguments
 * @param body what it does
 */
record Function(String name, boolean builtin, List<Param> params, boolean variadic, Body body) {

    Function {
        requireNonNull(name, "name is null");
        params = List.copyOf(params);
        requireNonNull(body, "body is null");
    }

    /** The parameter types templates meet, named as Go names them. */
    enum Param {
        /** {@code interface {}}: anything, numbers as int or float64. */
        ANY("interface {}", true),
        /** {@code reflect.Value}: anything, even nil. */
        VALUE("reflect.Value", true),
        /** {@code string}: a string, or a string constant. */
        STRING("string", false),
        /** {@code template.queryResult}: what {@code query} returns. */
        QUERY_RESULT("template.queryResult", true),
        /** {@code *template.sample}: one element of a query result. */
        SAMPLE("*template.sample", true);

        private final String goName;
        private final boolean canBeNil;

        Param(String goName, boolean canBeNil) {
            this.goName = goName;
            this.canBeNil = canBeNil;
        }

        String goName() {
            return goName;
        }

        boolean canBeNil() {
            return canBeNil;
        }
    }

    /** What a function sees of the template run that calls it. */
    interface Env {
        /** The data the template runs with. */
        TemplateData data();

        /** The query engine, or null where queries are not allowed. */
        default @Nullable MetricQuery query() {
            return data().query();
        }

        /**
         * {@code source} compiled for Go's {@code regexp}, cached at the calling site.
         *
         * @throws IllegalArgumentException if it is not a valid RE2 expression
         */
        Pattern regex(String source);
    }

    /** The body of a function. */
    @FunctionalInterface
    interface Body {
        /**
         * Runs the function with its checked arguments.
         *
         * @throws FunctionException as the Go function would return an error
         */
        @Nullable Object call(Env env, @Nullable Object[] args) throws FunctionException;
    }

    /** The type of parameter {@code index} (counting a variadic parameter once). */
    Param param(int index) {
        return params.get(index);
    }
}
