package dev.vigil.alerting.notify.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Copies of the collections a configuration record holds: absent means empty, an empty entry is refused. */
final class ConfigLists {

    private ConfigLists() {}

    static <T> List<T> copy(@Nullable List<T> list, String name) {
        if (list == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            T item = list.get(i);
            if (item == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is empty");
            }
            copy.add(item);
        }
        return Collections.unmodifiableList(copy);
    }

    static @Nullable List<String> copyOrNull(@Nullable List<String> list, String name) {
        return list == null ? null : copy(list, name);
    }

    static Map<String, String> copy(@Nullable Map<String, String> map, String name) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException(name + " has an empty entry");
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }
}
