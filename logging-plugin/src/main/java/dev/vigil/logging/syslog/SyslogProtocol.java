package dev.vigil.logging.syslog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How messages travel to the syslog receiver. */
public enum SyslogProtocol {
    /** One datagram per message (RFC 5426). */
    UDP,
    /** A stream of messages, each preceded by its length in bytes (RFC 6587 octet counting). */
    TCP;

    /** {@code udp} or {@code tcp}. */
    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code udp} or {@code tcp}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    @JsonCreator
    public static SyslogProtocol of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "udp" -> UDP;
            case "tcp" -> TCP;
            default -> throw new IllegalArgumentException("'" + name + "' is not a syslog protocol: expected udp or tcp");
        };
    }
}
