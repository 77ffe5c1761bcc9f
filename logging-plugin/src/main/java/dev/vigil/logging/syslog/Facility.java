package dev.vigil.logging.syslog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The syslog facilities of RFC 5424, section 6.2.1, written in configuration by their usual names. */
public enum Facility {
    KERN(0),
    USER(1),
    MAIL(2),
    DAEMON(3),
    AUTH(4),
    SYSLOG(5),
    LPR(6),
    NEWS(7),
    UUCP(8),
    CRON(9),
    AUTHPRIV(10),
    FTP(11),
    NTP(12),
    SECURITY(13),
    CONSOLE(14),
    SOLARIS_CRON(15),
    LOCAL0(16),
    LOCAL1(17),
    LOCAL2(18),
    LOCAL3(19),
    LOCAL4(20),
    LOCAL5(21),
    LOCAL6(22),
    LOCAL7(23);

    private final int code;

    Facility(int code) {
        this.code = code;
    }

    /** The numerical code, 0 to 23. */
    public int code() {
        return code;
    }

    /** The name as written in configuration, such as {@code local0}. */
    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The facility named {@code name} in any case, such as {@code user} or {@code LOCAL3}.
     *
     * @throws IllegalArgumentException naming the facilities there are
     */
    @JsonCreator
    public static Facility of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Facility f : values()) {
            if (f.configName().equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a syslog facility: expected one of "
                + Arrays.stream(values()).map(Facility::configName).collect(Collectors.joining(", ")));
    }
}
