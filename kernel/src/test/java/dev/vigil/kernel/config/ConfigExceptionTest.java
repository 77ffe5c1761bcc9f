package dev.vigil.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {

    private static final ConfigProblem PORT = new ConfigProblem("conf/vigil.yaml", 4, 9, "kernel.http.port", "cannot convert \"abc\" to int");
    private static final ConfigProblem KEY = new ConfigProblem("conf/vigil.yaml", 7, 3, "hello.gretting", "unknown key 'gretting' (known keys: greeting)");

    @Test
    void namesOneProblem() {
        assertThat(new ConfigException(List.of(PORT))).hasMessage("""
                1 problem in conf/vigil.yaml:
                  conf/vigil.yaml:4:9: kernel.http.port: cannot convert "abc" to int""");
    }

    @Test
    void listsEveryProblemOnItsOwnLine() {
        assertThat(new ConfigException(List.of(PORT, KEY))).hasMessage("""
                2 problems in conf/vigil.yaml:
                  conf/vigil.yaml:4:9: kernel.http.port: cannot convert "abc" to int
                  conf/vigil.yaml:7:3: hello.gretting: unknown key 'gretting' (known keys: greeting)""");
    }

    @Test
    void indentsTheFollowingLinesOfAReason() {
        ConfigProblem twoLines = new ConfigProblem("a.yaml", 1, 1, "x", "first\nsecond");

        assertThat(new ConfigException(List.of(twoLines))).hasMessage("""
                1 problem in a.yaml:
                  a.yaml:1:1: x: first
                    second""");
    }

    @Test
    void keepsItsOwnCopyOfTheProblems() {
        List<ConfigProblem> problems = new ArrayList<>(List.of(PORT));
        ConfigException exception = new ConfigException(problems);
        problems.add(KEY);

        assertThat(exception.problems()).containsExactly(PORT);
    }

    @Test
    void needsAtLeastOneProblem() {
        assertThatThrownBy(() -> new ConfigException(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("problems is empty");
    }
}
