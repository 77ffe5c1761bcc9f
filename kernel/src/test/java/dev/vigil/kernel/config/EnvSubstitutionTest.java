package dev.vigil.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

    private final EnvSubstitution substitution =
            new EnvSubstitution(Map.of("HOST", "db.local", "PORT", "5432", "EMPTY", ""));
    private final List<String> problems = new ArrayList<>();

    @Test
    void leavesTextWithoutReferencesAlone() {
        assertThat(substitute("costs $5, or $$5")).isEqualTo("costs $5, or $$5");
        assertThat(problems).isEmpty();
    }

    @Test
    void replacesVariables() {
        assertThat(substitute("jdbc:postgresql://${HOST}:${PORT}/vigil")).isEqualTo("jdbc:postgresql://db.local:5432/vigil");
    }

    @Test
    void usesTheDefaultWhenUnsetOrEmpty() {
        assertThat(substitute("${MISSING:-fallback}")).isEqualTo("fallback");
        assertThat(substitute("${EMPTY:-fallback}")).isEqualTo("fallback");
        assertThat(substitute("${HOST:-fallback}")).isEqualTo("db.local");
        assertThat(substitute("${MISSING:-}")).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void keepsAnEmptyValueWithoutDefault() {
        assertThat(substitute("[${EMPTY}]")).isEqualTo("[]");
        assertThat(problems).isEmpty();
    }

    @Test
    void defaultsMayContainColonsAndDashes() {
        assertThat(substitute("${MISSING:-http://localhost:9400/a-b}")).isEqualTo("http://localhost:9400/a-b");
    }

    @Test
    void doubledDollarIsALiteralReference() {
        assertThat(substitute("$${HOST} is ${HOST}")).isEqualTo("${HOST} is db.local");
        assertThat(problems).isEmpty();
    }

    @Test
    void doesNotSubstituteTwice() {
        EnvSubstitution nested = new EnvSubstitution(Map.of("A", "${B}", "B", "b"));

        assertThat(nested.substitute("${A}", problems::add)).isEqualTo("${B}");
    }

    @Test
    void reportsAnUnsetVariable() {
        assertThat(substitute("x${MISSING}y")).isEqualTo("xy");
        assertThat(problems).containsExactly("environment variable MISSING is not set (use ${MISSING:-default} for a default)");
    }

    @Test
    void reportsEveryUnsetVariableInAValue() {
        substitute("${ONE}/${TWO}");

        assertThat(problems).hasSize(2);
    }

    @Test
    void reportsAnUnclosedReference() {
        substitute("${HOST");

        assertThat(problems).containsExactly("unclosed \"${\" (write \"$${\" for a literal \"${\")");
    }

    @Test
    void reportsAnInvalidName() {
        substitute("${1HOST} ${} ${HOST:default}");

        assertThat(problems).containsExactly(
                "invalid reference \"${1HOST}\" (expected ${NAME} or ${NAME:-default}, NAME made of letters, digits and '_')",
                "invalid reference \"${}\" (expected ${NAME} or ${NAME:-default}, NAME made of letters, digits and '_')",
                "invalid reference \"${HOST:default}\" (expected ${NAME} or ${NAME:-default}, NAME made of letters, digits and '_')");
    }

    private String substitute(String text) {
        return substitution.substitute(text, problems::add);
    }
}
