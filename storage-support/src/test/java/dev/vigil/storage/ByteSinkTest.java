package dev.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ByteSinkTest {

    @Test
    void whatItWritesBytesReadsBack() {
        ByteSink out = new ByteSink(4);
        int[] values = {0, 1, 127, 128, 300, Integer.MAX_VALUE, -1};
        for (int v : values) {
            out.putVarint(v);
        }
        out.putStringBE("grüße");
        Map<String, String> map = new LinkedHashMap<>();
        map.put("service.name", "cart");
        map.put("host", "");
        out.putStringMapBE(map);
        out.putStringMapBE(Map.of());
        byte[] b = out.toByteArray();
        int[] at = {0};
        for (int v : values) {
            assertThat(Bytes.varint(b, at)).isEqualTo(v);
        }
        assertThat(Bytes.stringBE(b, at)).isEqualTo("grüße");
        assertThat(Bytes.stringMapBE(b, at)).isEqualTo(map).containsOnlyKeys("host", "service.name");
        assertThat(Bytes.stringMapBE(b, at)).isEmpty();
        assertThat(at[0]).isEqualTo(b.length);
    }

    @Test
    void shortAsciiAndOtherStringsAreALengthAndUtf8() {
        ByteSink out = new ByteSink(1);
        out.putString("");
        out.putString("abc");
        out.putString("é");
        out.putString("x".repeat(200));
        byte[] b = out.toByteArray();
        assertThat(b).startsWith(0, 3, 'a', 'b', 'c', 2, (byte) 0xC3, (byte) 0xA9, (byte) 0xC8, 1);
        assertThat(b).hasSize(1 + 4 + 3 + 2 + 200);
    }

    @Test
    void aFrameIsSealedWithItsLengthAndChecksum() {
        ByteSink out = new ByteSink(2);
        out.putByte(9);
        int start = Frames.begin(out, (byte) 7);
        out.putIntBE(42);
        out.skip(4);
        out.setIntBE(out.position() - 4, 43);
        Frames.end(out, start);
        byte[] frame = java.util.Arrays.copyOfRange(out.array(), start, out.position());
        assertThat(Frames.intact(frame, frame.length)).isTrue();
        assertThat((int) Bytes.BE_INT.get(frame, 0)).isEqualTo(9);
        assertThat(frame[Frames.PREFIX]).isEqualTo((byte) 7);
        frame[frame.length - 1] ^= 1;
        assertThat(Frames.intact(frame, frame.length)).isFalse();
        assertThatThrownBy(() -> out.setIntBE(out.position() - 2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aVarintLongerThanFiveBytesIsRefused() {
        byte[] b = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1};
        assertThatThrownBy(() -> Bytes.varint(b, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
    }
}
