package dev.vigil.metrics.store.index;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For each label name and value, the sorted ids of the series that carry that label. Thread-safe: series
 * are added while queries read.
 */
public final class MemPostings {

    private static final int[] NONE = new int[0];

    private final Map<String, Map<String, IdList>> byName = new ConcurrentHashMap<>();

    /** An empty index. */
    public MemPostings() {}

    /** Adds the series {@code id} under each of its labels. */
    public void add(int id, Labels labels) {
        for (int i = 0; i < labels.size(); i++) {
            byName.computeIfAbsent(labels.name(i), n -> new ConcurrentHashMap<>())
                    .computeIfAbsent(labels.value(i), v -> new IdList())
                    .add(id);
        }
    }

    /** Removes the series {@code id} from under each of its labels. */
    public void remove(int id, Labels labels) {
        for (int i = 0; i < labels.size(); i++) {
            Map<String, IdList> values = byName.get(labels.name(i));
            if (values != null) {
                IdList list = values.get(labels.value(i));
                if (list != null && list.remove(id)) {
                    values.remove(labels.value(i), list);
                }
            }
        }
    }

    /** The sorted ids of the series with the label {@code name="value"}; empty when none. */
    public int[] get(String name, String value) {
        Map<String, IdList> values = byName.get(name);
        IdList list = values == null ? null : values.get(value);
        return list == null ? NONE : list.toArray();
    }

    /** The values that the label {@code name} takes, in no particular order. */
    public List<String> values(String name) {
        Map<String, IdList> values = byName.get(name);
        return values == null ? List.of() : new ArrayList<>(values.keySet());
    }
}
