package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.alerting.NotificationChannelFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInChannelsTest {

    @Test
    void everyBuiltInTypeOnceWithAValidNameAndARecordConfig() {
        List<NotificationChannelFactory<?>> factories = BuiltInChannels.factories();

        assertThat(factories).extracting(NotificationChannelFactory::type)
                .containsExactly("webhook", "slack", "email", "pagerduty", "opsgenie", "teams", "alertmanager")
                .allSatisfy(type -> assertThat(type).matches("[a-z0-9_]+"));
        assertThat(factories).allSatisfy(f -> assertThat(f.configType().isRecord()).isTrue());
    }
}
