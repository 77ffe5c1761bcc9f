package dev.vigil.alerting.channel.email;

import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Redactor;
import dev.vigil.alerting.channel.ResolvedFilter;
import dev.vigil.alerting.channel.Texts;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.Secret;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification as one e-mail to all recipients over SMTP, with a plain-text and an HTML part (see
 * {@link EmailContent}). The {@code Message-ID} is derived from the notification's id, so that a notification
 * delivered again after a restart can be recognised as the same message. One connection per notification; the
 * session holds no connection between them. Thread-safe.
 */
final class EmailChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final String name;
    private final EmailConfig config;
    private final InternetAddress from;
    private final List<InternetAddress> to;
    private final MessageTemplate subject;
    private final ChannelContext context;
    private final Redactor redactor;
    private final Session session;

    EmailChannel(String name, EmailConfig config, InternetAddress from, List<InternetAddress> to,
            MessageTemplate subject, ChannelContext context) {
        this.name = name;
        this.config = config;
        this.from = from;
        this.to = to;
        this.subject = subject;
        this.context = context;
        this.redactor = Redactor.of(config.password());
        this.session = withOwnClassLoader(() -> Session.getInstance(properties(config)));
    }

    private static Properties properties(EmailConfig config) {
        String p = "mail." + protocol(config) + ".";
        String millis = Long.toString(config.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty(p + "host", config.host());
        props.setProperty(p + "port", Integer.toString(config.port()));
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
        props.setProperty(p + "auth", Boolean.toString(config.username() != null));
        props.setProperty(p + "starttls.enable",
                Boolean.toString(config.tls() == TlsMode.STARTTLS || config.tls() == TlsMode.OPPORTUNISTIC));
        props.setProperty(p + "starttls.required", Boolean.toString(config.tls() == TlsMode.STARTTLS));
        if (config.insecureSkipVerify()) {
            props.setProperty(p + "ssl.trust", "*");
            props.setProperty(p + "ssl.checkserveridentity", "false");
        } else {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        if (config.hello() != null) {
            props.setProperty(p + "localhost", config.hello());
        }
        return props;
    }

    private static String protocol(EmailConfig config) {
        return config.tls() == TlsMode.TLS ? "smtps" : "smtp";
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        return ResolvedFilter.deliver(notification, config.sendResolved(), this::deliverFiltered);
    }

    private DeliveryResult deliverFiltered(Notification sending) {
        EmailContent content = EmailContent.of(sending, subject, NotificationText.externalUrl(sending, context));
        DeliveryResult result = withOwnClassLoader(() -> send(sending, content));
        if (LOG.isDebugEnabled()) {
            LOG.debug("channel {}: {} ({})", name, result.outcome(), result.detail());
        }
        return result;
    }

    private DeliveryResult send(Notification notification, EmailContent content) {
        @Nullable Transport transport = null;
        try {
            MimeMessage message = message(notification, content);
            transport = session.getTransport(protocol(config));
            Secret password = config.password();
            transport.connect(config.host(), config.port(), config.username(),
                    password == null ? null : password.reveal());
            transport.sendMessage(message, message.getAllRecipients());
            String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "";
            return DeliveryResult.delivered(redactor.apply(Texts.snippet("accepted for " + to.size() + " recipient"
                    + (to.size() == 1 ? "" : "s") + " by " + config.host() + ":" + config.port()
                    + (reply == null || reply.isBlank() ? "" : ": " + reply), 300)));
        } catch (MessagingException e) {
            return MailFailures.classify(e, config.tls(), redactor);
        } finally {
            closeQuietly(transport);
        }
    }

    private MimeMessage message(Notification notification, EmailContent content) throws MessagingException {
        MimeMessage message = new IdentifiedMessage(session, messageId(notification));
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
        message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(context.clock().instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Vigil-Receiver", notification.receiver());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
        // in multipart/alternative the preferred form comes last
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private String messageId(Notification notification) {
        String id = notification.id().matches("[A-Za-z0-9._-]{1,100}")
                ? notification.id()
                : NotificationText.groupKeyHash(notification.id());
        String address = from.getAddress();
        String domain = address.indexOf('@') >= 0 ? address.substring(address.indexOf('@') + 1) : "vigil.invalid";
        return "<" + id + ".vigil@" + domain + ">";
    }

    private void closeQuietly(@Nullable Transport transport) {
        if (transport == null || !transport.isConnected()) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message was already sent or refused; a failed QUIT changes neither
            LOG.debug("channel {}: closing the SMTP connection failed: {}", name,
                    redactor.apply(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Runs {@code action} with this plugin's class loader as the thread's context loader: Jakarta Mail finds its
     * providers through the context loader, and the pipeline's threads may carry another one.
     */
    private static <T> T withOwnClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailChannel.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return "email channel " + config;
    }

    /** A message whose {@code Message-ID} is given rather than generated. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
