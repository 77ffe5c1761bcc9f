package dev.vigil.logging.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void everyTextInABodyPassesTheFilterAtEveryFold() {
        Random random = new Random(1);
        long[] full = Tokens.newFilter();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(Long.toString(random.nextLong(), 36)).append(i % 7 == 0 ? " größe " : " ");
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        Tokens.addGrams(full, body, 0, body.length);
        long trace = Tokens.hash(42, body, 0, 16);
        Tokens.addExact(full, trace);
        long[] folded = Tokens.fold(full);
        assertThat(folded.length).isLessThan(full.length);
        for (long[] filter : new long[][] {full, folded}) {
            for (int i = 0; i < 2000; i++) {
                int start = random.nextInt(text.length() - 20);
                String piece = text.substring(start, start + 4 + random.nextInt(15));
                for (int p : Tokens.gramProbes(piece)) {
                    assertThat(Tokens.isSet(filter, p)).as(piece).isTrue();
                }
            }
            for (int p : Tokens.exactProbes(trace)) {
                assertThat(Tokens.isSet(filter, p)).isTrue();
            }
        }
    }

    @Test
    void foldingStopsBeforeAFifthOfTheBitsAreSet() {
        long[] full = Tokens.newFilter();
        byte[] body = "connection refused by upstream".getBytes(StandardCharsets.UTF_8);
        Tokens.addGrams(full, body, 0, body.length);
        assertThat(Tokens.fold(full)).hasSize(1 << (Tokens.MIN_LOG2_BITS - 6));

        Random random = new Random(2);
        long[] busy = Tokens.newFilter();
        byte[] noise = new byte[400_000];
        random.nextBytes(noise);
        Tokens.addGrams(busy, noise, 0, noise.length);
        long[] folded = Tokens.fold(busy);
        long set = 0;
        for (long w : folded) {
            set += Long.bitCount(w);
        }
        assertThat((double) set / (folded.length * 64L)).isLessThanOrEqualTo(Tokens.MAX_FILL).isGreaterThan(Tokens.MAX_FILL / 2.5);
    }

    @Test
    void aRareWordRulesOutAFilterOfOrdinaryText() {
        long[] full = Tokens.newFilter();
        StringBuilder text = new StringBuilder();
        String[] words = {"order", "placed", "customer", "payment", "completed", "status", "timeout", "retry"};
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            text.append(words[random.nextInt(words.length)]).append(' ').append(random.nextInt(100_000)).append(' ');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        Tokens.addGrams(full, body, 0, body.length);
        long[] folded = Tokens.fold(full);
        boolean all = true;
        for (int p : Tokens.gramProbes("zebrafish")) {
            all &= Tokens.isSet(folded, p);
        }
        assertThat(all).isFalse();
    }
}
