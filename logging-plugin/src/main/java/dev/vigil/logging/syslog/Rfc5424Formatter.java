package dev.vigil.logging.syslog;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.logs.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes syslog messages as RFC 5424 describes them: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID
 * STRUCTURED-DATA BOM MSG}. The timestamp is RFC 3339 with microseconds and the zone's offset; the structured data is
 * one element {@value #SD_ID} whose parameters the caller gives (trace ids and the like); the message is UTF-8 after a
 * byte order mark. Header fields are cut to their maximum lengths and any character outside printable US-ASCII is
 * replaced by {@code _}, so that whatever a host or logger is called the result parses.
 *
 * <p>Immutable and thread-safe.
 */
public final class Rfc5424Formatter {

    /**
     * The SD-ID of the structured data: a private name, suffixed as RFC 5424 requires with an enterprise number (32473,
     * the one RFC 5612 reserves for examples, since Vigil has none of its own).
     */
    public static final String SD_ID = "vigil@32473";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final Facility facility;
    private final String hostname;
    private final String appName;
    private final String procId;
    private final ZoneId zone;
    private final int maxBytes;

    /**
     * A formatter for one sender.
     *
     * @param hostname the HOSTNAME field, usually the host's fully qualified name
     * @param procId the PROCID field, usually the process id
     * @param zone the zone whose offset timestamps are written with
     * @param maxBytes the most bytes of a message; at least 480
     */
    public Rfc5424Formatter(Facility facility, String hostname, String appName, String procId, ZoneId zone, int maxBytes) {
        this.facility = requireNonNull(facility, "facility is null");
        this.hostname = field(requireNonNull(hostname, "hostname is null"), 255);
        this.appName = field(requireNonNull(appName, "appName is null"), 48);
        this.procId = field(requireNonNull(procId, "procId is null"), 128);
        this.zone = requireNonNull(zone, "zone is null");
        if (maxBytes < 480) {
            throw new IllegalArgumentException("maxBytes must be at least 480, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * One message.
     *
     * @param msgId the MSGID field (cut to 32 characters), or empty for none
     * @param params the parameters of the structured data element, in their order; values may hold any text, names
     *     are cut to 32 characters and cleaned; no element is written when there are none
     * @param message the text, cut (at a character boundary) when the whole would exceed the maximum size
     */
    public byte[] format(Instant time, Severity severity, String msgId, Map<String, String> params, String message) {
        StringBuilder head = new StringBuilder(160);
        head.append('<').append(facility.code() * 8 + severityCode(severity)).append(">1 ");
        TIMESTAMP.formatTo(time.atZone(zone), head);
        head.append(' ').append(hostname).append(' ').append(appName).append(' ').append(procId).append(' ')
                .append(field(msgId, 32)).append(' ');
        int sdStart = head.length();
        appendStructuredData(head, params);
        byte[] header = head.toString().getBytes(StandardCharsets.UTF_8);
        if (header.length + 1 + BOM.length > maxBytes) {
            head.setLength(sdStart);
            header = head.append('-').toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int room = maxBytes - header.length - 1 - BOM.length;
        int textLength = text.length <= room ? text.length : utf8Boundary(text, room);
        byte[] out = Arrays.copyOf(header, header.length + 1 + BOM.length + textLength);
        out[header.length] = ' ';
        System.arraycopy(BOM, 0, out, header.length + 1, BOM.length);
        System.arraycopy(text, 0, out, header.length + 1 + BOM.length, textLength);
        return out;
    }

    /** The syslog severity of {@code severity}: 7 debug (for trace too), 6 info, 4 warning, 3 error, 2 critical. */
    public static int severityCode(Severity severity) {
        return switch (severity) {
            case TRACE, DEBUG -> 7;
            case INFO -> 6;
            case WARN -> 4;
            case ERROR -> 3;
            case FATAL -> 2;
        };
    }

    /** Whether {@code s} holds only printable US-ASCII (33 to 126), as header fields must. */
    static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }

    private static void appendStructuredData(StringBuilder out, Map<String, String> params) {
        int start = out.length();
        out.append('[').append(SD_ID);
        boolean any = false;
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = paramName(p.getKey());
            if (name.isEmpty()) {
                continue;
            }
            any = true;
            out.append(' ').append(name).append("=\"");
            String value = p.getValue();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\' || c == ']') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        if (any) {
            out.append(']');
        } else {
            out.setLength(start);
            out.append('-');
        }
    }

    /** A header field: printable US-ASCII, at most {@code max} characters, {@code -} when empty. */
    private static String field(String value, int max) {
        if (value.isEmpty()) {
            return "-";
        }
        String cut = value.length() > max ? value.substring(0, max) : value;
        if (isPrintableAscii(cut)) {
            return cut;
        }
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < 33 || c > 126 ? '_' : c);
        }
        return out.toString();
    }

    /** An SD-NAME: printable US-ASCII but {@code = ] "} and space, at most 32 characters. */
    private static String paramName(String key) {
        StringBuilder out = new StringBuilder(Math.min(key.length(), 32));
        for (int i = 0; i < key.length() && out.length() < 32; i++) {
            char c = key.charAt(i);
            out.append(c < 33 || c > 126 || c == '=' || c == ']' || c == '"' ? '_' : c);
        }
        return out.toString();
    }

    /** The largest length up to {@code limit} that does not split a UTF-8 sequence. */
    private static int utf8Boundary(byte[] text, int limit) {
        int end = Math.max(limit, 0);
        while (end > 0 && (text[end] & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }
}
