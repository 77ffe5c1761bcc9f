package dev.vigil.metrics.store.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.StaleMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XorChunkTest {

    private static void roundTrip(long[] times, long[] bits) {
        XorEncoder encoder = new XorEncoder();
        for (int i = 0; i < times.length; i++) {
            encoder.append(times[i], bits[i]);
        }
        assertThat(encoder.count()).isEqualTo(times.length);
        XorDecoder decoder = new XorDecoder();
        decoder.reset(encoder.toBytes(), encoder.count());
        for (int i = 0; i < times.length; i++) {
            assertThat(decoder.next()).as("sample %d", i).isTrue();
            assertThat(decoder.timestamp()).as("timestamp %d", i).isEqualTo(times[i]);
            assertThat(decoder.valueBits()).as("value bits %d", i).isEqualTo(bits[i]);
        }
        assertThat(decoder.next()).isFalse();
    }

    @Test
    void randomWalksRoundTrip() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            int n = 1 + random.nextInt(300);
            long[] times = new long[n];
            long[] bits = new long[n];
            long t = random.nextLong() >> 20;
            double v = random.nextGaussian() * 1000;
            for (int i = 0; i < n; i++) {
                t += 1 + (random.nextInt(4) == 0 ? random.nextInt(100_000) : 15_000 + random.nextInt(3) - 1);
                v += random.nextInt(3) == 0 ? 0 : random.nextGaussian();
                times[i] = t;
                bits[i] = Double.doubleToRawLongBits(random.nextInt(5) == 0 ? Math.rint(v) : v);
            }
            roundTrip(times, bits);
        }
    }

    @Test
    void constantValuesTakeAboutTwoBitsPerSample() {
        XorEncoder encoder = new XorEncoder();
        long[] times = new long[120];
        long[] bits = new long[120];
        for (int i = 0; i < 120; i++) {
            times[i] = 1_700_000_000_000L + i * 15_000L;
            bits[i] = Double.doubleToRawLongBits(42.5);
            encoder.append(times[i], bits[i]);
        }
        roundTrip(times, bits);
        // 16 bytes for the first sample, then one bit of timestamp and one of value each
        assertThat(encoder.byteLength()).isLessThan(16 + 4 + 120 * 2 / 8 + 2);
    }

    @Test
    void specialValuesKeepTheirBits() {
        long[] bits = {
            StaleMarker.BITS,
            Double.doubleToRawLongBits(Double.NaN),
            0x7ff8000000000001L,
            0xfff0000000000abcL,
            Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
            Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY),
            Double.doubleToRawLongBits(-0.0),
            Double.doubleToRawLongBits(0.0),
            Double.doubleToRawLongBits(Double.MIN_VALUE),
            Double.doubleToRawLongBits(Double.MAX_VALUE),
            StaleMarker.BITS,
            -1L,
            1L,
        };
        long[] times = new long[bits.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1000L + i;
        }
        roundTrip(times, bits);
    }

    @Test
    void largeAndIrregularGapsRoundTrip() {
        long[] times = {Long.MIN_VALUE / 4, -5, 0, 1, 3, 8_000, 8_001, 100_000, 1L << 40, (1L << 40) + 1, Long.MAX_VALUE / 4};
        long[] bits = new long[times.length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Double.doubleToRawLongBits(i * 1.5);
        }
        roundTrip(times, bits);
    }

    @Test
    void refusesTimestampsThatDoNotIncrease() {
        XorEncoder encoder = new XorEncoder();
        encoder.append(1000, 1);
        assertThatThrownBy(() -> encoder.append(999, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999");
        assertThatThrownBy(() -> encoder.append(1000, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(encoder.count()).isEqualTo(1);
    }

    @Test
    void cursorSeeksAndClipsAcrossChunks() {
        List<Chunk> chunks = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            XorEncoder encoder = new XorEncoder();
            for (int i = 0; i < 10; i++) {
                long t = c * 100L + i * 10L;
                encoder.append(t, Double.doubleToRawLongBits(t / 10.0));
            }
            chunks.add(ChunkBytes.of(encoder));
        }
        ChunkCursor cursor = new ChunkCursor(chunks, 15, 250);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.timestamp()).isEqualTo(20);
        assertThat(cursor.seek(10)).isTrue();
        assertThat(cursor.timestamp()).isEqualTo(20);
        assertThat(cursor.seek(95)).isTrue();
        assertThat(cursor.timestamp()).isEqualTo(100);
        assertThat(cursor.value()).isEqualTo(10.0);
        assertThat(cursor.seek(231)).isTrue();
        assertThat(cursor.timestamp()).isEqualTo(240);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.timestamp()).isEqualTo(250);
        assertThat(cursor.next()).isFalse();
        assertThat(cursor.seek(0)).isFalse();
    }
}
