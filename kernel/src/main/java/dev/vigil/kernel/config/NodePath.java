package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The path of a node in the configuration document: mapping keys ({@link String}) and list indexes
 * ({@link Integer}) from the top. Shown to users as {@code hello.items[2].name}; a key that is not a plain
 * word is quoted, as in {@code labels["team.name"]}, so that two different paths never look the same.
 */
record NodePath(List<Object> segments) {

    static final NodePath ROOT = new NodePath(List.of());

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    NodePath {
        segments = List.copyOf(requireNonNull(segments, "segments is null"));
        for (Object segment : segments) {
            if (!(segment instanceof String) && !(segment instanceof Integer)) {
                throw new IllegalArgumentException("segment must be a String or an Integer: " + segment);
            }
        }
    }

    NodePath key(String key) {
        return append(key);
    }

    NodePath index(int index) {
        return append(index);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** The path without its last segment; the root is its own parent. */
    NodePath parent() {
        return isRoot() ? this : new NodePath(segments.subList(0, segments.size() - 1));
    }

    /** The node at this path below {@code root}, or null when there is none. */
    @Nullable JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            JsonNode next = segment instanceof String key ? node.get(key) : node.get((Integer) segment);
            if (next == null) {
                return null;
            }
            node = next;
        }
        return node;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else if (PLAIN_KEY.matcher((String) segment).matches()) {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(segment);
            } else {
                text.append('[').append(TextNode.valueOf((String) segment)).append(']');
            }
        }
        return text.toString();
    }

    private NodePath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new NodePath(longer);
    }
}
