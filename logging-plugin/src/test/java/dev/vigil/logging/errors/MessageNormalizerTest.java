package dev.vigil.logging.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageNormalizerTest {

    @Test
    void parametersBecomePlaceholders() {
        assertThat(MessageNormalizer.normalize("order 1234 not found")).isEqualTo("order <num> not found");
        assertThat(MessageNormalizer.normalize("timeout after 3.5s talking to 10.0.3.7:8080"))
                .isEqualTo("timeout after <num>s talking to <num>:<num>");
        assertThat(MessageNormalizer.normalize("user 550e8400-e29b-41d4-a716-446655440000 has no cart"))
                .isEqualTo("user <uuid> has no cart");
        assertThat(MessageNormalizer.normalize("object 3f2a9c1e7b missing, ptr 0x7ffe12")).isEqualTo("object <hex> missing, ptr <hex>");
        assertThat(MessageNormalizer.normalize("no account for ada.lovelace@example.com")).isEqualTo("no account for <email>");
        assertThat(MessageNormalizer.normalize("Cannot invoke \"Order.getTotal()\" because 'order' is null"))
                .isEqualTo("Cannot invoke <str> because <str> is null");
        assertThat(MessageNormalizer.normalize("  spread\n over\tlines ")).isEqualTo("spread over lines");
        assertThat(MessageNormalizer.normalize("ORD-2026-000123 can't ship")).isEqualTo("ORD-<num>-<num> can't ship");
    }

    @Test
    void wordsStayWords() {
        assertThat(MessageNormalizer.normalize("deadbeef is a word, so is facade")).isEqualTo("deadbeef is a word, so is facade");
        assertThat(MessageNormalizer.normalize("x".repeat(1000))).hasSize(MessageNormalizer.MAX_LENGTH);
    }
}
