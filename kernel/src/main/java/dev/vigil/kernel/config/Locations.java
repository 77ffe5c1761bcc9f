package dev.vigil.kernel.config;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each node of a configuration document was written: the key of a mapping entry and the start of
 * each value. Filled once while the document is read, then only queried.
 */
final class Locations {

    private final Map<NodePath, Position> keys = new HashMap<>();
    private final Map<NodePath, Position> values = new HashMap<>();

    void recordKey(NodePath path, Position position) {
        keys.put(path, position);
    }

    void recordValue(NodePath path, Position position) {
        values.put(path, position);
    }

    /**
     * Where to point at the entry {@code path}: its key when it has one (the line a user looks for to fix a
     * mapping or list), else its value; for a path that is not in the document, the nearest ancestor that is.
     */
    Position ofEntry(NodePath path) {
        return find(path, keys, values);
    }

    /** Where to point at the value at {@code path}, such as a scalar of the wrong type; see {@link #ofEntry}. */
    Position ofValue(NodePath path) {
        return find(path, values, keys);
    }

    private static Position find(NodePath path, Map<NodePath, Position> first, Map<NodePath, Position> second) {
        for (NodePath at = path; ; at = at.parent()) {
            Position found = firstOf(first.get(at), second.get(at));
            if (found != null) {
                return found;
            }
            if (at.isRoot()) {
                return Position.UNKNOWN;
            }
        }
    }

    private static @Nullable Position firstOf(@Nullable Position a, @Nullable Position b) {
        return a != null ? a : b;
    }
}
