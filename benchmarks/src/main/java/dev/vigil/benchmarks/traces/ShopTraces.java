package dev.vigil.benchmarks.traces;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.benchmarks.traces.Shop.Instance;
import dev.vigil.benchmarks.traces.TraceBuilder.Outcome;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Whole traces of the made-up shop, one request each, drawn from a seed:
 *
 * <ul>
 *   <li>a product page (40 %): token check, product from the catalog (Redis, else PostgreSQL), recommendations that
 *       fetch several products in one query, rendering; 3 % are unknown products answered 404;</li>
 *   <li>a search (20 %): one long SQL query and a Redis lookup per result, 3 to 25 results;</li>
 *   <li>the cart (25 %): token check, the cart from Redis and a price lookup per item, up to 8;</li>
 *   <li>a checkout (10 %): cart, a stock reservation (SQL) per item, a payment through an outside gateway, a
 *       shipping quote and a Kafka message that shipping processes in the same trace; the gateway fails 12 % of the
 *       time and each reservation times out 1 % of the time, either failing the whole request;</li>
 *   <li>a health probe (5 %): one span.</li>
 * </ul>
 *
 * A trace has 1 to about 60 spans, about 15 on average. Not thread-safe.
 */
final class ShopTraces {

    private final SplittableRandom random;
    private final Shop shop;

    ShopTraces(SplittableRandom random, Shop shop) {
        this.random = random;
        this.shop = shop;
    }

    /** The next trace, starting at {@code startNanos}; its spans in the order they ended. */
    List<SpanRecord> next(long startNanos) {
        TraceBuilder trace = new TraceBuilder(random);
        Instance frontend = shop.pick("frontend", random);
        int kind = random.nextInt(100);
        if (kind < 40) {
            String product = product();
            trace.root(frontend, startNanos, "GET", "/product/{id}", "/product/" + product, (parent, t) -> productPage(trace, frontend, parent, t, product));
        } else if (kind < 60) {
            String words = random.nextBoolean() ? "red+running+shoes" : "wireless+noise+cancelling+headphones+under+200";
            trace.root(frontend, startNanos, "GET", "/search", "/search?q=" + words + "&page=" + random.nextInt(1, 4),
                    (parent, t) -> search(trace, frontend, parent, t, words));
        } else if (kind < 85) {
            trace.root(frontend, startNanos, "GET", "/cart", "/cart", (parent, t) -> cart(trace, frontend, parent, t));
        } else if (kind < 95) {
            trace.root(frontend, startNanos, "POST", "/checkout", "/checkout", (parent, t) -> checkout(trace, frontend, parent, t));
        } else {
            trace.root(frontend, startNanos, "GET", "/health", "/health", (parent, t) -> Outcome.ok(t + trace.micros(20, 200)));
        }
        return trace.spans();
    }

    private Outcome productPage(TraceBuilder trace, Instance frontend, String parent, long start, String product) {
        Outcome auth = verifyToken(trace, frontend, parent, start);
        Instance catalog = shop.pick("catalog", random);
        boolean unknown = random.nextInt(100) < 3;
        Outcome found = trace.http(frontend, parent, auth.end(), catalog, "GET", "/products/{id}", "/products/" + product, (p, t) -> {
            Outcome cached = trace.redis(catalog, p, t, "GET", "product:" + product);
            if (unknown || random.nextInt(100) < 30) {
                Outcome row = trace.sql(catalog, p, cached.end(), "SELECT", "products",
                        "SELECT id, name, description, price_cents, currency, image_url FROM products WHERE id = $1", null);
                return new Outcome(row.end(), unknown ? 404 : 200, null);
            }
            return cached;
        });
        if (found.status() != 200) {
            return found;
        }
        Instance recommendation = shop.pick("recommendation", random);
        Outcome recommended = trace.http(frontend, parent, found.end(), recommendation, "GET", "/recommendations",
                "/recommendations?product=" + product, (p, t) -> {
                    Outcome ranked = trace.internal(recommendation, p, t, "rank candidates",
                            Map.of("app.model.version", "2024-11-" + (10 + random.nextInt(18)), "app.candidates", Integer.toString(random.nextInt(40, 400))),
                            null);
                    int n = random.nextInt(4, 13);
                    Instance batchCatalog = shop.pick("catalog", random);
                    return trace.http(recommendation, p, ranked.end(), batchCatalog, "POST", "/products/batch", "/products/batch",
                            (q, u) -> trace.sql(batchCatalog, q, u, "SELECT", "products",
                                    "SELECT id, name, price_cents, image_url FROM products WHERE id IN (" + placeholders(n) + ") AND active", null));
                });
        return trace.internal(frontend, parent, recommended.end(), "render product page",
                Map.of("app.template", "product.html", "app.product.id", product), null);
    }

