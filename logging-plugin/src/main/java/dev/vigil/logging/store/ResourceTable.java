package dev.vigil.logging.store;

import dev.vigil.storage.Definition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The distinct resources (attribute maps) of the store, each with an id that data frames refer to. Ids are the store's,
 * not a segment's; each segment still holds a resource frame for every id its data frames use, so that it can be read
 * once older segments are gone. One map may have more than one id (after {@link #retainOnly} forgot an id that an
 * append had just taken). Thread-safe.
 */
final class ResourceTable {

    private final ConcurrentHashMap<Map<String, String>, Integer> ids = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Map<String, String>> maps = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** The id of {@code resource}, a new one if it has none. */
    int idOf(Map<String, String> resource) {
        Integer id = ids.get(resource);
        if (id != null) {
            return id;
        }
        return ids.computeIfAbsent(resource, r -> {
            int fresh = next.getAndIncrement();
            maps.put(fresh, r);
            return fresh;
        });
    }

    /** The resource with {@code id}, or null if it is unknown. */
    @Nullable Map<String, String> get(int id) {
        return maps.get(id);
    }

    /** Records a resource read from a segment, or written to one, under its id. */
    void define(int id, Map<String, String> resource) {
        maps.put(id, resource);
        ids.putIfAbsent(resource, id);
        next.accumulateAndGet(id + 1, Math::max);
    }

    /** Forgets the ids that {@code live} rejects, once the segments that used them are deleted. */
    void retainOnly(IntPredicate live) {
        maps.entrySet().removeIf(e -> !live.test(e.getKey()));
        ids.entrySet().removeIf(e -> !live.test(e.getValue()));
    }

    /** The definition of resource {@code id}: its frame, written to each segment that lacks it. */
    Definition definition(int id, Map<String, String> resource) {
        return Definition.of(Format.RESOURCE, id, out -> out.putStringMapBE(resource), () -> define(id, resource));
    }
}
