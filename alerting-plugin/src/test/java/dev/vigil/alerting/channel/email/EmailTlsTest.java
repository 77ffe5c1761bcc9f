package dev.vigil.alerting.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.alerting.channel.TestingChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code email} channel over implicit TLS (SMTPS), against GreenMail's self-signed certificate. */
class EmailTlsTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

    private final TestingChannelContext context = new TestingChannelContext();
    private final EmailChannelFactory factory = new EmailChannelFactory();

    private EmailConfig config(boolean insecureSkipVerify) {
        return new EmailConfig("localhost", MAIL.getSmtps().getPort(), TlsMode.TLS, insecureSkipVerify, "vigil",
                Secret.of("tls-password"), "alerts@vigil.example", List.of("oncall@example.com"), "{subject}", null,
                true, EmailConfig.DEFAULT_TIMEOUT);
    }

    @Test
    void sendsOverImplicitTls() throws Exception {
        MAIL.setUser("alerts@vigil.example", "vigil", "tls-password");

        DeliveryResult result = factory.create("mail", config(true), context).deliver(TestNotifications.firingOne());

        assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.DELIVERED);
        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("[FIRING:1] HighLatency (api critical)");
    }

    @Test
    void untrustedCertificateIsNotAccepted() throws Exception {
        DeliveryResult result = factory.create("mail", config(false), context).deliver(TestNotifications.firingOne());

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }
}