    private Outcome search(TraceBuilder trace, Instance frontend, String parent, long start, String words) {
        Instance catalog = shop.pick("catalog", random);
        int results = random.nextInt(3, 26);
        Outcome found = trace.http(frontend, parent, start, catalog, "GET", "/products/search", "/products/search?q=" + words, (p, t) -> {
            Outcome rows = trace.sql(catalog, p, t, "SELECT", "products",
                    "SELECT p.id, p.name, p.price_cents, ts_rank(p.search_vector, query) AS rank FROM products p, "
                            + "plainto_tsquery('english', $1) query WHERE p.search_vector @@ query AND p.active AND p.stock > 0 "
                            + "ORDER BY rank DESC, p.popularity DESC LIMIT 25 OFFSET $2", null);
            long at = rows.end();
            for (int i = 0; i < results; i++) {
                at = trace.redis(catalog, p, at, "GET", "stock:" + product()).end();
            }
            return Outcome.ok(at);
        });
        return trace.internal(frontend, parent, found.end(), "render search results",
                Map.of("app.template", "search.html", "app.search.results", Integer.toString(results)), null);
    }

    private Outcome cart(TraceBuilder trace, Instance frontend, String parent, long start) {
        Outcome auth = verifyToken(trace, frontend, parent, start);
        Instance cart = shop.pick("cart", random);
        String user = user();
        return trace.http(frontend, parent, auth.end(), cart, "GET", "/carts/{userId}", "/carts/" + user, (p, t) -> {
            long at = trace.redis(cart, p, t, "HGETALL", "cart:" + user).end();
            int items = random.nextInt(0, 9);
            for (int i = 0; i < items; i++) {
                at = trace.redis(cart, p, at, "GET", "price:" + product()).end();
            }
            return Outcome.ok(at);
        });
    }

    private Outcome checkout(TraceBuilder trace, Instance frontend, String parent, long start) {
        Outcome auth = verifyToken(trace, frontend, parent, start);
        Instance checkout = shop.pick("checkout", random);
        String user = user();
        return trace.http(frontend, parent, auth.end(), checkout, "POST", "/orders", "/orders", (p, t) -> {
            Instance cart = shop.pick("cart", random);
            Outcome items = trace.http(checkout, p, t, cart, "GET", "/carts/{userId}", "/carts/" + user,
                    (q, u) -> trace.redis(cart, q, u, "HGETALL", "cart:" + user));
            long at = items.end();
            int lines = random.nextInt(1, 7);
            for (int i = 0; i < lines; i++) {
                Instance inventory = shop.pick("inventory", random);
                boolean timeout = random.nextInt(100) < 1;
                Outcome reserved = trace.http(checkout, p, at, inventory, "POST", "/reservations", "/reservations", (q, u) -> trace.sql(inventory, q, u,
                        "UPDATE", "stock", "UPDATE stock SET reserved = reserved + $1 WHERE product_id = $2 AND warehouse_id = $3 AND available - reserved >= $1",
                        timeout ? "ERROR: canceling statement due to statement timeout" : null));
                if (reserved.failed()) {
                    return new Outcome(reserved.end(), 500, "stock reservation failed: " + reserved.error());
                }
                at = reserved.end();
            }
            Instance payment = shop.pick("payment", random);
            boolean declined = random.nextInt(100) < 12;
            Outcome paid = trace.http(checkout, p, at, payment, "POST", "/charges", "/charges", (q, u) -> trace.external(payment, q, u,
                    "payment-gateway", "POST", "https://api.payments.example.com/v2/charges", declined ? 502 : 201,
                    declined ? "upstream connect error or disconnect/reset before headers; reset reason: connection termination" : null));
            if (paid.failed()) {
                return new Outcome(paid.end(), 500, "payment failed: " + paid.error());
            }
            Instance shipping = shop.pick("shipping", random);
            Outcome quote = trace.http(checkout, p, paid.end(), shipping, "GET", "/quotes", "/quotes?items=" + lines,
                    (q, u) -> trace.sql(shipping, q, u, "SELECT", "rates", "SELECT carrier, service_level, price_cents FROM rates WHERE zone = $1 AND weight_grams <= $2", null));
            Instance consumer = shop.pick("shipping", random);
            String order = Long.toString(random.nextLong(10_000_000, 99_999_999));
            Outcome sent = trace.message(checkout, p, quote.end(), consumer, "orders", order, (q, u) -> trace.sql(consumer, q, u, "INSERT", "shipments",
                    "INSERT INTO shipments (order_id, carrier, status, created_at) VALUES ($1, $2, 'pending', now())", null));
            return trace.sql(checkout, p, sent.end(), "INSERT", "orders",
                    "INSERT INTO orders (id, user_id, total_cents, currency, status) VALUES ($1, $2, $3, $4, 'paid')", null);
        });
    }

    private Outcome verifyToken(TraceBuilder trace, Instance frontend, String parent, long start) {
        Instance auth = shop.pick("auth", random);
        return trace.http(frontend, parent, start, auth, "POST", "/v1/tokens/verify", "/v1/tokens/verify",
                (p, t) -> trace.redis(auth, p, t, "GET", "session:" + Long.toHexString(random.nextLong())));
    }

    private String product() {
        return "P" + random.nextInt(10_000, 99_999);
    }

    private String user() {
        return Integer.toString(random.nextInt(100_000, 999_999));
    }

    private static String placeholders(int n) {
        StringJoiner joined = new StringJoiner(", ");
        for (int i = 1; i <= n; i++) {
            joined.add("$" + i);
        }
        return joined.toString();
    }
}
