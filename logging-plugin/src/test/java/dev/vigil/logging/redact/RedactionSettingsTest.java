package dev.vigil.logging.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.kernel.config.ConfigMappers;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RedactionSettingsTest {

    static RedactionSettings bind(String yaml) throws Exception {
        JsonNode tree = new YAMLMapper().readTree(yaml);
        return ConfigMappers.strict().treeToValue(tree, RedactionSettings.class);
    }

    @Test
    void defaults() throws Exception {
        RedactionSettings d = RedactionSettings.defaults();
        assertThat(d.enabled()).isTrue();
        assertThat(d.mask()).isEqualTo("[{kind}]");
        assertThat(List.of(d.emails(), d.cardNumbers(), d.authorization(), d.tokens(), d.secretValues(), d.urlCredentials()))
                .containsOnly(true);
        assertThat(d.patterns()).isEmpty();
        assertThat(bind("{}")).isEqualTo(d);
    }

    @Test
    void bindsEachKeyAndKeepsDefaultsForTheRest() throws Exception {
        RedactionSettings s = bind("""
                mask: "<{kind}>"
                cardNumbers: false
                urlCredentials: false
                patterns:
                  - name: ssn
                    regex: '\\b\\d{3}-\\d{2}-\\d{4}\\b'
                  - name: customer
                    regex: 'customer=(\\w+)'
                    replacement: 'customer=$1'
                """);
        assertThat(s).isEqualTo(new RedactionSettings(true, "<{kind}>", true, false, true, true, true, false, List.of(
                new RedactionSettings.CustomPattern("ssn", "\\b\\d{3}-\\d{2}-\\d{4}\\b", ""),
                new RedactionSettings.CustomPattern("customer", "customer=(\\w+)", "customer=$1"))));
        assertThat(s.maskFor("email")).isEqualTo("<email>");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertRefused("unknownRule: true", "unknownRule");
        assertRefused("emails: 1", "emails");
        assertRefused("mask: ''", "mask");
        assertRefused("patterns:\n  - regex: 'x'", "name is required");
        assertRefused("patterns:\n  - name: a", "regex is required in pattern 'a'");
        assertRefused("patterns:\n  - name: a\n    regex: '(x'", "regex of pattern 'a' is not valid");
        assertRefused("patterns:\n  - name: a\n    regex: '(?=x)'", "regex of pattern 'a' is not valid");
        assertRefused("patterns:\n  - name: a\n    regex: x\n  - name: a\n    regex: y", "patterns[1].name: 'a' is used twice");
        assertRefused("patterns:\n  - name: a\n    regex: x\n    replace: y", "replace");
    }

    private static void assertRefused(String yaml, String message) {
        ThrowingCallable binding = () -> bind(yaml);
        assertThatThrownBy(binding).as(yaml).satisfies(e -> assertThat(messages(e)).contains(message));
    }

    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append('\n');
        }
        return out.toString();
    }
}
