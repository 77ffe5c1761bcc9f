package dev.vigil.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @Test
    void splitsAndDecodesSegments() {
        assertThat(RequestPath.segments("/")).isEmpty();
        assertThat(RequestPath.segments("/a//b%20c/")).containsExactly("a", "b c");
        assertThat(RequestPath.segments("/files/a%2Fb")).containsExactly("files", "a/b");
        assertThat(RequestPath.segments("/caf%C3%A9+x")).containsExactly("café+x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/%", "/a/%2", "/a/%zz", "/a/%C3", "/a/..", "/a/%2e%2E/b", "/."})
    void refusesMalformedOrDotSegments(String path) {
        assertThatThrownBy(() -> RequestPath.segments(path)).isInstanceOf(IllegalArgumentException.class);
    }
}
