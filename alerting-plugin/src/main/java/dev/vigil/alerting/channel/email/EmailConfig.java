package dev.vigil.alerting.channel.email;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an {@code email} channel. {@code host}, {@code from} and {@code to} are required.
 *
 * @param host the SMTP server
 * @param port its port (default by {@code tls}: 587, 465 for {@code tls}, 25 for {@code none})
 * @param tls how the connection is secured (default {@link TlsMode#STARTTLS}, required)
 * @param insecureSkipVerify whether the server's certificate is accepted without checking (default false); for
 *     test servers only
 * @param username the user to authenticate as, or null to send without authentication
 * @param password the password, with {@code username}
 * @param from the sender, such as {@code Vigil <alerts@example.com>}
 * @param to the recipients; at least one
 * @param subject the subject, a template of {@link dev.vigil.alerting.channel.MessageTemplate} (default
 *     {@code {subject}}: Alertmanager's {@code [FIRING:2] alertname (labels)})
 * @param hello the name the channel gives in {@code EHLO}, or null for the local host name
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param timeout how long connecting, and each read and write, may take (default 30s)
 */
public record EmailConfig(String host, int port, TlsMode tls, boolean insecureSkipVerify, @Nullable String username,
        @Nullable Secret password, String from, List<String> to, String subject, @Nullable String hello,
        boolean sendResolved, Duration timeout) {

    /** The default timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Checks and copies. */
    public EmailConfig {
        requireNonNull(host, "host is null");
        requireNonNull(tls, "tls is null");
        requireNonNull(from, "from is null");
        to = List.copyOf(requireNonNull(to, "to is null"));
        requireNonNull(subject, "subject is null");
        requireNonNull(timeout, "timeout is null");
    }

    /** Settings with the defaults for everything but the server, the sender and the recipients. */
    public static EmailConfig of(String host, String from, List<String> to) {
        return fromConfig(host, null, null, null, null, null, from, to, null, null, null, null);
    }

    /** Binds the settings: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static EmailConfig fromConfig(
            @JsonProperty("host") @Nullable String host,
            @JsonProperty("port") @Nullable Integer port,
            @JsonProperty("tls") @Nullable TlsMode tls,
            @JsonProperty("insecureSkipVerify") @Nullable Boolean insecureSkipVerify,
            @JsonProperty("username") @Nullable String username,
            @JsonProperty("password") @Nullable Secret password,
            @JsonProperty("from") @Nullable String from,
            @JsonProperty("to") @Nullable List<String> to,
            @JsonProperty("subject") @Nullable String subject,
            @JsonProperty("hello") @Nullable String hello,
            @JsonProperty("sendResolved") @Nullable Boolean sendResolved,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        if (host == null) {
            throw new IllegalArgumentException("host is required");
        }
        if (from == null) {
            throw new IllegalArgumentException("from is required");
        }
        if (to == null) {
            throw new IllegalArgumentException("to is required");
        }
        TlsMode mode = requireNonNullElse(tls, TlsMode.STARTTLS);
        return new EmailConfig(host, port == null ? mode.defaultPort() : port, mode,
                requireNonNullElse(insecureSkipVerify, false), username, password, from, to,
                requireNonNullElse(subject, "{subject}"), hello, requireNonNullElse(sendResolved, true),
                requireNonNullElse(timeout, DEFAULT_TIMEOUT));
    }

    /** These settings with another server, port and TLS mode. */
    public EmailConfig withServer(String host, int port, TlsMode tls) {
        return new EmailConfig(host, port, tls, insecureSkipVerify, username, password, from, to, subject, hello,
                sendResolved, timeout);
    }
}
