package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.alerting.channel.TestingChannelContext;
import dev.vigil.alerting.outbox.ChannelDirectory;
import dev.vigil.alerting.outbox.ChannelIntegration;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import dev.vigil.api.service.ServiceListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReceiverChannelsTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final ChannelDirectory directory = new ChannelDirectory();
    private final ReceiverChannels channels = new ReceiverChannels(directory, new TestingChannelContext());
    private final ServiceListener<NotificationChannelFactory<?>> listener = channels.listener();

    @Test
    void aChannelWaitsForItsTypeAndComesAndGoesWithTheFactory() throws Exception {
        channels.apply(List.of(receiver("team", channel("test", "target: a"))));
        assertThat(integration("team").channel()).isEmpty();
        assertThat(channels.status().get(0).state()).isEqualTo(ChannelStatus.State.WAITING_FOR_CHANNEL_TYPE);
        assertThat(channels.status().get(0).detail()).isEqualTo("waiting for a plugin that provides channel type test");
        assertThat(channels.stateCounts()).containsEntry(ChannelStatus.State.WAITING_FOR_CHANNEL_TYPE, 1L)
                .containsEntry(ChannelStatus.State.READY, 0L);

        TestingChannelFactory factory = new TestingChannelFactory("test");
        listener.added(factory);

        assertThat(integration("team").name()).isEqualTo("test[0]");
        assertThat(integration("team").channel()).isPresent();
        assertThat(factory.made()).hasSize(1);
        assertThat(factory.made().get(0).receiver).isEqualTo("team");
        assertThat(channels.status().get(0).state()).isEqualTo(ChannelStatus.State.READY);
        assertThat(channels.availableTypes()).containsExactly("test");

        listener.removed(factory);

        assertThat(integration("team").channel()).isEmpty();
        assertThat(factory.made().get(0).closed).isTrue();
        assertThat(channels.status().get(0).state()).isEqualTo(ChannelStatus.State.WAITING_FOR_CHANNEL_TYPE);

        listener.added(factory);

        assertThat(factory.made()).hasSize(2);
        assertThat(integration("team").channel()).containsSame(factory.made().get(1));
    }

    @Test
    void theDirectoryTellsTheOutboxOfEveryChange() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        directory.onChange(changes::incrementAndGet);
        channels.apply(List.of(receiver("team", channel("test", "target: a"))));
        TestingChannelFactory factory = new TestingChannelFactory("test");

        listener.added(factory);
        listener.removed(factory);

        assertThat(changes.get()).isEqualTo(3);
    }

    @Test
    void aSecondFactoryOfATypeStandsByUntilTheFirstLeaves() throws Exception {
        channels.apply(List.of(receiver("team", channel("test", "target: a"))));
        TestingChannelFactory first = new TestingChannelFactory("test");
        TestingChannelFactory second = new TestingChannelFactory("test");
        listener.added(first);
        listener.added(second);
        assertThat(first.made()).hasSize(1);
        assertThat(second.made()).isEmpty();

        listener.removed(first);

        assertThat(first.made().get(0).closed).isTrue();
        assertThat(integration("team").channel()).containsSame(second.made().get(0));
        assertThat(channels.status().get(0).factory()).isEqualTo(TestingChannelFactory.class.getName());
    }

    @Test
    void unchangedChannelsAreKeptAcrossAChangeAndTheOthersClosed() throws Exception {
        TestingChannelFactory factory = new TestingChannelFactory("test");
        listener.added(factory);
        channels.apply(List.of(receiver("team", channel("test", "target: a"), channel("test", "target: b")),
                receiver("gone", channel("test", "target: c"))));
        assertThat(factory.made()).hasSize(3);

        channels.apply(List.of(receiver("team", channel("test", "target: a"), channel("test", "target: changed"))));

        assertThat(factory.made()).hasSize(4);
        assertThat(factory.made().get(0).closed).isFalse();
        assertThat(factory.made().get(1).closed).isTrue();
        assertThat(factory.made().get(2).closed).isTrue();
        assertThat(directory.receivers()).containsOnlyKeys("team");
        assertThat(directory.receiver("team").orElseThrow()).extracting(ChannelIntegration::name).containsExactly("test[0]", "test[1]");
        assertThat(directory.receiver("team").orElseThrow().get(0).channel()).containsSame(factory.made().get(0));
        assertThat(channels.receiverNames()).containsExactly("team");
    }

    @Test
    void settingsAnAvailableTypeRefusesRefuseTheWholeChange() throws Exception {
        TestingChannelFactory factory = new TestingChannelFactory("test");
        listener.added(factory);
        channels.apply(List.of(receiver("team", channel("test", "target: a"))));

        assertThatThrownBy(() -> channels.apply(List.of(receiver("team", channel("test", "target: a")),
                receiver("other", channel("test", "target: b"), channel("test", "target: refused"), channel("test", "target: x\ntargt: x"), channel("test", "every: 1m")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alerting.receivers[1].channels[1]: target: must not be 'refused'; "
                        + "alerting.receivers[1].channels[2].targt: unknown key 'targt' (known keys: every, target, token); "
                        + "alerting.receivers[1].channels[3].target: required key is missing");

        assertThat(directory.receivers()).containsOnlyKeys("team");
        assertThat(factory.made()).hasSize(2);
        assertThat(factory.made().get(0).closed).isFalse();
        assertThat(factory.made().get(1).closed).as("made for the refused change, then closed").isTrue();
    }

    @Test
    void settingsRefusedByATypeThatArrivesLaterAreReportedAndTheirNotificationsWait() throws Exception {
        channels.apply(List.of(receiver("team", channel("test", "target: refused"))));

        listener.added(new TestingChannelFactory("test"));

        ChannelStatus status = channels.status().get(0);
        assertThat(status.state()).isEqualTo(ChannelStatus.State.INVALID_SETTINGS);
        assertThat(status.detail()).isEqualTo("alerting.receivers[0].channels[0]: target: must not be 'refused'");
        assertThat(integration("team").channel()).isEmpty();
    }

    @Test
    void theStatusShowsBoundSettingsWithSecretsMasked() throws Exception {
        listener.added(new TestingChannelFactory("test"));
        channels.apply(List.of(receiver("team", channel("test", "target: a\ntoken: s3cr3t\nevery: 90s"))));

        ChannelStatus status = channels.status().get(0);

        assertThat(status.settings()).isPresent();
        assertThat(status.settings().get().path("token").asText()).isEqualTo(Secret.MASK);
        assertThat(status.settings().get().path("every").asText()).isEqualTo("1m30s");
        assertThat(status.settings().get().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void closingClosesEveryChannel() throws Exception {
        TestingChannelFactory factory = new TestingChannelFactory("test");
        listener.added(factory);
        channels.apply(List.of(receiver("team", channel("test", "target: a"))));

        channels.close();

        assertThat(factory.made().get(0).closed).isTrue();
        assertThatThrownBy(() -> channels.apply(List.of())).isInstanceOf(IllegalStateException.class);
    }

    private ChannelIntegration integration(String receiver) {
        return directory.receiver(receiver).orElseThrow().get(0);
    }

    private static ReceiverSettings receiver(String name, ChannelSettings... channels) {
        return new ReceiverSettings(name, List.of(channels));
    }

    private static ChannelSettings channel(String type, String yaml) throws Exception {
        return new ChannelSettings(type, (ObjectNode) YAML.readTree(yaml));
    }
}
