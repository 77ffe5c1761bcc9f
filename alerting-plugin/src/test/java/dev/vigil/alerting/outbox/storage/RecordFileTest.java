package dev.vigil.alerting.outbox.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileTest {

    private static final int MAGIC = 0x54455354;

    @TempDir
    Path dir;

    @Test
    void recordsComeBackInOrderWithTheirOffsets() throws IOException {
        Path path = dir.resolve("f.log");
        try (RecordFile file = RecordFile.create(path, MAGIC, 1)) {
            assertThat(file.append(List.of(bytes("one"), bytes("two")), true)).isEqualTo(RecordFile.HEADER_BYTES);
            assertThat(file.append(List.of(bytes("three")), false)).isEqualTo(RecordFile.HEADER_BYTES + 2 * RecordFile.FRAME_BYTES + 6);
        }
        List<String> read = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        RecordScanner.Scan scan = RecordScanner.scan(path, MAGIC, 1, Long.MAX_VALUE, (offset, body) -> {
            offsets.add(offset);
            read.add(StandardCharsets.UTF_8.decode(body).toString());
        });

        assertThat(read).containsExactly("one", "two", "three");
        assertThat(offsets).containsExactly(8L, 19L, 30L);
        assertThat(scan).isEqualTo(new RecordScanner.Scan(Files.size(path), Files.size(path), RecordScanner.Stop.END, 3));
    }

    @Test
    void everyCutThroughTheLastFrameIsFoundAndCutBack() throws IOException {
        Path path = dir.resolve("f.log");
        long good;
        try (RecordFile file = RecordFile.create(path, MAGIC, 1)) {
            file.append(List.of(bytes("kept")), true);
            good = file.committed();
            file.append(List.of(bytes("torn away")), true);
        }
        byte[] whole = Files.readAllBytes(path);
        for (long cut = good + 1; cut < whole.length; cut++) {
            Files.write(path, java.util.Arrays.copyOf(whole, (int) cut));
            List<String> read = new ArrayList<>();
            RecordScanner.Scan scan = RecordScanner.scan(path, MAGIC, 1, Long.MAX_VALUE, (o, b) -> read.add(StandardCharsets.UTF_8.decode(b).toString()));
            assertThat(read).as("cut at %d", cut).containsExactly("kept");
            assertThat(scan.validBytes()).isEqualTo(good);
            assertThat(scan.stop()).isEqualTo(RecordScanner.Stop.BAD_FRAME);
        }
        try (RecordFile file = RecordFile.openForAppend(path, good)) {
            assertThat(Files.size(path)).isEqualTo(good);
            file.append(List.of(bytes("after")), true);
        }
        List<String> read = new ArrayList<>();
        RecordScanner.scan(path, MAGIC, 1, Long.MAX_VALUE, (o, b) -> read.add(StandardCharsets.UTF_8.decode(b).toString()));
        assertThat(read).containsExactly("kept", "after");
    }

    @Test
    void aChangedByteFailsTheChecksum() throws IOException {
        Path path = dir.resolve("f.log");
        try (RecordFile file = RecordFile.create(path, MAGIC, 1)) {
            file.append(List.of(bytes("first"), bytes("second"), bytes("third")), true);
        }
        byte[] content = Files.readAllBytes(path);
        content[RecordFile.HEADER_BYTES + RecordFile.FRAME_BYTES + 5 + RecordFile.FRAME_BYTES + 2] ^= 1;
        Files.write(path, content);

        List<String> read = new ArrayList<>();
        RecordScanner.Scan scan = RecordScanner.scan(path, MAGIC, 1, Long.MAX_VALUE, (o, b) -> read.add(StandardCharsets.UTF_8.decode(b).toString()));

        assertThat(read).containsExactly("first");
        assertThat(scan.hasBadTail()).isTrue();
    }

    @Test
    void aFileOfAnotherKindOrVersionIsRefused() throws IOException {
        Path path = dir.resolve("f.log");
        RecordFile.create(path, MAGIC, 2).close();

        assertThat(RecordScanner.scan(path, MAGIC, 1, Long.MAX_VALUE, (o, b) -> {}).stop()).isEqualTo(RecordScanner.Stop.BAD_HEADER);
        assertThat(RecordScanner.scan(path, MAGIC + 1, 2, Long.MAX_VALUE, (o, b) -> {}).stop()).isEqualTo(RecordScanner.Stop.BAD_HEADER);
        Files.write(path, new byte[3]);
        assertThat(RecordScanner.scan(path, MAGIC, 2, Long.MAX_VALUE, (o, b) -> {}).stop()).isEqualTo(RecordScanner.Stop.BAD_HEADER);
    }

    @Test
    void aScanStopsAtItsLimit() throws IOException {
        Path path = dir.resolve("f.log");
        long limit;
        try (RecordFile file = RecordFile.create(path, MAGIC, 1)) {
            file.append(List.of(bytes("a")), false);
            limit = file.committed();
            file.append(List.of(bytes("b")), false);
        }
        List<String> read = new ArrayList<>();
        RecordScanner.Scan scan = RecordScanner.scan(path, MAGIC, 1, limit, (o, b) -> read.add(StandardCharsets.UTF_8.decode(b).toString()));
        assertThat(read).containsExactly("a");
        assertThat(scan.stop()).isEqualTo(RecordScanner.Stop.END);
    }

    @Test
    void bodiesRoundTripAndMalformedOnesAreRefused() throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("b", "ü");
        map.put("a", "");
        Instant at = Instant.parse("2026-03-04T05:06:07.123456789Z");
        byte[] body = new BodyWriter().writeByte(7).writeBoolean(true).writeInt(-2).writeLong(Long.MIN_VALUE).writeString("héllo")
                .writeInstant(at).writeOptionalInstant(Optional.empty()).writeOptionalInstant(Optional.of(at)).writeStringMap(map)
                .writeStringList(List.of("x", "y")).toByteArray();

        BodyReader in = new BodyReader(ByteBuffer.wrap(body));
        assertThat(in.readByte()).isEqualTo(7);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readInt()).isEqualTo(-2);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.readString()).isEqualTo("héllo");
        assertThat(in.readInstant()).isEqualTo(at);
        assertThat(in.readOptionalInstant()).isEmpty();
        assertThat(in.readOptionalInstant()).contains(at);
        assertThat(in.readStringMap()).containsExactly(Map.entry("b", "ü"), Map.entry("a", ""));
        assertThat(in.readStringList()).containsExactly("x", "y");
        assertThat(in.remaining()).isZero();
        assertThatThrownBy(in::readInt).isInstanceOf(MalformedRecordException.class).hasMessage("record ends early: 4 bytes wanted, 0 left");

        BodyReader huge = new BodyReader(ByteBuffer.wrap(new BodyWriter().writeInt(1 << 30).toByteArray()));
        assertThatThrownBy(huge::readString).isInstanceOf(MalformedRecordException.class).hasMessageStartingWith("impossible count");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
