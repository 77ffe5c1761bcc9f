package dev.vigil.benchmarks.logs;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * One prepared log statement of the benchmark's mix: which logger, the level, the message template with one or two
 * arguments, an exception or none, and the request it belongs to (its MDC and span). Immutable.
 *
 * @param logger the index of the logger in {@link LogLines#LOGGERS}
 * @param level INFO, WARN or ERROR: every call of the mix is enabled, so none is filtered out cheaply
 * @param template an SLF4J message template with {@code {}} for each argument
 * @param first the first argument
 * @param second the second argument, or null when the template has one
 * @param error the exception logged with the message, or null
 * @param request the request the call is made for
 */
record LogCall(int logger, Level level, String template, Object first, @Nullable Object second, @Nullable Throwable error,
        Request request) {

    LogCall {
        requireNonNull(level, "level is null");
        requireNonNull(template, "template is null");
        requireNonNull(first, "first is null");
        requireNonNull(request, "request is null");
        if (level != Level.INFO && level != Level.WARN && level != Level.ERROR) {
            throw new IllegalArgumentException("the mix logs at INFO, WARN and ERROR, not " + level);
        }
    }

    /**
     * Logs this call through {@code to} with the request's span current, through the overload an application would
     * call (one or two arguments, the exception last).
     */
    void emit(Logger to) {
        Scope scope = request.span().makeCurrent();
        try {
            if (second == null && error == null) {
                switch (level) {
                    case INFO -> to.info(template, first);
                    case WARN -> to.warn(template, first);
                    default -> to.error(template, first);
                }
            } else if (second == null) {
                switch (level) {
                    case INFO -> to.info(template, first, error);
                    case WARN -> to.warn(template, first, error);
                    default -> to.error(template, first, error);
                }
            } else if (error == null) {
                switch (level) {
                    case INFO -> to.info(template, first, second);
                    case WARN -> to.warn(template, first, second);
                    default -> to.error(template, first, second);
                }
            } else {
                switch (level) {
                    case INFO -> to.info(template, first, second, error);
                    case WARN -> to.warn(template, first, second, error);
                    default -> to.error(template, first, second, error);
                }
            }
        } finally {
            scope.close();
        }
    }

    /**
     * The request a call is made for: what the application put in the MDC for it, and its span.
     *
     * @param requestId the {@code request_id} MDC entry
     * @param userId the {@code user_id} MDC entry
     * @param tenant the {@code tenant} MDC entry, or null when the request has none
     * @param span the request's span (valid or {@linkplain Span#getInvalid() invalid}), current while its calls log
     */
    record Request(String requestId, String userId, @Nullable String tenant, Span span) {

        Request {
            requireNonNull(requestId, "requestId is null");
            requireNonNull(userId, "userId is null");
            requireNonNull(span, "span is null");
        }
    }
}
