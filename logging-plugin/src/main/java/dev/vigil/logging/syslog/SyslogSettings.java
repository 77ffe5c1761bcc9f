package dev.vigil.logging.syslog;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import org.jspecify.annotations.Nullable;

/**
 * The {@code syslog} output of the logging section. Every key is optional; see {@link #defaults()}.
 *
 * @param enabled whether the platform's logs are sent to syslog
 * @param host the receiver's host name or address
 * @param port the receiver's port
 * @param protocol UDP (one datagram a message) or TCP (RFC 6587 octet-counting framing)
 * @param facility the facility every message is sent with
 * @param appName the APP-NAME of every message: printable US-ASCII without spaces, at most 48 characters
 * @param maxMessageSize the most bytes of one message; a longer message is cut, keeping its header and
 *     structured data; from 480 bytes (what every UDP receiver must take) to 65507 bytes (the largest UDP datagram)
 */
public record SyslogSettings(boolean enabled, String host, int port, SyslogProtocol protocol, Facility facility,
        String appName, ByteSize maxMessageSize) {

    private static final SyslogSettings DEFAULTS = new SyslogSettings(
            false, "localhost", 514, SyslogProtocol.UDP, Facility.USER, "vigil", ByteSize.ofBytes(8192));

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
     */
    public SyslogSettings {
        requireNonNull(host, "host is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(facility, "facility is null");
        requireNonNull(appName, "appName is null");
        requireNonNull(maxMessageSize, "maxMessageSize is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("syslog.host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("syslog.port must be from 1 to 65535, got " + port);
        }
        if (appName.isEmpty() || appName.length() > 48 || !Rfc5424Formatter.isPrintableAscii(appName)) {
            throw new IllegalArgumentException("syslog.appName must be 1 to 48 printable US-ASCII characters without "
                    + "spaces, got '" + appName + "'");
        }
        if (maxMessageSize.bytes() < 480 || maxMessageSize.bytes() > 65507) {
            throw new IllegalArgumentException(
                    "syslog.maxMessageSize must be from 480B to 65507B, got " + maxMessageSize);
        }
    }

    /** Disabled; {@code localhost:514} over UDP, facility {@code user}, APP-NAME {@code vigil}, messages up to 8KiB. */
    public static SyslogSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static SyslogSettings fromConfig(
            @JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("host") @Nullable String host,
            @JsonProperty("port") @Nullable Integer port,
            @JsonProperty("protocol") @Nullable SyslogProtocol protocol,
            @JsonProperty("facility") @Nullable Facility facility,
            @JsonProperty("appName") @Nullable String appName,
            @JsonProperty("maxMessageSize") @Nullable ByteSize maxMessageSize) {
        return new SyslogSettings(
                requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(host, DEFAULTS.host),
                requireNonNullElse(port, DEFAULTS.port),
                requireNonNullElse(protocol, DEFAULTS.protocol),
                requireNonNullElse(facility, DEFAULTS.facility),
                requireNonNullElse(appName, DEFAULTS.appName),
                requireNonNullElse(maxMessageSize, DEFAULTS.maxMessageSize));
    }
}
