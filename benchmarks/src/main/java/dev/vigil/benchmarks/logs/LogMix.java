package dev.vigil.benchmarks.logs;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * The message mix of the throughput benchmark, drawn from a fixed seed: requests of a few log lines each, with
 * {@code request_id} and {@code user_id} (and for one request in five {@code tenant}) in the MDC, four in five of them
 * inside a span. Per 100 lines: 72 INFO and WARN lines of one or two arguments that hold nothing to mask, 23 with an
 * e-mail address, a bearer token, a JWT or an API key in an argument, and 5 ERROR lines with an exception (some with
 * an e-mail address in the exception's message) thrown some 40 frames deep. Stateless.
 */
final class LogMix {

    /** The loggers the mix logs through; {@link LogCall#logger()} indexes this list. */
    static final List<String> LOGGERS = List.of(
            "org.springframework.web.servlet.DispatcherServlet",
            "com.example.checkout.OrderService",
            "com.example.cache.ProductCache",
            "com.example.http.UpstreamClient",
            "com.example.auth.LoginService",
            "com.example.notification.MailSender",
            "com.example.payment.PaymentProcessor");

    /** A text of one of the templates, with an e-mail address to mask, to find a line of the mix by. */
    static final String SAMPLE = "Password reset link sent to";

    private static final int DISPATCHER = 0;
    private static final int ORDERS = 1;
    private static final int CACHE = 2;
    private static final int UPSTREAM = 3;
    private static final int LOGIN = 4;
    private static final int MAIL = 5;
    private static final int PAYMENT = 6;

    private static final int STACK_DEPTH = 40;
    private static final String[] FIRST_NAMES = {"ada", "grace", "alan", "edsger", "barbara", "donald", "margaret", "linus"};
    private static final String[] DOMAINS = {"example.com", "mail.example.org", "shop.example.net"};
    private static final String[] ROUTES = {"/api/v1/orders/", "/api/v1/cart/", "/api/v1/products/", "/api/v1/users/",
        "/api/v1/shipments/"};
    private static final String[] UPSTREAMS = {"payment-provider", "tax-service", "geo-lookup", "fraud-check"};

    private final Random random;
    private final HexFormat hex = HexFormat.of();
    private final Throwable[] errors;

    private LogMix(long seed) {
        this.random = new Random(seed);
        this.errors = new Throwable[] {
            thrownAt(STACK_DEPTH, () -> new IllegalStateException("payment capture failed for order ord-" + id(3),
                    new SocketTimeoutException("Read timed out"))),
            thrownAt(STACK_DEPTH, () -> new IllegalArgumentException("duplicate key value violates unique constraint "
                    + "\"customers_email_key\": Key (email)=(" + email() + ") already exists")),
            thrownAt(STACK_DEPTH, () -> new UncheckedIOException("could not reach the ledger",
                    new IOException("Connection reset by peer"))),
        };
    }

    /**
     * {@code requests} requests of {@code callsPerRequest} calls each, in order, drawn from {@code seed}.
     */
    static LogCall[] calls(long seed, int requests, int callsPerRequest) {
        LogMix mix = new LogMix(seed);
        LogCall[] calls = new LogCall[requests * callsPerRequest];
        for (int r = 0; r < requests; r++) {
            LogCall.Request request = mix.request();
            for (int c = 0; c < callsPerRequest; c++) {
                calls[r * callsPerRequest + c] = mix.call(request);
            }
        }
        return calls;
    }

    private LogCall.Request request() {
        Span span = random.nextInt(5) == 0 ? Span.getInvalid()
                : Span.wrap(SpanContext.create(id(16), id(8), TraceFlags.getSampled(), TraceState.getDefault()));
        String tenant = random.nextInt(5) == 0 ? "t-" + random.nextInt(900) : null;
        return new LogCall.Request(id(8), "user-" + random.nextInt(50_000), tenant, span);
    }

    private LogCall call(LogCall.Request request) {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return call(DISPATCHER, Level.INFO, "Request {} completed with status 200 in {} ms",
                    pick(ROUTES) + random.nextInt(1_000_000), random.nextInt(900), null, request);
        }
        if (kind < 45) {
            return call(ORDERS, Level.INFO, "Order {} placed with {} items and reserved in warehouse FRA-1",
                    "ord-" + id(3), 1 + random.nextInt(6), null, request);
        }
        if (kind < 55) {
            return call(CACHE, Level.INFO, "Cache miss for key {}, loading from the inventory service",
                    "product:" + random.nextInt(200_000) + ":details", null, null, request);
        }
        if (kind < 65) {
            return call(UPSTREAM, Level.WARN, "Slow response from upstream {}: {} ms exceeds the threshold of 1000 ms",
                    pick(UPSTREAMS), 1000 + random.nextInt(4000), null, request);
        }
        if (kind < 72) {
            return call(ORDERS, Level.INFO, "Session {} refreshed for {}", id(12), request.userId(), null, request);
        }
        if (kind < 80) {
            return call(MAIL, Level.INFO, SAMPLE + " {}", email(), null, null, request);
        }
        if (kind < 85) {
            return call(UPSTREAM, Level.INFO, "Calling {} with Authorization: Bearer {}", pick(UPSTREAMS), jwt(), null, request);
        }
        if (kind < 91) {
            return call(LOGIN, Level.WARN, "Login failed for {} from {}", email(),
                    "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256), null, request);
        }
        if (kind < 95) {
            return call(PAYMENT, Level.INFO, "Using API key {} for merchant {}", "sk_live_" + alphanumeric(24),
                    "m-" + random.nextInt(10_000), null, request);
        }
        return call(PAYMENT, Level.ERROR, "Failed to capture the payment for order {}", "ord-" + id(3), null,
                errors[random.nextInt(errors.length)], request);
    }

    private static LogCall call(int logger, Level level, String template, Object first, @Nullable Object second,
            @Nullable Throwable error, LogCall.Request request) {
        return new LogCall(logger, level, template, first, second, error, request);
    }

    private String email() {
        return pick(FIRST_NAMES) + "." + random.nextInt(1000) + "@" + pick(DOMAINS);
    }

    private String jwt() {
        return "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIiwiZXhwIjoxNzAwMDAwMDAwfQ." + alphanumeric(43);
    }

    private String id(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return hex.formatHex(b);
    }

    private String alphanumeric(int length) {
        String symbols = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(symbols.charAt(random.nextInt(symbols.length())));
        }
        return s.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** An exception made {@code depth} calls down, so that it carries a stack as deep as an application's. */
    private static Throwable thrownAt(int depth, Supplier<RuntimeException> make) {
        return depth == 0 ? make.get() : thrownAt(depth - 1, make);
    }
}
