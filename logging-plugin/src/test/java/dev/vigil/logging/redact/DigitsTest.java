package dev.vigil.logging.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DigitsTest {

    private static int naiveNext(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheSameDigitsAsLookingAtEachByte() {
        Random random = new Random(42);
        String alphabet = "09/:;@AZaz -_.é€\u00b9\u0660\u00ff\u0130";
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = Digits.bytes(text.toString());
            assertThat(bytes).hasSize(text.length());
            for (int from = 0; from <= bytes.length; from++) {
                assertThat(Digits.next(bytes, from)).as("%s from %d", text, from).isEqualTo(naiveNext(bytes, from));
            }
        }
    }

    @Test
    void skipsARun() {
        byte[] bytes = Digits.bytes("ab12345cd");
        assertThat(Digits.next(bytes, 0)).isEqualTo(2);
        assertThat(Digits.skip(bytes, 2)).isEqualTo(7);
        assertThat(Digits.next(bytes, 7)).isEqualTo(-1);
    }
}
