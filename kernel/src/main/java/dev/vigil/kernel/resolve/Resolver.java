package dev.vigil.kernel.resolve;

import dev.vigil.kernel.descriptor.ApiCompatibility;
import dev.vigil.kernel.descriptor.PluginDescriptor;
import dev.vigil.kernel.descriptor.Requirement;
import dev.vigil.kernel.descriptor.Version;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, before anything starts, which plugins can start and in which order. A plugin is refused when it
 * was built for an incompatible core API, requires a plugin that is missing or at a version outside the
 * range it accepts, takes part in a dependency cycle, or requires a plugin that is refused. Ids must be
 * unique in the input; duplicates are refused earlier, when a JAR is installed.
 */
public final class Resolver {

    private final Version apiVersion;

    public Resolver(Version apiVersion) {
        this.apiVersion = apiVersion;
    }

    /**
     * Resolves {@code plugins}. {@code unavailable} names plugins that are installed but must be treated as
     * absent (stopped or failed), with the word that describes them in a reason, such as {@code "FAILED"}.
     */
    public Resolution resolve(Collection<PluginDescriptor> plugins, Map<String, String> unavailable) {
        Map<String, PluginDescriptor> byId = plugins.stream()
                .collect(Collectors.toMap(PluginDescriptor::id, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("duplicate plugin id '" + a.id() + "'");
                }, TreeMap::new));
        Map<String, String> refused = new LinkedHashMap<>();

        for (PluginDescriptor p : byId.values()) {
            ApiCompatibility.check(p.api(), apiVersion).ifPresent(reason -> refused.put(p.id(), reason));
        }
        for (PluginDescriptor p : byId.values()) {
            for (Requirement r : p.requires()) {
                if (refused.containsKey(p.id())) {
                    break;
                }
                PluginDescriptor dep = byId.get(r.pluginId());
                if (dep == null) {
                    refused.put(p.id(), "requires '" + r.pluginId() + "', which is not installed");
                } else if (!r.versions().contains(dep.version())) {
                    refused.put(p.id(), "requires '" + r.pluginId() + "' " + r.versions() + ", but " + dep.version() + " is installed");
                }
            }
        }
        for (List<String> cycle : cycles(byId)) {
            String path = String.join(" -> ", cycle) + " -> " + cycle.get(0);
            for (String id : cycle) {
                refused.putIfAbsent(id, "is in a dependency cycle: " + path);
            }
        }
        refuseDependents(byId, refused, unavailable);

        List<PluginDescriptor> order = topologicalOrder(byId, refused);
        return new Resolution(order, refused);
    }

    /** Refuses, until nothing changes, every plugin that requires a refused or unavailable one. */
    private static void refuseDependents(Map<String, PluginDescriptor> byId, Map<String, String> refused, Map<String, String> unavailable) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PluginDescriptor p : byId.values()) {
                if (refused.containsKey(p.id()) || unavailable.containsKey(p.id())) {
                    continue;
                }
                for (String dep : p.requiredIds()) {
                    if (refused.containsKey(dep)) {
                        refused.put(p.id(), "requires '" + dep + "', which cannot start (" + dep + " " + refused.get(dep) + ")");
                        changed = true;
                        break;
                    }
                    if (unavailable.containsKey(dep)) {
                        refused.put(p.id(), "requires '" + dep + "', which is " + unavailable.get(dep));
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /** Kahn's algorithm, taking plugins in id order among those ready, so the order is deterministic. */
    private static List<PluginDescriptor> topologicalOrder(Map<String, PluginDescriptor> byId, Map<String, String> refused) {
        Map<String, Integer> missing = new TreeMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (PluginDescriptor p : byId.values()) {
            if (refused.containsKey(p.id())) {
                continue;
            }
            int count = 0;
            for (String dep : p.requiredIds()) {
                if (byId.containsKey(dep) && !refused.containsKey(dep)) {
                    count++;
                    dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(p.id());
                }
            }
            missing.put(p.id(), count);
        }
        List<PluginDescriptor> order = new ArrayList<>();
        TreeMap<String, Boolean> ready = new TreeMap<>();
        missing.forEach((id, count) -> {
            if (count == 0) {
                ready.put(id, Boolean.TRUE);
            }
        });
        while (!ready.isEmpty()) {
            String id = ready.pollFirstEntry().getKey();
            order.add(byId.get(id));
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                if (missing.merge(dependent, -1, Integer::sum) == 0) {
                    ready.put(dependent, Boolean.TRUE);
                }
            }
        }
        return order;
    }

    /** Tarjan's strongly connected components; each component with more than one member, or a self-loop, is a cycle. */
    private static List<List<String>> cycles(Map<String, PluginDescriptor> byId) {
        Tarjan tarjan = new Tarjan(byId);
        for (String id : byId.keySet()) {
            if (!tarjan.index.containsKey(id)) {
                tarjan.visit(id);
            }
        }
        return tarjan.cycles;
    }

    private static final class Tarjan {
        private final Map<String, PluginDescriptor> byId;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<List<String>> cycles = new ArrayList<>();
        private int next;

        Tarjan(Map<String, PluginDescriptor> byId) {
            this.byId = byId;
        }

        void visit(String id) {
            index.put(id, next);
            low.put(id, next);
            next++;
            stack.push(id);
            for (String dep : byId.get(id).requiredIds()) {
                if (!byId.containsKey(dep)) {
                    continue;
                }
                if (!index.containsKey(dep)) {
                    visit(dep);
                    low.put(id, Math.min(low.get(id), low.get(dep)));
                } else if (stack.contains(dep)) {
                    low.put(id, Math.min(low.get(id), index.get(dep)));
                }
            }
            if (low.get(id).equals(index.get(id))) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    component.add(member);
                } while (!member.equals(id));
                boolean selfLoop = byId.get(id).requiredIds().contains(id);
                if (component.size() > 1 || selfLoop) {
                    cycles.add(inDependencyOrder(component));
                }
            }
        }

        /** Orders a cycle's members along its edges, starting from the smallest id, for a readable message. */
        private List<String> inDependencyOrder(List<String> component) {
            String start = component.stream().sorted().findFirst().orElseThrow();
            List<String> path = new ArrayList<>();
            String current = start;
            while (!path.contains(current)) {
                path.add(current);
                String from = current;
                Optional<String> nextMember = byId.get(from).requiredIds().stream().filter(component::contains).sorted().findFirst();
                current = nextMember.orElse(start);
            }
            return path;
        }
    }
}
