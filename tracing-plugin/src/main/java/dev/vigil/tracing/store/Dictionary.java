package dev.vigil.tracing.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.SpanKind;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
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

    /** Appends the definition frame of resource {@code id}. */
    static void writeResource(ByteSink out, int id, Map<String, String> resource) {
        int start = out.pos;
        out.ensure(Format.FRAME_PREFIX);
        out.pos += Format.FRAME_PREFIX;
        out.putByte(Format.RESOURCE);
        out.putIntBE(id);
        out.putIntBE(resource.size());
        for (Map.Entry<String, String> e : resource.entrySet()) {
            out.putStringBE(e.getKey());
            out.putStringBE(e.getValue());
        }
        Format.seal(out.buf, start, out.pos);
    }

    /** Appends the definition frame of operation {@code id}. */
    static void writeOperation(ByteSink out, int id, Operation operation) {
        int start = out.pos;
        out.ensure(Format.FRAME_PREFIX);
        out.pos += Format.FRAME_PREFIX;
        out.putByte(Format.OPERATION);
        out.putIntBE(id);
        out.putStringBE(operation.service());
        out.putStringBE(operation.name());
        out.putByte(operation.kind().ordinal());
        Format.seal(out.buf, start, out.pos);
    }

    /**
     * Reads a definition frame (whole and intact) and defines what it holds.
     *
     * @return the id it defines
     * @throws IllegalArgumentException if it does not make sense
     */
    int read(byte[] frame, int length) {
        int[] at = {Format.FRAME_PREFIX + 1};
        byte type = frame[Format.FRAME_PREFIX];
        int id = (int) Format.BE_INT.get(frame, at[0]);
        at[0] += 4;
        if (id < 0) {
            throw new IllegalArgumentException("a definition frame has the id " + id);
        }
        if (type == Format.RESOURCE) {
            int entries = (int) Format.BE_INT.get(frame, at[0]);
            at[0] += 4;
            if (entries < 0 || entries > length) {
                throw new IllegalArgumentException("a resource frame has " + entries + " entries");
            }
            TreeMap<String, String> map = new TreeMap<>();
            for (int e = 0; e < entries; e++) {
                String key = ByteSink.stringBE(frame, at);
                map.put(key, ByteSink.stringBE(frame, at));
            }
            defineResource(id, map.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(map));
        } else {
            String service = ByteSink.stringBE(frame, at);
            String name = ByteSink.stringBE(frame, at);
            int kind = frame[at[0]];
            if (kind < 0 || kind >= KINDS.length) {
                throw new IllegalArgumentException("an operation frame has the kind " + kind);
            }
            defineOperation(id, new Operation(service, name, KINDS[kind]));
        }
        return id;
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
