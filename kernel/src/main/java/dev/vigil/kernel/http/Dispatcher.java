package dev.vigil.kernel.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.http.RouteAccess;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Javalin handler: looks each request up in the {@link RouteTable}, checks the admin token, the
 * body size and the concurrency limit, and runs the route's handler with its owner's class loader.
 */
final class Dispatcher implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String DISPATCHED = Dispatcher.class.getName() + ".dispatched";
    private static final Map<String, HttpMethod> METHODS = Arrays.stream(HttpMethod.values())
            .collect(Collectors.toUnmodifiableMap(HttpMethod::name, Function.identity()));

    private final RouteTable routes;
    private final AdminToken adminToken;
    private final ObjectMapper json;
    private final long maxRequestBytes;
    private final Semaphore permits;
    private final ErrorResponses errors;
    private final RequestTracing tracing;

    Dispatcher(RouteTable routes, AdminToken adminToken, ObjectMapper json, long maxRequestBytes, int maxConcurrent,
            RequestTracing tracing) {
        this.tracing = tracing;
        this.routes = routes;
        this.adminToken = adminToken;
        this.json = json;
        this.maxRequestBytes = maxRequestBytes;
        this.permits = new Semaphore(maxConcurrent);
        this.errors = new ErrorResponses(json);
    }

    /**
     * Answers one request. Javalin calls this both as the catch-all route and as its 404 error handler (for
     * methods it has no route type for); a request is dispatched once.
     */
    @Override
    public void handle(Context ctx) {
        if (ctx.attribute(DISPATCHED) != null) {
            return;
        }
        ctx.attribute(DISPATCHED, Boolean.TRUE);
        String methodName = ctx.req().getMethod();
        String path = ctx.req().getRequestURI();
        List<String> segments;
        try {
            segments = RequestPath.segments(path);
        } catch (IllegalArgumentException e) {
            errors.write(ctx, 400, "malformed path");
            return;
        }
        HttpMethod method = METHODS.get(methodName);
        RouteMatch match = routes.match(method, segments);
        if (match instanceof RouteMatch.Found found && method != null) {
            serve(ctx, method, path, found);
        } else if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            String allow = allowHeader(notAllowed.allowed());
            ctx.header("Allow", allow);
            if (method == HttpMethod.OPTIONS) {
                ctx.status(204);
            } else {
                errors.write(ctx, 405, "method " + methodName + " not allowed for " + path + "; allowed: " + allow);
            }
        } else {
            errors.write(ctx, 404, "no route for " + methodName + " " + path);
        }
    }

    private void serve(Context ctx, HttpMethod method, String path, RouteMatch.Found found) {
        Route route = found.route();
        if (route.access() == RouteAccess.ADMIN) {
            String authorization = ctx.req().getHeader("Authorization");
            if (!adminToken.matches(authorization)) {
                String reason = AdminToken.bearerCredential(authorization) == null
                        ? "admin token required"
                        : "invalid admin token";
                ctx.header("WWW-Authenticate", "Bearer realm=\"vigil\"");
                errors.write(ctx, 401, reason);
                return;
            }
        }
        if (ctx.req().getContentLengthLong() > maxRequestBytes) {
            HttpStatusException tooLarge = BodyReader.tooLarge(maxRequestBytes);
            errors.write(ctx, tooLarge.status(), tooLarge.getMessage());
            return;
        }
        if (!permits.tryAcquire()) {
            ctx.header("Retry-After", "1");
            errors.write(ctx, 503, "server busy");
            return;
        }
        try {
            tracing.around(ctx, method, path, route.template().text(), () -> run(ctx, method, path, route, found.params()));
        } finally {
            permits.release();
        }
    }

    private void run(Context ctx, HttpMethod method, String path, Route route, Map<String, String> params) {
        ServerExchange exchange = new ServerExchange(ctx, method, route, params, maxRequestBytes, json);
        Throwable failure = invoke(route, exchange);
        if (failure instanceof HttpStatusException status) {
            String reason = status.getMessage();
            errors.replace(ctx, status.status(), reason == null ? "error" : reason);
        } else if (failure != null) {
            LOG.error("Handler of {} for {} {} failed on {} {}",
                    route.owner(), route.method(), route.template(), method, path, failure);
            errors.replace(ctx, 500, "internal error");
        }
    }

    /** Runs the handler with its owner's context class loader, restored afterwards; returns what it threw. */
    private static @Nullable Throwable invoke(Route route, ServerExchange exchange) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(route.contextLoader());
        try {
            route.handler().handle(exchange);
            return null;
        } catch (Exception | LinkageError e) {
            return e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String allowHeader(Set<HttpMethod> allowed) {
        return allowed.stream().sorted().map(HttpMethod::name).collect(Collectors.joining(", "));
    }
}
