package dev.vigil.logging.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long inputs built to make a backtracking matcher or a rescanning loop take quadratic time or worse: each built-in
 * rule reads every character a bounded number of times, so these finish as quickly as ordinary text of their size.
 * A regression shows as a test that runs for minutes.
 */
class AdversarialInputTest {

    private static final int SIZE = 1 << 20;

    private final Redactor redactor = Redactor.withDefaults();

    private void assertMasked(String text, String expected) {
        String masked = redactor.mask(text);
        assertThat(masked.equals(expected)).as("%s… came back as %s…", text.substring(0, Math.min(60, text.length())),
                masked.substring(0, Math.min(200, masked.length()))).isTrue();
    }

    private static String repeat(String unit) {
        return unit.repeat(SIZE / unit.length());
    }

    @Test
    void inputsThatMaskNothingComeBackUnchanged() {
        List<String> units = List.of("@", "a@", "a.a@", "a@a.", "@a.a1", "%40", "a%40b", "1", "4111 ", "4111-", "4 ", "1-", "0.",
                "Bearer ", "BearerBearer", "basic ", "Basic YWRh ", "eyJ", "eyJ.", "eyJhbGciOiJIUzI1NiJ9 ", "ghp_", " ghp_", " xoxb-", "xoxb-xoxb ",
                " AKIA", "AIza", "://", "http://a:", "-----BEGIN ", "-----BEGIN -----", "=", "a=", ":", "a:", "==", "::",
                "'", " '", "PASSWORD", ">", "<a>", "\\\"", "\"", "hooks.slack.com/services/");
        for (String unit : units) {
            String text = repeat(unit);
            String masked = redactor.mask(text);
            assertThat(masked == text).as("%s came back as %s…", unit, masked.substring(0, Math.min(200, masked.length()))).isTrue();
        }
    }

    @Test
    void longRunsAfterATriggerAreReadOnce() {
        String longWord = "a".repeat(SIZE);
        assertMasked("password=" + longWord, "password=[secret]");
        assertMasked("\"password\":\"" + longWord, "\"password\":\"[secret]");
        assertMasked("<password>" + longWord, "<password>[secret]");
        assertMasked("PASSWORD '" + longWord, "PASSWORD '[secret]");
        assertMasked("Bearer " + longWord, "Bearer [token]");
        assertMasked(" eyJ" + longWord, " eyJ" + longWord);
        assertMasked(longWord + "@" + longWord, longWord + "@" + longWord);
        assertMasked("-----BEGIN PRIVATE KEY-----" + longWord, "[private-key]");
        assertMasked("1".repeat(SIZE), "1".repeat(SIZE));
    }

    @Test
    void repeatedFindingsAreEachMasked() {
        assertMasked(repeat("password=x "), repeat("password=x ").replace("password=x", "password=[secret]"));
        String mixed = repeat("a@b.co 4111111111111111 ");
        assertMasked(mixed, mixed.replace("a@b.co", "[email]").replace("4111111111111111", "[card]"));
        String tokens = repeat("Bearer 0a1b2c3d4e5f ");
        assertMasked(tokens, tokens.replace("0a1b2c3d4e5f", "[token]"));
    }
}
