package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpMethod;
import java.util.Map;
import java.util.Set;

/** What the route table found for a request. */
sealed interface RouteMatch {

    /** A route serves the method and path; {@code params} holds the decoded path parameters. */
    record Found(Route route, Map<String, String> params) implements RouteMatch {

        public Found {
            requireNonNull(route, "route is null");
            params = Map.copyOf(params);
        }
    }

    /** Routes serve the path, but not with this method; {@code allowed} is what the Allow header lists. */
    record MethodNotAllowed(Set<HttpMethod> allowed) implements RouteMatch {

        public MethodNotAllowed {
            allowed = Set.copyOf(allowed);
        }
    }

    /** No route serves the path. */
    record NotFound() implements RouteMatch {
    }
}
