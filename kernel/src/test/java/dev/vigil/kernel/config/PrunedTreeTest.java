package dev.vigil.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunedTreeTest {

    private static final NodePath ITEMS = NodePath.ROOT.key("hello").key("items");

    @Test
    void removesMappingEntries() throws IOException {
        PrunedTree tree = new PrunedTree("hello", json("{\"a\": 1, \"b\": 2}"));

        assertThat(tree.remove(NodePath.ROOT.key("hello").key("a"))).isTrue();
        assertThat(tree.remove(NodePath.ROOT.key("hello").key("a"))).isFalse();
        assertThat(tree.section()).isEqualTo(json("{\"b\": 2}"));
    }

    @Test
    void translatesIndexesAfterElementsAreRemoved() throws IOException {
        PrunedTree tree = new PrunedTree("hello", json("{\"items\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}"));

        assertThat(tree.remove(ITEMS.index(1))).isTrue();
        assertThat(tree.remove(ITEMS.index(3))).isTrue();

        assertThat(tree.section().get("items")).isEqualTo(json("[\"a\", \"c\", \"e\"]"));
        assertThat(tree.toDocument(ITEMS.index(0))).isEqualTo(ITEMS.index(0));
        assertThat(tree.toDocument(ITEMS.index(1))).isEqualTo(ITEMS.index(2));
        assertThat(tree.toDocument(ITEMS.index(2))).isEqualTo(ITEMS.index(4));
        assertThat(tree.contains(ITEMS.index(3))).isFalse();
        assertThat(tree.contains(ITEMS.index(4))).isTrue();
        assertThat(tree.remove(ITEMS.index(3))).isFalse();
    }

    @Test
    void translatesNestedLists() throws IOException {
        PrunedTree tree = new PrunedTree("hello", json("{\"items\": [{\"tags\": [1, 2, 3]}, {\"tags\": [4, 5]}]}"));

        tree.remove(ITEMS.index(0));
        tree.remove(ITEMS.index(1).key("tags").index(0));

        assertThat(tree.toDocument(ITEMS.index(0).key("tags").index(0))).isEqualTo(ITEMS.index(1).key("tags").index(1));
    }

    @Test
    void doesNotCopyBackIntoTheOriginal() throws IOException {
        JsonNode original = json("{\"a\": 1}");

        new PrunedTree("hello", original).remove(NodePath.ROOT.key("hello").key("a"));

        assertThat(original.has("a")).isTrue();
    }

    @Test
    void neverRemovesTheSectionItself() throws IOException {
        PrunedTree tree = new PrunedTree("hello", json("{}"));

        assertThat(tree.remove(NodePath.ROOT)).isFalse();
        assertThat(tree.toDocument(NodePath.ROOT.key("hello")).segments()).isEqualTo(List.of("hello"));
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
