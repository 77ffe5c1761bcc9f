package dev.vigil.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodePathTest {

    @Test
    void isShownDottedWithIndexes() {
        assertThat(NodePath.ROOT).hasToString("");
        assertThat(NodePath.ROOT.key("kernel").key("http").key("port")).hasToString("kernel.http.port");
        assertThat(NodePath.ROOT.key("hello").key("items").index(2).key("name")).hasToString("hello.items[2].name");
        assertThat(NodePath.ROOT.key("my-plugin").key("max_size")).hasToString("my-plugin.max_size");
    }

    @Test
    void quotesKeysThatAreNotPlainWords() {
        assertThat(NodePath.ROOT.key("hello").key("labels").key("team.name")).hasToString("hello.labels[\"team.name\"]");
        assertThat(NodePath.ROOT.key("hello").key("odd \"key\"")).hasToString("hello[\"odd \\\"key\\\"\"]");
        assertThat(NodePath.ROOT.key("hello").key("")).hasToString("hello[\"\"]");
    }

    @Test
    void findsNodes() throws IOException {
        var root = new ObjectMapper().readTree("{\"hello\": {\"items\": [{\"name\": \"a\"}]}}");

        assertThat(NodePath.ROOT.key("hello").key("items").index(0).key("name").find(root).asText()).isEqualTo("a");
        assertThat(NodePath.ROOT.key("hello").key("items").index(1).find(root)).isNull();
        assertThat(NodePath.ROOT.key("hello").key("absent").key("deeper").find(root)).isNull();
    }

    @Test
    void knowsItsParent() {
        NodePath name = NodePath.ROOT.key("hello").index(0);

        assertThat(name.parent()).isEqualTo(NodePath.ROOT.key("hello"));
        assertThat(NodePath.ROOT.parent()).isEqualTo(NodePath.ROOT);
    }

    @Test
    void holdsOnlyKeysAndIndexes() {
        assertThatThrownBy(() -> new NodePath(List.of(1.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
