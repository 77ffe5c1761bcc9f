package dev.vigil.tracing.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.storage.Bytes;
import dev.vigil.storage.Definition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The store's small dictionaries: the distinct resources (attribute maps) and operations (service, span name, kind),
 * each with an id that data frames and block indexes refer to. Ids are the store's; each segment still holds a
 * definition frame for every id it uses, so that it can be read once older segments are gone. Listing services and
 * operations reads block indexes and this dictionary, never spans. One value may have more than one id (after
 * {@link #retainOnly} forgot an id an append had just taken; the append defines it again). Thread-safe.
 */
final class Dictionary {

    private static final SpanKind[] KINDS = SpanKind.values();

    /**
     * What spans of one name do in one service.
     *
     * @param service the {@code service.name} of their resource
     * @param name the span name
     * @param kind the span kind
     */
    record Operation(String service, String name, SpanKind kind) {
        Operation {
            requireNonNull(service, "service is null");
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
        }
    }

    private final Table<Map<String, String>> resources = new Table<>();
    private final Table<Operation> operations = new Table<>();

    int resourceId(Map<String, String> resource) {
        return resources.idOf(resource);
    }

    int operationId(Operation operation) {
        return operations.idOf(operation);
    }

    @Nullable Map<String, String> resource(int id) {
        return resources.get(id);
    }

    @Nullable Operation operation(int id) {
        return operations.get(id);
    }

    /** Records a resource read from a segment, or written to one, under its id. */
    void defineResource(int id, Map<String, String> resource) {
        resources.define(id, resource);
    }

    /** Records an operation read from a segment, or written to one, under its id. */
    void defineOperation(int id, Operation operation) {
        operations.define(id, operation);
    }

    /** Forgets the ids the predicates reject, once the segments that used them are deleted. */
    void retainOnly(IntPredicate liveResource, IntPredicate liveOperation) {
        resources.retainOnly(liveResource);
        operations.retainOnly(liveOperation);
    }

    /** The definition of resource {@code id}: its frame, written to each segment that lacks it. */
    Definition resourceDefinition(int id, Map<String, String> resource) {
        return Definition.of(Format.RESOURCE, id, out -> out.putStringMapBE(resource), () -> defineResource(id, resource));
    }

    /** The definition of operation {@code id}: its frame, written to each segment that lacks it. */
    Definition operationDefinition(int id, Operation operation) {
        return Definition.of(Format.OPERATION, id, out -> {
            out.putStringBE(operation.service());
            out.putStringBE(operation.name());
            out.putByte(operation.kind().ordinal());
        }, () -> defineOperation(id, operation));
    }

    /**
     * Reads the value of a definition frame of {@code type} (whole and intact) from {@code frame[at]} and defines it
     * under {@code id}.
     *
     * @throws IllegalArgumentException if it does not make sense
     */
    void define(byte type, int id, byte[] frame, int at) {
        int[] p = {at};
        if (type == Format.RESOURCE) {
            defineResource(id, Bytes.stringMapBE(frame, p));
            return;
        }
        String service = Bytes.stringBE(frame, p);
        String name = Bytes.stringBE(frame, p);
        int kind = frame[p[0]];
        if (kind < 0 || kind >= KINDS.length) {
            throw new IllegalArgumentException("an operation frame has the kind " + kind);
        }
        defineOperation(id, new Operation(service, name, KINDS[kind]));
    }

    /** Values with ids. */
    private static final class Table<T> {
        private final ConcurrentHashMap<T, Integer> ids = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<Integer, T> values = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();

        int idOf(T value) {
            Integer id = ids.get(value);
            if (id != null) {
                return id;
            }
            return ids.computeIfAbsent(value, v -> {
                int fresh = next.getAndIncrement();
                values.put(fresh, v);
                return fresh;
            });
        }

        @Nullable T get(int id) {
            return values.get(id);
        }

        void define(int id, T value) {
            values.put(id, value);
            ids.putIfAbsent(value, id);
            next.accumulateAndGet(id + 1, Math::max);
        }

        void retainOnly(IntPredicate live) {
            values.entrySet().removeIf(e -> !live.test(e.getKey()));
            ids.entrySet().removeIf(e -> !live.test(e.getValue()));
        }
    }
}
