package dev.vigil.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigProblemTest {

    @Test
    void showsFileLineColumnPathAndReason() {
        ConfigProblem problem = new ConfigProblem("conf/vigil.yaml", 4, 9, "kernel.http.port", "cannot convert \"abc\" to int");

        assertThat(problem).hasToString("conf/vigil.yaml:4:9: kernel.http.port: cannot convert \"abc\" to int");
    }

    @Test
    void leavesOutUnknownLineAndColumn() {
        ConfigProblem problem = new ConfigProblem("conf/vigil.yaml", 0, 0, "hello.count", "required key is missing");

        assertThat(problem).hasToString("conf/vigil.yaml: hello.count: required key is missing");
    }

    @Test
    void leavesOutAnEmptyPath() {
        ConfigProblem problem = new ConfigProblem("conf/vigil.yaml", 3, 1, "", "invalid YAML: tabs cannot be used");

        assertThat(problem).hasToString("conf/vigil.yaml:3:1: invalid YAML: tabs cannot be used");
    }

    @Test
    void showsTheLineWhenOnlyTheColumnIsUnknown() {
        assertThat(new ConfigProblem("a.yaml", 7, 0, "x", "bad")).hasToString("a.yaml:7: x: bad");
    }

    @Test
    void refusesNegativePositions() {
        assertThatThrownBy(() -> new ConfigProblem("a.yaml", -1, 0, "", "bad"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNulls() {
        assertThatThrownBy(() -> new ConfigProblem("a.yaml", 1, 1, "", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("reason is null");
    }
}
