package dev.vigil.logging.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.logs.LineFilter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequiredTextTest {

    @Test
    void findsTheLongestRunOfCharactersEveryMatchHas() {
        assertThat(RequiredText.of("status 5\\d\\d")).isEqualTo("status 5");
        assertThat(RequiredText.of("timed? out")).isEqualTo("time");
        assertThat(RequiredText.of("timed? outside")).isEqualTo(" outside");
        assertThat(RequiredText.of("connection (refused|reset) by peer")).isEqualTo("connection ");
        assertThat(RequiredText.of("a\\.b+c")).isEqualTo("a.b");
        assertThat(RequiredText.of("user [0-9]+ logged in")).isEqualTo(" logged in");
        assertThat(RequiredText.of("ab{2,3}cd")).isEqualTo("cd");
        assertThat(RequiredText.of("größe.*日本語")).isEqualTo("日本語");
        assertThat(RequiredText.of("^GET /api$")).isEqualTo("GET /api");
    }

    @Test
    void knowsNothingWhenItCannotBeSure() {
        assertThat(RequiredText.of("error|warning")).isEmpty();
        assertThat(RequiredText.of("(?i)error")).isEmpty();
        assertThat(RequiredText.of("\\Qa.b\\E")).isEmpty();
        assertThat(RequiredText.of("a{x}b")).isEmpty();
        assertThat(RequiredText.of(".*")).isEmpty();
        assertThat(RequiredText.of("x?")).isEmpty();
    }

    @Test
    void everyMatchContainsTheText() {
        List<String> patterns = List.of("ab+c?d", "x(yz)*w+v", "[abc]d{1}e", "a\\+b.c", "q(r|s)t+u", "m[^n]o?p\\dq", "e(f[)]g)",
                "a[]b]c", "k[[:alpha:]]l{0,2}m");
        Random random = new Random(4);
        for (String p : patterns) {
            // the pattern's own characters, and a few others, so that random text often matches
            String alphabet = p.replaceAll("[\\[\\](){}|*?^$]", "") + "xz.]1)";
            LineFilter filter = LineFilter.regex(p);
            String required = RequiredText.of(p);
            int matched = 0;
            for (int i = 0; i < 200_000; i++) {
                StringBuilder s = new StringBuilder();
                for (int k = random.nextInt(8); k > 0; k--) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (filter.test(s)) {
                    matched++;
                    assertThat(s.toString()).as(p).contains(required);
                }
            }
            assertThat(matched).as(p).isPositive();
        }
    }
}
