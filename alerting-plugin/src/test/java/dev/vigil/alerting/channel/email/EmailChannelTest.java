package dev.vigil.alerting.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.alerting.channel.ConfigBinding;
import dev.vigil.alerting.channel.LogCapture;
import dev.vigil.alerting.channel.TestNotifications;
import dev.vigil.alerting.channel.TestingChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.Secret;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String PASSWORD = "smtp-pw-7c1e55";

    private final TestingChannelContext context = new TestingChannelContext();
    private final EmailChannelFactory factory = new EmailChannelFactory();

    private EmailConfig config() {
        return EmailConfig.of("127.0.0.1", "Vigil <alerts@vigil.example>", List.of("oncall@example.com", "sre@example.com"))
                .withServer("127.0.0.1", MAIL.getSmtp().getPort(), TlsMode.NONE);
    }

    private NotificationChannel channel(EmailConfig config) {
        factory.validate(config);
        return factory.create("mail", config, context);
    }

    private static MimeMessage onlyMessage() {
        assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] messages = MAIL.getReceivedMessages();
        // one message, delivered to each of the two mailboxes
        assertThat(messages).hasSize(2);
        return messages[0];
    }

    @Test
    void sendsOneMessageWithSubjectRecipientsAndBothParts() throws Exception {
        DeliveryResult result = channel(config()).deliver(TestNotifications.mixed());

        assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.detail()).startsWith("accepted for 2 recipients by 127.0.0.1:");
        MimeMessage message = onlyMessage();
        assertThat(message.getSubject()).isEqualTo("[FIRING:2] HighLatency (api critical)");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("Vigil <alerts@vigil.example>"));
        assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly("oncall@example.com", "sre@example.com");
        assertThat(message.getMessageID()).isEqualTo("<n-0001.vigil@vigil.example>");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(message.getSentDate().toInstant()).isEqualTo(context.testingClock().instant());
        assertThat(message.getContentType()).startsWith("multipart/alternative");

        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        // SMTP carries lines ended by CRLF
        String plain = ((String) text.getContent()).replace("\r\n", "\n");
        assertThat(plain).startsWith("[FIRING:2] HighLatency (api critical)\n\n2 firing, 1 resolved for alertname=HighLatency")
                .contains("\n\nFiring (2)\n==========\n\nLabels:\n")
                .contains(" - instance = api-1:8080").contains(" - instance = api-2:8080")
                .contains("\n\nResolved (1)\n").contains(" - instance = api-3:8080").contains("Ended: 2026-01-01T10:05:00Z")
                .contains("Source: http://prometheus.example:9090/graph?g0.expr=latency%3E1")
                .endsWith("Source: http://prometheus.example:9090/graph?g0.expr=latency%3E1\n\nOpen Vigil: "
                        + TestingChannelContext.EXTERNAL_URL + "\n");
        String markup = (String) html.getContent();
        assertThat(markup).startsWith("<!DOCTYPE html>").contains("<h3>Firing (2)</h3>").contains("<h3>Resolved (1)</h3>")
                .contains("Latency above 1s on api-1:8080").contains("<td>api-3:8080</td>")
                .contains("<a href=\"" + TestingChannelContext.EXTERNAL_URL + "\">Open Vigil</a>");
    }

    @Test
    void resolvedGroupHasAResolvedSubject() throws Exception {
        channel(config()).deliver(TestNotifications.allResolved());

        assertThat(onlyMessage().getSubject()).isEqualTo("[RESOLVED] HighLatency (api critical)");
    }

    @Test
    void subjectTemplateAndHtmlEscaping() throws Exception {
        EmailConfig base = config();
        EmailConfig config = new EmailConfig(base.host(), base.port(), base.tls(), false, null, null, base.from(),
                List.of("oncall@example.com"), "{STATUS} <{commonLabels.job}> on {receiver}", "vigil.test", true,
                base.timeout());

        channel(config).deliver(TestNotifications.firingOne());

        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = MAIL.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("FIRING <api> on ops");
        String html = (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
        assertThat(html).contains("<title>FIRING &lt;api&gt; on ops</title>").doesNotContain("<api>");
    }

    @Test
    void resolvedAlertsAreLeftOutWhenResolvedAreNotSent() throws Exception {
        EmailConfig base = config();
        EmailConfig config = new EmailConfig(base.host(), base.port(), base.tls(), false, null, null, base.from(),
                base.to(), base.subject(), null, false, base.timeout());
        NotificationChannel channel = channel(config);

        DeliveryResult skipped = channel.deliver(TestNotifications.allResolved());
        channel.deliver(TestNotifications.mixed());

        assertThat(skipped.detail()).isEqualTo("resolved notifications disabled");
        String plain = (String) ((Multipart) onlyMessage().getContent()).getBodyPart(0).getContent();
        assertThat(plain).contains("Firing (2)").doesNotContain("Resolved").doesNotContain("api-3");
    }

    @Test
    void authenticatesWithUsernameAndPassword() throws Exception {
        MAIL.setUser("alerts@vigil.example", "vigil", PASSWORD);
        EmailConfig base = config();
        EmailConfig good = new EmailConfig("localhost", base.port(), TlsMode.NONE, false, "vigil", Secret.of(PASSWORD),
                base.from(), base.to(), base.subject(), null, true, base.timeout());
        EmailConfig bad = new EmailConfig("localhost", base.port(), TlsMode.NONE, false, "vigil",
                Secret.of(PASSWORD + "-wrong"), base.from(), base.to(), base.subject(), null, true, base.timeout());

        DeliveryResult accepted = channel(good).deliver(TestNotifications.firingOne());
        DeliveryResult refused = channel(bad).deliver(TestNotifications.firingOne());

        assertThat(accepted.outcome()).as(accepted.detail()).isEqualTo(Outcome.DELIVERED);
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.detail()).startsWith("authentication failed").doesNotContain(PASSWORD);
    }

    @Test
    void requiredStarttlsThatTheServerDoesNotOfferFails() throws Exception {
        EmailConfig config = config().withServer("127.0.0.1", MAIL.getSmtp().getPort(), TlsMode.STARTTLS);

        DeliveryResult result = channel(config).deliver(TestNotifications.firingOne());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.detail()).contains("STARTTLS").contains("opportunistic");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void opportunisticStarttlsSendsInTheClearWhenNotOffered() throws Exception {
        EmailConfig config = config().withServer("127.0.0.1", MAIL.getSmtp().getPort(), TlsMode.OPPORTUNISTIC);

        assertThat(channel(config).deliver(TestNotifications.firingOne()).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void temporaryRefusalIsRetriedAndPermanentFails() throws Exception {
        try (ScriptedSmtpServer busy = new ScriptedSmtpServer("451 4.3.0 mailbox busy, try later");
                ScriptedSmtpServer unknown = new ScriptedSmtpServer("550 5.1.1 no such user")) {
            DeliveryResult later = channel(config().withServer("127.0.0.1", busy.port(), TlsMode.NONE))
                    .deliver(TestNotifications.firingOne());
            DeliveryResult never = channel(config().withServer("127.0.0.1", unknown.port(), TlsMode.NONE))
                    .deliver(TestNotifications.firingOne());

            assertThat(later.outcome()).isEqualTo(Outcome.RETRY);
            assertThat(later.detail()).startsWith("SMTP 451");
            assertThat(never.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(never.detail()).startsWith("SMTP 550");
        }
    }

    @Test
    void unreachableOrSilentServerIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DeliveryResult refused = channel(config().withServer("127.0.0.1", closedPort, TlsMode.NONE))
                .deliver(TestNotifications.firingOne());

        DeliveryResult silent;
        // a socket that accepts connections (the backlog does) but never greets
        try (ServerSocket mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            EmailConfig base = config().withServer("127.0.0.1", mute.getLocalPort(), TlsMode.NONE);
            EmailConfig quick = new EmailConfig(base.host(), base.port(), base.tls(), false, null, null, base.from(),
                    base.to(), base.subject(), null, true, Duration.ofMillis(300));
            silent = channel(quick).deliver(TestNotifications.firingOne());
        }

        assertThat(refused.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(refused.detail()).startsWith("cannot reach the mail server");
        assertThat(silent.outcome()).isEqualTo(Outcome.RETRY);
    }

    @Test
    void passwordNeverShows() throws Exception {
        MAIL.setUser("alerts@vigil.example", "vigil", "other-password");
        EmailConfig base = config();
        EmailConfig config = new EmailConfig("localhost", base.port(), TlsMode.NONE, false, "vigil", Secret.of(PASSWORD),
                base.from(), base.to(), base.subject(), null, true, base.timeout());
        List<String> shown = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            NotificationChannel channel = channel(config);
            shown.add(channel.deliver(TestNotifications.firingOne()).detail());
            shown.add(channel.toString());
            shown.add(logs.text());
        }
        shown.add(config.toString());
        shown.add(ConfigBinding.show(config));

        assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD));
        assertThat(ConfigBinding.show(config)).contains("\"password\":\"<secret>\"");
    }

    @Test
    void bindsSettingsWithDefaultsByTlsMode() throws Exception {
        EmailConfig config = ConfigBinding.bind("""
                host: smtp.example.com
                from: alerts@example.com
                to: [oncall@example.com]
                username: alerts
                password: s3cret
                """, EmailConfig.class);
        assertThat(config.port()).isEqualTo(587);
        assertThat(config.tls()).isEqualTo(TlsMode.STARTTLS);
        assertThat(config.subject()).isEqualTo("{subject}");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        factory.validate(config);

        EmailConfig smtps = ConfigBinding.bind("host: smtp.example.com\ntls: tls\nfrom: a@example.com\nto: [b@example.com]\n",
                EmailConfig.class);
        assertThat(smtps.tls()).isEqualTo(TlsMode.TLS);
        assertThat(smtps.port()).isEqualTo(465);

        assertThatThrownBy(() -> ConfigBinding.bind("host: x\nfrom: a@example.com\n", EmailConfig.class))
                .hasMessageContaining("to is required");
        assertThatThrownBy(() -> ConfigBinding.bind("host: x\nfrom: a@x\nto: [b@x]\ntls: ssl\n", EmailConfig.class))
                .hasMessageContaining("ssl");
    }

    @Test
    void validationNamesEveryBadField() {
        EmailConfig bad = new EmailConfig("smtp.example.com:587", 70000, TlsMode.NONE, false, "alerts",
                Secret.of("pw"), "not an address", List.of("ok@example.com", "nobody"), "{STATUS", "bad host", true,
                Duration.ofSeconds(-1));
        assertThatThrownBy(() -> factory.validate(bad))
                .hasMessageContaining("host: must be a host name or address")
                .hasMessageContaining("port: must be between 1 and 65535, got 70000")
                .hasMessageContaining("tls: none would send the password in the clear")
                .hasMessageContaining("from: must be an e-mail address")
                .hasMessageContaining("to[1]: must be an e-mail address such as alerts@example.com, got 'nobody'")
                .hasMessageContaining("subject: unclosed '{'")
                .hasMessageContaining("hello: must be a host name")
                .hasMessageContaining("timeout: must be positive")
                .message().doesNotContain("pw");
        assertThatThrownBy(() -> factory.validate(EmailConfig.of("smtp.example.com", "a@example.com", List.of())))
                .hasMessageContaining("to: must list at least one recipient");
    }
}
