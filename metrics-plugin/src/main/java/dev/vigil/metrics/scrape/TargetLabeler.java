package dev.vigil.metrics.scrape;

import dev.vigil.api.metrics.Label;
import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Adds a target's labels to the labels a target exposes, settling conflicts as Prometheus does. */
final class TargetLabeler {

    private static final String EXPORTED = "exported_";

    private TargetLabeler() {}

    /**
     * The labels of an exposed sample once the target's are added.
     *
     * @param honor true: an exposed label wins over the target's; false: the target's wins and the exposed one
     *     is kept as {@code exported_<name>} (with more prefixes while that name is taken)
     */
    static Labels sampleLabels(Labels exposed, Labels target, boolean honor) {
        Labels.Builder out = exposed.toBuilder();
        if (honor) {
            target.forEach((name, value) -> {
                if (!exposed.has(name)) {
                    out.set(name, value);
                }
            });
            return out.build();
        }
        List<Label> conflicts = new ArrayList<>();
        for (Label label : target) {
            String exposedValue = exposed.get(label.name());
            if (exposedValue != null) {
                conflicts.add(new Label(label.name(), exposedValue));
            }
            out.set(label.name(), label.value());
        }
        if (!conflicts.isEmpty()) {
            renameConflicts(out, exposed, target, conflicts);
        }
        return out.build();
    }

    /** The labels of a synthetic series such as {@code up}: the target's win, as in Prometheus. */
    static Labels reportLabels(String metric, Labels target) {
        return target.toBuilder().set(Labels.METRIC_NAME, metric).build();
    }

    private static void renameConflicts(Labels.Builder out, Labels exposed, Labels target, List<Label> conflicts) {
        conflicts.sort(Comparator.comparingInt(l -> l.name().length()));
        List<String> chosen = new ArrayList<>();
        for (Label conflict : conflicts) {
            String name = conflict.name();
            do {
                name = EXPORTED + name;
            } while (exposed.has(name) || target.has(name) || chosen.contains(name));
            chosen.add(name);
            out.set(name, conflict.value());
        }
    }
}
