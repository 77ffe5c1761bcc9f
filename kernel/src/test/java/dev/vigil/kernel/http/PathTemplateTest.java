package dev.vigil.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

    @Test
    void parsesLiteralsAndParameters() {
        PathTemplate template = PathTemplate.parse("/api/v1/plugins/{id}/stop");

        assertThat(template.text()).isEqualTo("/api/v1/plugins/{id}/stop");
        assertThat(template.segments()).extracting(PathTemplate.Segment::param)
                .containsExactly(null, null, null, "id", null);
        assertThat(template.params(List.of("api", "v1", "plugins", "hello world", "stop")))
                .containsExactly(entry("id", "hello world"));
    }

    @Test
    void ignoresATrailingSlash() {
        assertThat(PathTemplate.parse("/health/live/").text()).isEqualTo("/health/live");
        assertThat(PathTemplate.parse("/").text()).isEqualTo("/");
        assertThat(PathTemplate.parse("/").segments()).isEmpty();
    }

    @Test
    void shapeErasesParameterNames() {
        assertThat(PathTemplate.parse("/items/{id}").shape()).isEqualTo(PathTemplate.parse("/items/{key}/").shape());
        assertThat(PathTemplate.parse("/items/{id}").shape()).isNotEqualTo(PathTemplate.parse("/items/id").shape());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''            | it must start with '/'",
        "items         | it must start with '/'",
        "/a//b         | empty segment",
        "/a/{          | unbalanced braces in segment '{'",
        "/a/id}        | unbalanced braces in segment 'id}'",
        "/a/{}         | empty parameter name",
        "/a/v{id}      | a parameter must be a whole segment: 'v{id}'",
        "/a/{x}{y}     | a parameter must be a whole segment",
        "/a/{x y}      | invalid parameter name 'x y'",
        "/{id}/b/{id}  | parameter {id} appears twice",
        "/a/*          | contains '?', '#' or '*'",
    })
    void refusesInvalidTemplates(String path, String reason) {
        assertThatThrownBy(() -> PathTemplate.parse(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid path template '" + path + "'")
                .hasMessageContaining(reason);
    }
}
