package dev.vigil.kernel.http;

import dev.vigil.api.http.HttpMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable index of routes by path segment. The route table builds a new one on every change and
 * publishes it through a volatile field, so lookups never lock.
 */
final class RouteTree {

    static final RouteTree EMPTY = new RouteTree(new Node());

    private final Node root;

    private RouteTree(Node root) {
        this.root = root;
    }

    static RouteTree of(Collection<Route> routes) {
        Node root = new Node();
        for (Route route : routes) {
            Node node = root;
            for (PathTemplate.Segment segment : route.template().segments()) {
                node = segment.isParam()
                        ? node.paramChild()
                        : node.literals.computeIfAbsent(segment.literal(), literal -> new Node());
            }
            node.routes.put(route.method(), route);
        }
        return new RouteTree(root);
    }

    /**
     * Finds the route for a request. Nodes that match the path are tried in precedence order (a literal
     * segment before a parameter at each position) and the first with a route for the method wins; HEAD
     * falls back to GET.
     *
     * @param method the request's method, or {@code null} for one Vigil has no routes for
     */
    RouteMatch match(@Nullable HttpMethod method, List<String> segments) {
        List<Node> candidates = new ArrayList<>();
        collect(root, segments, 0, candidates);
        if (candidates.isEmpty()) {
            return new RouteMatch.NotFound();
        }
        if (method != null) {
            for (Node node : candidates) {
                Route route = node.routeFor(method);
                if (route != null) {
                    return new RouteMatch.Found(route, route.template().params(segments));
                }
            }
        }
        Set<HttpMethod> allowed = EnumSet.noneOf(HttpMethod.class);
        for (Node node : candidates) {
            allowed.addAll(node.routes.keySet());
        }
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        allowed.add(HttpMethod.OPTIONS);
        return new RouteMatch.MethodNotAllowed(allowed);
    }

    private static void collect(Node node, List<String> segments, int index, List<Node> out) {
        if (index == segments.size()) {
            if (!node.routes.isEmpty()) {
                out.add(node);
            }
            return;
        }
        Node literal = node.literals.get(segments.get(index));
        if (literal != null) {
            collect(literal, segments, index + 1, out);
        }
        if (node.param != null) {
            collect(node.param, segments, index + 1, out);
        }
    }

    private static final class Node {

        final Map<String, Node> literals = new HashMap<>();
        final Map<HttpMethod, Route> routes = new EnumMap<>(HttpMethod.class);
        @Nullable Node param;

        Node paramChild() {
            Node child = param;
            if (child == null) {
                child = new Node();
                param = child;
            }
            return child;
        }

        @Nullable Route routeFor(HttpMethod method) {
            Route route = routes.get(method);
            if (route == null && method == HttpMethod.HEAD) {
                route = routes.get(HttpMethod.GET);
            }
            return route;
        }
    }
}
