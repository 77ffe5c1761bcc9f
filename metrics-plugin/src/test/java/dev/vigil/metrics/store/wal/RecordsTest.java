package dev.vigil.metrics.store.wal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsTest {

    @TempDir
    Path dir;

    private static List<long[]> decodeSamples(RecordBuffer buffer) throws IOException {
        List<long[]> out = new ArrayList<>();
        Path file = Files.createTempFile("records", ".log");
        try {
            Files.write(file, bytes(buffer));
            RecordReader.readAndRepair(file, (type, payload) -> {
                assertThat(type).isEqualTo(Records.SAMPLES);
                Records.readSamples(payload, (id, t, v) -> out.add(new long[] {id, t, v}));
            });
        } finally {
            Files.delete(file);
        }
        return out;
    }

    private static byte[] bytes(RecordBuffer buffer) {
        ByteBuffer view = buffer.view();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    @Test
    void samplesOfEveryKindOfValueComeBackExactly() throws IOException {
        long[] values = {0, Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Double.NaN), 0x7ff0000000000002L,
            Double.doubleToRawLongBits(Double.POSITIVE_INFINITY), Long.MIN_VALUE, -1, 1, Double.doubleToRawLongBits(1.5),
            Double.doubleToRawLongBits(1.5), Double.doubleToRawLongBits(123456.789), 0x00ff00000000ff00L};
        int n = values.length;
        int[] ids = new int[n];
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i % 3 == 0 ? Integer.MAX_VALUE - i : i + 1;
            times[i] = i % 2 == 0 ? 1_700_000_000_000L + i : -5L * i;
        }
        RecordBuffer buffer = new RecordBuffer();
        Records.writeSamples(buffer, ids, times, values, n);
        List<long[]> decoded = decodeSamples(buffer);
        assertThat(decoded).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(decoded.get(i)).as("sample %d", i).containsExactly(ids[i], times[i], values[i]);
        }
    }

    @Test
    void aRequestLikeBatchIsCompressedAndTakesFewBytesPerSample() throws IOException {
        int n = 2000;
        int[] ids = new int[n];
        long[] times = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 50_000 + i;
            times[i] = 1_700_000_000_000L;
            values[i] = Double.doubleToRawLongBits(50_000 + i + 7.5);
        }
        RecordBuffer buffer = new RecordBuffer();
        Records.writeSamples(buffer, ids, times, values, n);
        byte[] stored = bytes(buffer);
        assertThat(stored[RecordBuffer.HEADER] & RecordBuffer.COMPRESSED).isNotZero();
        assertThat(stored.length).isLessThan(n * 6);
        List<long[]> decoded = decodeSamples(buffer);
        assertThat(decoded).hasSize(n);
        assertThat(decoded.get(n - 1)).containsExactly(ids[n - 1], times[n - 1], values[n - 1]);
    }

    @Test
    void randomValuesThatSnappyCannotShrinkAreStoredPlain() throws IOException {
        Random random = new Random(7);
        int n = 500;
        int[] ids = new int[n];
        long[] times = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = random.nextInt(1_000_000) + 1;
            times[i] = random.nextLong() >> 1;
            values[i] = random.nextLong();
        }
        RecordBuffer buffer = new RecordBuffer();
        Records.writeSamples(buffer, ids, times, values, n);
        assertThat(bytes(buffer)[RecordBuffer.HEADER] & RecordBuffer.COMPRESSED).isZero();
        List<long[]> decoded = decodeSamples(buffer);
        for (int i = 0; i < n; i++) {
            assertThat(decoded.get(i)).containsExactly(ids[i], times[i], values[i]);
        }
    }

    @Test
    void seriesOfOneRecordComeBackWithTheirIds() throws IOException {
        int n = 300;
        int[] ids = new int[n];
        Labels[] labels = new Labels[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i % 2 == 0 ? 10 + i : 100_000 - i;
            labels[i] = Labels.of("__name__", "up", "instance", "host-" + i + ":9100", "job", "node");
        }
        RecordBuffer buffer = new RecordBuffer();
        Records.writeSeries(buffer, ids, labels, n);
        assertThat(bytes(buffer)[RecordBuffer.HEADER] & RecordBuffer.COMPRESSED).isNotZero();
        Path file = dir.resolve("series");
        Files.write(file, bytes(buffer));
        List<Integer> readIds = new ArrayList<>();
        List<Labels> readLabels = new ArrayList<>();
        RecordReader.readAndRepair(file, (type, payload) -> Records.readSeries(payload, (id, l) -> {
            readIds.add(id);
            readLabels.add(l);
        }));
        assertThat(readIds).containsExactly(java.util.Arrays.stream(ids).boxed().toArray(Integer[]::new));
        assertThat(readLabels).containsExactly(labels);
    }

    @Test
    void aDamagedCompressedRecordIsCutWithWhatFollows() throws IOException {
        int n = 1000;
        int[] ids = new int[n];
        long[] times = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            times[i] = 1000;
            values[i] = Double.doubleToRawLongBits(i);
        }
        RecordBuffer buffer = new RecordBuffer();
        for (int r = 0; r < 3; r++) {
            Records.writeSamples(buffer, ids, times, values, n);
        }
        byte[] stored = bytes(buffer);
        int first = RecordBuffer.HEADER + ByteBuffer.wrap(stored).getInt(0);
        Path file = dir.resolve("wal");
        Files.write(file, stored);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0x5a}), first + RecordBuffer.HEADER + 5);
        }
        List<Long> seen = new ArrayList<>();
        RecordReader.readAndRepair(file, (type, payload) -> Records.readSamples(payload, (id, t, v) -> seen.add(v)));
        assertThat(seen).hasSize(n);
        assertThat(Files.size(file)).isEqualTo(first);
    }
}
