package dev.vigil.alerting.notify.route;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.time.Schedule;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A node of the compiled routing tree. An alert matches a route when it satisfies the route's matchers; it then
 * goes to the first child that matches it (and on to later children while the matched ones say {@code continue}),
 * and stays with the route itself only when no child matches. Immutable and thread-safe.
 */
public final class Route {

    private final @Nullable Route parent;
    private final int position;
    private final Matchers matchers;
    private final boolean continueMatching;
    private final RouteOptions options;
    private final List<Schedule> muteTimeIntervals;
    private final List<Schedule> activeTimeIntervals;
    private final List<Route> routes = new ArrayList<>();
    private final String key;

    Route(@Nullable Route parent, int position, Matchers matchers, boolean continueMatching, RouteOptions options,
            List<Schedule> muteTimeIntervals, List<Schedule> activeTimeIntervals) {
        this.parent = parent;
        this.position = position;
        this.matchers = requireNonNull(matchers, "matchers is null");
        this.continueMatching = continueMatching;
        this.options = requireNonNull(options, "options is null");
        this.muteTimeIntervals = List.copyOf(muteTimeIntervals);
        this.activeTimeIntervals = List.copyOf(activeTimeIntervals);
        this.key = parent == null ? matchers.toString() : parent.key + "/" + matchers;
    }

    void addChild(Route child) {
        routes.add(child);
    }

    /** The routes {@code labels} ends up on: depth first, left to right, as Alertmanager does. */
    public List<Route> match(Labels labels) {
        List<Route> out = new ArrayList<>(1);
        collect(labels, out);
        return out;
    }

    private boolean collect(Labels labels, List<Route> out) {
        if (!matchers.matches(labels)) {
            return false;
        }
        int before = out.size();
        for (Route child : routes) {
            if (child.collect(labels, out) && !child.continueMatching) {
                break;
            }
        }
        if (out.size() == before) {
            out.add(this);
        }
        return true;
    }

    /** The labels of an alert with {@code labels} that key its group on this route. */
    public Labels groupLabels(Labels labels) {
        return options.groupByAll() ? labels : labels.keep(options.groupBy());
    }

    /**
     * Whether this route's notifications are muted at {@code now}: inside one of its mute time intervals, or
     * outside all of its active time intervals when it has some.
     */
    public boolean mutedAt(Instant now) {
        for (Schedule mute : muteTimeIntervals) {
            if (mute.contains(now)) {
                return true;
            }
        }
        if (activeTimeIntervals.isEmpty()) {
            return false;
        }
        for (Schedule active : activeTimeIntervals) {
            if (active.contains(now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The route's key as Alertmanager forms it: the parent's key, a slash, and this route's matchers, such as
     * {@code {}/{severity="critical"}}. It starts the group keys of the route's groups.
     */
    public String key() {
        return key;
    }

    /** A key that also tells apart siblings with the same matchers: the key and the position under the parent. */
    public String id() {
        return parent == null ? key : key + "/" + position;
    }

    /** The settings of the route's groups. */
    public RouteOptions options() {
        return options;
    }

    /** The route's own matchers. */
    public Matchers matchers() {
        return matchers;
    }

    /** Whether matching goes on to the later siblings after this route matched. */
    public boolean continueMatching() {
        return continueMatching;
    }

    /** The child routes, in order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The parent route, or null for the root. */
    public @Nullable Route parent() {
        return parent;
    }

    /** Calls {@code visitor} with this route and then, depth first, every route below it. */
    public void walk(Consumer<Route> visitor) {
        visitor.accept(this);
        routes.forEach(r -> r.walk(visitor));
    }

    @Override
    public String toString() {
        return id() + " -> " + options.receiver();
    }
}
