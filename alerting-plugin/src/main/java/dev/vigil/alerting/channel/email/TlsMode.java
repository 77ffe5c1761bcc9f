package dev.vigil.alerting.channel.email;

/** How the {@code email} channel secures its SMTP connection ({@code tls} in the settings). */
public enum TlsMode {

    /** Upgrade with STARTTLS, and refuse to send if the server does not offer it (the default, port 587). */
    STARTTLS(587),

    /** Upgrade with STARTTLS when the server offers it, else send in the clear. */
    OPPORTUNISTIC(587),

    /** TLS from the first byte, also called SMTPS (port 465). */
    TLS(465),

    /** No TLS at all (port 25); for a relay on the same host or network only. */
    NONE(25);

    private final int defaultPort;

    TlsMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port used when the settings give none. */
    public int defaultPort() {
        return defaultPort;
    }
}
