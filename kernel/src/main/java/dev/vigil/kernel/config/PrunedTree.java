package dev.vigil.kernel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A working copy of one section from which nodes are removed, that still speaks in the document's paths.
 * Removing a list element shifts the indexes of the elements after it in the copy; paths going in and out
 * are translated, so that {@code items[3]} of the document stays {@code items[3]} in every message.
 */
final class PrunedTree {

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final String section;
    /** For each list, by its document path: the document indexes of the elements removed from it. */
    private final Map<NodePath, TreeSet<Integer>> removedElements = new HashMap<>();

    PrunedTree(String section, JsonNode sectionTree) {
        this.section = section;
        root.set(section, sectionTree.deepCopy());
    }

    /** The section as it is now, to be bound. */
    JsonNode section() {
        return root.get(section);
    }

    /** The document path of the node at {@code path} in the copy. */
    NodePath toDocument(NodePath path) {
        NodePath document = NodePath.ROOT;
        for (Object segment : path.segments()) {
            if (segment instanceof Integer index) {
                int original = index;
                for (int removed : removedElements.getOrDefault(document, new TreeSet<>())) {
                    if (removed <= original) {
                        original++;
                    }
                }
                document = document.index(original);
            } else {
                document = document.key((String) segment);
            }
        }
        return document;
    }

    /** Whether the copy still has the node at document path {@code path}. */
    boolean contains(NodePath path) {
        NodePath copyPath = toCopy(path);
        return copyPath != null && copyPath.find(root) != null;
    }

    /** Removes the mapping entry or list element at document path {@code path}; false if there is none. */
    boolean remove(NodePath path) {
        NodePath copyPath = toCopy(path);
        if (copyPath == null || copyPath.isRoot()) {
            return false;
        }
        JsonNode parent = copyPath.parent().find(root);
        Object last = copyPath.segments().get(copyPath.segments().size() - 1);
        if (parent instanceof ObjectNode mapping && last instanceof String key) {
            return mapping.remove(key) != null;
        }
        if (parent instanceof ArrayNode list && last instanceof Integer index && index < list.size()) {
            list.remove(index);
            int documentIndex = (Integer) path.segments().get(path.segments().size() - 1);
            removedElements.computeIfAbsent(path.parent(), unused -> new TreeSet<>()).add(documentIndex);
            return true;
        }
        return false;
    }

    /** The path in the copy of the node at document path {@code path}, or null if it was removed. */
    private @Nullable NodePath toCopy(NodePath path) {
        List<Object> copy = new ArrayList<>(path.segments().size());
        NodePath document = NodePath.ROOT;
        for (Object segment : path.segments()) {
            if (segment instanceof Integer index) {
                TreeSet<Integer> removed = removedElements.getOrDefault(document, new TreeSet<>());
                if (removed.contains(index)) {
                    return null;
                }
                copy.add(index - removed.headSet(index).size());
                document = document.index(index);
            } else {
                copy.add(segment);
                document = document.key((String) segment);
            }
        }
        return new NodePath(copy);
    }
}
