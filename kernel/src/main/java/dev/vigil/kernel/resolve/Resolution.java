package dev.vigil.kernel.resolve;

import static java.util.Objects.requireNonNull;

import dev.vigil.kernel.descriptor.PluginDescriptor;
import java.util.List;
import java.util.Map;

/**
 * The outcome of resolving a set of plugins.
 *
 * @param order the plugins that can start, each after the plugins it requires
 * @param refused the plugins that cannot, by id, each with a one-line reason
 */
public record Resolution(List<PluginDescriptor> order, Map<String, String> refused) {

    public Resolution {
        order = List.copyOf(requireNonNull(order, "order is null"));
        refused = Map.copyOf(requireNonNull(refused, "refused is null"));
    }
}
