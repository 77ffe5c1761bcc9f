package dev.vigil.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void readsUnitsAsPowersOf1024() {
        assertThat(ByteSize.parse("2048").bytes()).isEqualTo(2048);
        assertThat(ByteSize.parse("2048B").bytes()).isEqualTo(2048);
        assertThat(ByteSize.parse("1KB").bytes()).isEqualTo(1024);
        assertThat(ByteSize.parse("512MiB").bytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(ByteSize.parse("1.5 GB").bytes()).isEqualTo(1536L * 1024 * 1024);
        assertThat(ByteSize.parse("10gb").bytes()).isEqualTo(10L * 1024 * 1024 * 1024);
    }

    @Test
    void writesTheLargestWholeUnit() {
        assertThat(ByteSize.parse("512MB")).hasToString("512MiB");
        assertThat(ByteSize.ofBytes(1500)).hasToString("1500B");
        assertThat(ByteSize.ofBytes(0)).hasToString("0B");
    }

    @Test
    void refusesWhatIsNotASize() {
        assertThatThrownBy(() -> ByteSize.parse("ten megabytes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ten megabytes' is not a size");
        assertThatThrownBy(() -> ByteSize.parse("5iB")).hasMessageContaining("needs a prefix");
        assertThatThrownBy(() -> ByteSize.parse("-1MB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindsFromJsonStringsAndNumbers() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readValue("\"64MB\"", ByteSize.class).bytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(mapper.readValue("4096", ByteSize.class).bytes()).isEqualTo(4096);
    }
}
