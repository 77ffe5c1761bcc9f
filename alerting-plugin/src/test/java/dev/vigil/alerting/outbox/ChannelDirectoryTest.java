package dev.vigil.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChannelDirectoryTest {

    private final ChannelDirectory directory = new ChannelDirectory();

    @Test
    void removingAChannelTypeHandsBackItsChannelsAndKeepsTheIntegrations() {
        TestingChannel hook = new TestingChannel();
        TestingChannel mail = new TestingChannel();
        TestingChannel otherHook = new TestingChannel();
        directory.replaceAll(Map.of(
                "a", List.of(ChannelIntegration.available("webhook[0]", "webhook", hook), ChannelIntegration.available("email[0]", "email", mail)),
                "b", List.of(ChannelIntegration.available("webhook[0]", "webhook", otherHook))));

        assertThat(directory.removeChannelType("webhook")).containsExactlyInAnyOrder(hook, otherHook);

        assertThat(directory.receiver("a").orElseThrow()).containsExactly(ChannelIntegration.unavailable("webhook[0]", "webhook"),
                ChannelIntegration.available("email[0]", "email", mail));
        assertThat(directory.receiver("b").orElseThrow()).containsExactly(ChannelIntegration.unavailable("webhook[0]", "webhook"));
        assertThat(directory.removeChannelType("webhook")).isEmpty();
    }

    @Test
    void listenersHearEveryChangeUntilTheyLeave() {
        AtomicInteger heard = new AtomicInteger();
        var registration = directory.onChange(heard::incrementAndGet);

        directory.put("a", List.of());
        directory.remove("a");
        directory.remove("a");
        registration.close();
        directory.put("b", List.of());

        assertThat(heard).hasValue(2);
        assertThat(directory.receivers()).containsOnlyKeys("b");
    }

    @Test
    void twoIntegrationsOfOneReceiverMayNotShareAName() {
        assertThatThrownBy(() -> directory.put("a", List.of(ChannelIntegration.unavailable("x", "webhook"), ChannelIntegration.unavailable("x", "slack"))))
                .hasMessage("receiver a has two integrations named x");
    }
}
