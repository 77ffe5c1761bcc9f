package dev.vigil.metrics.store.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalRecoveryTest {

    @TempDir
    Path dir;

    private void writeBatches(int batches) throws IOException {
        try (Wal wal = Wal.openAndReplay(dir, false, (id, t, v) -> {})) {
            RecordBuffer buffer = new RecordBuffer();
            for (int b = 0; b < batches; b++) {
                int[] ids = {1, 2};
                long[] times = {b * 1000L, b * 1000L};
                long[] values = {b, -b};
                Records.writeSamples(buffer.clear(), ids, times, values, 2);
                wal.write(buffer.view());
            }
        }
    }

    private List<long[]> replay() throws IOException {
        List<long[]> samples = new ArrayList<>();
        Wal.openAndReplay(dir, false, (id, t, v) -> samples.add(new long[] {id, t, v})).close();
        return samples;
    }

    private Path onlySegment() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f)).filter(f -> {
                try {
                    return Files.size(f) > 0;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
        }
    }

    @Test
    void replaysEverythingAfterAClose() throws IOException {
        writeBatches(100);
        List<long[]> samples = replay();
        assertThat(samples).hasSize(200);
        assertThat(samples.get(199)).containsExactly(2, 99_000, -99);
        assertThat(replay()).hasSize(200);
    }

    @Test
    void cutsATornTailAndKeepsWhatCameBefore() throws IOException {
        writeBatches(10);
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }
        List<long[]> samples = replay();
        assertThat(samples).hasSize(18);
        assertThat(Files.size(segment)).isLessThan(size - 3);
        writeBatches(1);
        assertThat(replay()).hasSize(20);
    }

    @Test
    void cutsACorruptRecordAndEverythingAfterIt() throws IOException {
        writeBatches(10);
        Path segment = onlySegment();
        long sixRecords = 0;
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer length = ByteBuffer.allocate(4);
            for (int i = 0; i < 6; i++) {
                length.clear();
                channel.read(length, sixRecords);
                sixRecords += 8 + length.getInt(0);
            }
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xff}), sixRecords + 12);
        }
        assertThat(replay()).hasSize(12);
        assertThat(Files.size(segment)).isEqualTo(sixRecords);
    }
}
