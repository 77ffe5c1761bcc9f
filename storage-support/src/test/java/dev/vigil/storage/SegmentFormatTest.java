package dev.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SegmentFormatTest {

    private static final Path FILE = Path.of("store", "0000000007.seg");

    @Test
    void aSequencedHeaderHoldsTheSequenceThenTheCreationTime() throws Exception {
        SegmentFormat format = new SegmentFormat("log", "records", "VIGILLOG", 1, true);
        byte[] h = format.header(1234, 5678);
        assertThat(h).hasSize(SegmentFormat.HEADER_BYTES).startsWith("VIGILLOG".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat((long) Bytes.BE_LONG.get(h, 16)).isEqualTo(1234);
        assertThat((long) Bytes.BE_LONG.get(h, 24)).isEqualTo(5678);
        format.check(h, FILE);
        assertThat(format.sequence(h)).isEqualTo(1234);
        assertThat(format.createdMillis(h)).isEqualTo(5678);
        assertThat(format.title()).isEqualTo("Log store");
    }

    @Test
    void anUnsequencedHeaderHoldsTheCreationTimeThenZero() throws Exception {
        SegmentFormat format = new SegmentFormat("trace", "spans", "VIGILTRC", 1, false);
        byte[] h = format.header(1234, 5678);
        assertThat((long) Bytes.BE_LONG.get(h, 16)).isEqualTo(5678);
        assertThat((long) Bytes.BE_LONG.get(h, 24)).isZero();
        format.check(h, FILE);
        assertThat(format.sequence(h)).isZero();
        assertThat(format.createdMillis(h)).isEqualTo(5678);
    }

    @Test
    void anotherMagicAnotherVersionOrADamagedHeaderIsRefusedNamingTheFile() {
        SegmentFormat format = new SegmentFormat("trace", "spans", "VIGILTRC", 2, false);
        assertThatThrownBy(() -> format.check(new SegmentFormat("log", "records", "VIGILLOG", 2, true).header(0, 0), FILE))
                .isInstanceOf(IOException.class).hasMessage(FILE + " is not a trace segment (it does not start with "
                        + "VIGILTRC); move it out of the store's folder");
        assertThatThrownBy(() -> format.check(new SegmentFormat("trace", "spans", "VIGILTRC", 1, false).header(0, 0), FILE))
                .isInstanceOf(IOException.class).hasMessage(FILE + " is a trace segment of format version 1, and this "
                        + "version of the trace store reads only version 2; move it out of the store's folder");
        byte[] damaged = format.header(0, 42);
        damaged[20] ^= 1;
        assertThatThrownBy(() -> format.check(damaged, FILE)).isInstanceOf(IOException.class)
                .hasMessage(FILE + " is not a trace segment of format version 2 (its header fails its checksum); move it "
                        + "out of the store's folder");
    }

    @Test
    void theMagicIsEightAsciiCharacters() {
        assertThatThrownBy(() -> new SegmentFormat("log", "records", "VIGIL", 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("magic must be 8 ASCII characters, got 'VIGIL'");
        assertThatThrownBy(() -> new SegmentFormat("log", "records", "VIGILLOG", 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
