package dev.vigil.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5), Duration.ofHours(1));

    @Test
    void doublesFromTheMinimumToTheMaximum() {
        assertThat(backoff.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(10, Optional.empty())).isEqualTo(Duration.ofMillis(500L << 9));
        assertThat(backoff.delay(11, Optional.empty())).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(1000, Optional.empty())).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(Integer.MAX_VALUE, Optional.empty())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void waitsAtLeastAsLongAsTheReceiverAskedUpToALimit() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(20, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(1, Optional.of(Duration.ofDays(2)))).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(-5)))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesBoundsThatMakeNoSense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO)).hasMessageContaining("below the minimum");
    }
}
