package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.http.RouteAccess;
import java.util.Locale;
import java.util.Optional;

/**
 * The error tracking API on the platform's API port. Answers are JSON, {@code {"status":"success","data":...}};
 * errors are {@code {"status":"error","error":"..."}} with 400 for a bad parameter and 404 for an unknown issue.
 * <ul>
 *   <li>{@code GET /api/v1/errors}: a page of issues, without samples, as
 *       {@code {"issues":[...],"total":n,"page":p,"limit":l}}; parameters {@code service}, {@code status}
 *       ({@code unresolved}, {@code resolved}, {@code ignored}), {@code query} (text in the title, type or culprit),
 *       {@code sort} ({@code last_seen}, the default, {@code count} or {@code first_seen}, each descending),
 *       {@code limit} (1 to 1000, default 100) and {@code page} (from 1);</li>
 *   <li>{@code GET /api/v1/errors/{id}}: one issue with its latest occurrence as {@code sample};</li>
 *   <li>{@code POST /api/v1/errors/{id}/resolve}, {@code .../ignore}, {@code .../unresolve}: change its status and
 *       answer the issue; these need the admin token.</li>
 * </ul>
 * An issue reads {@code {"id","type","title","culprit","status","firstSeen","lastSeen","count",
 * "users":{"count","atLeast"},"services":[...]}}, times in RFC 3339. Thread-safe.
 */
public final class ErrorsApi {

    private final ErrorTracker tracker;

    /** The API over {@code tracker}. */
    public ErrorsApi(ErrorTracker tracker) {
        this.tracker = requireNonNull(tracker, "tracker is null");
    }

    /** Adds the routes; they go when the plugin stops, with everything else it registered. */
    public void register(HttpRoutes routes) {
        routes.get("/api/v1/errors", this::list);
        routes.get("/api/v1/errors/{id}", this::get);
        routes.add(HttpMethod.POST, "/api/v1/errors/{id}/resolve", RouteAccess.ADMIN, e -> status(e, IssueStatus.RESOLVED));
        routes.add(HttpMethod.POST, "/api/v1/errors/{id}/ignore", RouteAccess.ADMIN, e -> status(e, IssueStatus.IGNORED));
        routes.add(HttpMethod.POST, "/api/v1/errors/{id}/unresolve", RouteAccess.ADMIN, e -> status(e, IssueStatus.UNRESOLVED));
    }

    private void list(HttpExchange exchange) {
        IssueQuery query = query(exchange);
        ErrorsJson.success(exchange, ErrorsJson.page(tracker.list(query), query));
    }

    private void get(HttpExchange exchange) {
        String id = exchange.pathParam("id");
        ErrorIssue issue = tracker.issue(id).orElseThrow(() -> noIssue(id));
        ErrorsJson.success(exchange, ErrorsJson.issueWithSample(issue));
    }

    private void status(HttpExchange exchange, IssueStatus status) {
        String id = exchange.pathParam("id");
        ErrorIssue issue = tracker.setStatus(id, status).orElseThrow(() -> noIssue(id));
        ErrorsJson.success(exchange, ErrorsJson.issue(issue));
    }

    private static HttpStatusException noIssue(String id) {
        return HttpStatusException.notFound("no error issue " + id);
    }

    /** The query of the request's parameters, each refused with 400 and its name when malformed. */
    static IssueQuery query(HttpExchange exchange) {
        Optional<String> service = param(exchange, "service");
        Optional<IssueStatus> status = param(exchange, "status").map(s -> IssueStatus.parse(s).orElseThrow(
                () -> HttpStatusException.badRequest("invalid parameter \"status\": '" + s + "' is none of unresolved, resolved, ignored")));
        String text = param(exchange, "query").orElse("");
        IssueQuery.Sort sort = param(exchange, "sort").map(ErrorsApi::sort).orElse(IssueQuery.Sort.LAST_SEEN);
        int limit = integer(exchange, "limit", 1, IssueQuery.MAX_LIMIT).orElse(100);
        int page = integer(exchange, "page", 1, Integer.MAX_VALUE).orElse(1);
        return new IssueQuery(service, status, text, sort, limit, page);
    }

    private static IssueQuery.Sort sort(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "last_seen" -> IssueQuery.Sort.LAST_SEEN;
            case "count" -> IssueQuery.Sort.COUNT;
            case "first_seen" -> IssueQuery.Sort.FIRST_SEEN;
            default -> throw HttpStatusException.badRequest("invalid parameter \"sort\": '" + value
                    + "' is none of last_seen, count, first_seen");
        };
    }

    private static Optional<String> param(HttpExchange exchange, String name) {
        return exchange.queryParam(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<Integer> integer(HttpExchange exchange, String name, int min, int max) {
        Optional<String> value = param(exchange, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw HttpStatusException.badRequest("invalid parameter \"" + name + "\": not a whole number: \"" + value.get() + "\"");
        }
        if (parsed < min || parsed > max) {
            throw HttpStatusException.badRequest("invalid parameter \"" + name + "\": must be from " + min + " to " + max + ", got " + parsed);
        }
        return Optional.of(parsed);
    }
}
