package dev.vigil.kernel.config;

import static dev.vigil.kernel.config.TestingConfig.SOURCE;
import static dev.vigil.kernel.config.TestingConfig.bind;
import static dev.vigil.kernel.config.TestingConfig.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionBinderTest {

    @Test
    void reportsEveryBadValueInASection() {
        assertThat(problemsOf(() -> bind("""
                kernel:
                  http:
                    port: abc
                  startTimeout: soon
                  watch:
                    enabled: maybe
                """, "kernel", KernelConfig.class))).containsExactly(
                SOURCE + ":3:11: kernel.http.port: cannot convert \"abc\" to int",
                SOURCE + ":4:17: kernel.startTimeout: cannot convert \"soon\" to a duration"
                        + " (expected a whole number with a unit: 250ms, 10s, 5m, 1h, 2d; or ISO-8601 such as PT10S)",
                SOURCE + ":6:14: kernel.watch.enabled: cannot convert \"maybe\" to boolean (expected true or false)");
    }

    @Test
    void aBadValueWithoutDefaultIsNotReportedAgainAsMissing() {
        assertThat(problemsOf(() -> bind("plain: {count: abc}\n", "plain", PlainConfig.class)))
                .containsExactly(SOURCE + ":1:16: plain.count: cannot convert \"abc\" to int");
    }

    @Test
    void listElementsKeepTheirIndexesInTheDocument() {
        assertThat(problemsOf(() -> bind("""
                hello:
                  items:
                    - {name: a, weight: x}
                    - {name: b, weight: 2}
                    - {name: c, weight: y}
                """, "hello", HelloConfig.class))).containsExactly(
                SOURCE + ":3:25: hello.items[0].weight: cannot convert \"x\" to int",
                SOURCE + ":5:25: hello.items[2].weight: cannot convert \"y\" to int");
    }

    @Test
    void addsToTheProblemsGivenAndReturnsNoValue() throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>(List.of(new ConfigProblem("other.yaml", 1, 1, "", "earlier")));

        Object value = SectionBinder.bind(TestingConfig.parse("hello: {repeat: 0}\n"), "hello", HelloConfig.class,
                ConfigMappers.strict(), problems);

        assertThat(value).isNull();
        assertThat(problems).extracting(ConfigProblem::reason)
                .containsExactly("earlier", "repeat must be between 1 and 10, got 0");
    }

    @Test
    void leavesTheDocumentAsItWas() throws ConfigException {
        ConfigDocument document = TestingConfig.parse("hello: {gretting: Hi, repeat: x}\n");

        SectionBinder.bind(document, "hello", HelloConfig.class, ConfigMappers.strict(), new ArrayList<>());

        assertThat(document.sectionTree("hello").size()).isEqualTo(2);
    }
}
