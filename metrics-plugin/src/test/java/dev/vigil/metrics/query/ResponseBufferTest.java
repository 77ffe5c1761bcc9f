package dev.vigil.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResponseBufferTest {

    @Test
    void keepsEveryByteInOrderAcrossChunks() {
        SplittableRandom random = new SplittableRandom(3);
        ResponseBuffer buffer = new ResponseBuffer();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 5000; i++) {
            if (random.nextInt(4) == 0) {
                int b = random.nextInt(256);
                buffer.write(b);
                expected.write(b);
            } else {
                byte[] bytes = new byte[random.nextInt(5000)];
                random.nextBytes(bytes);
                int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                buffer.write(bytes, offset, bytes.length - offset);
                expected.write(bytes, offset, bytes.length - offset);
            }
        }

        assertThat(expected.size()).isGreaterThan(3 * 1024 * 1024);
        assertThat(buffer.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void anEmptyBufferGivesNoBytes() {
        assertThat(new ResponseBuffer().toByteArray()).isEmpty();
    }
}
