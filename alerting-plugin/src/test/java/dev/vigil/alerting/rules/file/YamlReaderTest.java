package dev.vigil.alerting.rules.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.rules.file.YamlNode.Mapping;
import dev.vigil.alerting.rules.file.YamlNode.Scalar;
import dev.vigil.alerting.rules.file.YamlNode.ScalarType;
import dev.vigil.alerting.rules.file.YamlNode.Sequence;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void keepsThePositionOfEveryNode() throws YamlSyntaxException {
        Mapping root = (Mapping) YamlReader.read("""
                groups:
                  - name: a
                    rules:
                      - record: x
                        expr: 'test +'
                """).orElseThrow();
        Sequence groups = (Sequence) root.get("groups").orElseThrow();
        Mapping group = (Mapping) groups.items().get(0);
        assertThat(group.location()).isEqualTo(new Location(2, 5));
        Mapping rule = (Mapping) ((Sequence) group.get("rules").orElseThrow()).items().get(0);
        Scalar expr = (Scalar) rule.get("expr").orElseThrow();
        assertThat(expr.text()).isEqualTo("test +");
        assertThat(expr.location()).isEqualTo(new Location(5, 15));
        assertThat(rule.entry("expr").orElseThrow().key().location()).isEqualTo(new Location(5, 9));
    }

    @Test
    void keepsScalarsAsWrittenWithTheirYamlType() throws YamlSyntaxException {
        Mapping root = (Mapping) YamlReader.read("a: 0x10\nb: '1'\nc:\nd: 1.5\ne: yes\nf: true\n").orElseThrow();
        assertThat((Scalar) root.get("a").orElseThrow()).extracting(Scalar::text, Scalar::type).containsExactly("0x10", ScalarType.INT);
        assertThat((Scalar) root.get("b").orElseThrow()).extracting(Scalar::text, Scalar::type).containsExactly("1", ScalarType.STRING);
        assertThat(((Scalar) root.get("c").orElseThrow()).isNull()).isTrue();
        assertThat(((Scalar) root.get("d").orElseThrow()).type()).isEqualTo(ScalarType.FLOAT);
        assertThat(((Scalar) root.get("e").orElseThrow()).type()).as("YAML 1.2 reads yes as a string").isEqualTo(ScalarType.STRING);
        assertThat(((Scalar) root.get("f").orElseThrow()).type()).isEqualTo(ScalarType.BOOL);
    }

    @Test
    void anEmptyDocumentHasNoRoot() throws YamlSyntaxException {
        assertThat(YamlReader.read("")).isEmpty();
        assertThat(YamlReader.read("# only a comment\n")).isEmpty();
    }

    @Test
    void refusesARepeatedKey() {
        assertThatThrownBy(() -> YamlReader.read("name: a\nrules: []\nname: b\n"))
                .isInstanceOf(YamlSyntaxException.class)
                .hasMessage("yaml: mapping key \"name\" already defined at line 1")
                .extracting(e -> ((YamlSyntaxException) e).location()).isEqualTo(new Location(3, 1));
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() {
        assertThatThrownBy(() -> YamlReader.read("a: [1\nb: 2\n"))
                .isInstanceOf(YamlSyntaxException.class)
                .hasMessageStartingWith("yaml: while parsing a flow sequence")
                .extracting(e -> ((YamlSyntaxException) e).location().line()).isEqualTo(2);
    }

    @Test
    void resolvesAliasesOfMappings() throws YamlSyntaxException {
        Mapping root = (Mapping) YamlReader.read("a: &common\n  team: db\nb: *common\n").orElseThrow();
        Mapping b = (Mapping) root.get("b").orElseThrow();
        assertThat(((Scalar) b.get("team").orElseThrow()).text()).isEqualTo("db");
        assertThatThrownBy(() -> YamlReader.read("a: *nothing\n")).hasMessageContaining("alias *nothing");
    }
}
