package dev.vigil.logging.syslog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reader of RFC 5424 messages, for tests: every rule of the ABNF is checked (lengths, character ranges, the
 * timestamp's form, escaping in parameter values, SD-IDs either registered or private with an enterprise number,
 * the BOM and valid UTF-8 after it) and the first violation is thrown with its position.
 */
public final class Rfc5424Parser {

    /** A parsed message. */
    public record Message(int facility, int severity, int version, Optional<OffsetDateTime> timestamp, String hostname,
            String appName, String procId, String msgId, List<Element> structuredData, boolean bom, String text) {

        /** The value of the parameter {@code name} of the element {@code id}, if there is one. */
        public Optional<String> param(String id, String name) {
            for (Element e : structuredData) {
                if (e.id().equals(id) && e.params().containsKey(name)) {
                    return Optional.of(e.params().get(name));
                }
            }
            return Optional.empty();
        }
    }

    /** An SD-ELEMENT; parameters in their order (a repeated name keeps its last value). */
    public record Element(String id, Map<String, String> params) {}

    /** Thrown for a message that breaks the RFC. */
    public static final class MalformedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private static final Set<String> REGISTERED_IDS = Set.of("timeQuality", "origin", "meta");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})");

    private final byte[] in;
    private int pos;

    private Rfc5424Parser(byte[] in) {
        this.in = in;
    }

    /** Parses one message (without any transport framing). */
    public static Message parse(byte[] message) {
        return new Rfc5424Parser(message).message();
    }

    private Message message() {
        expect('<');
        int digits = 0;
        int pri = 0;
        while (pos < in.length && isDigit(in[pos])) {
            if (digits == 0 && in[pos] == '0' && pos + 1 < in.length && isDigit(in[pos + 1])) {
                throw fail("PRI has a leading zero");
            }
            pri = pri * 10 + (in[pos++] - '0');
            digits++;
        }
        if (digits < 1 || digits > 3 || pri > 191) {
            throw fail("PRI must be 1 to 3 digits from 0 to 191");
        }
        expect('>');
        if (pos >= in.length || in[pos] < '1' || in[pos] > '9') {
            throw fail("VERSION must start with a non-zero digit");
        }
        int version = 0;
        int versionDigits = 0;
        while (pos < in.length && isDigit(in[pos])) {
            version = version * 10 + (in[pos++] - '0');
            if (++versionDigits > 3) {
                throw fail("VERSION has more than 3 digits");
            }
        }
        expect(' ');
        String time = token("TIMESTAMP", 64);
        Optional<OffsetDateTime> timestamp = Optional.empty();
        if (!time.equals("-")) {
            if (!TIMESTAMP.matcher(time).matches()) {
                throw fail("TIMESTAMP is not RFC 3339 with at most 6 fraction digits: " + time);
            }
            try {
                timestamp = Optional.of(OffsetDateTime.parse(time));
            } catch (DateTimeParseException e) {
                throw fail("TIMESTAMP is not a valid time: " + time);
            }
        }
        expect(' ');
        String hostname = token("HOSTNAME", 255);
        expect(' ');
        String appName = token("APP-NAME", 48);
        expect(' ');
        String procId = token("PROCID", 128);
        expect(' ');
        String msgId = token("MSGID", 32);
        expect(' ');
        List<Element> sd = structuredData();
        boolean bom = false;
        String text = "";
        if (pos < in.length) {
            expect(' ');
            if (in.length - pos >= 3 && (in[pos] & 0xFF) == 0xEF && (in[pos + 1] & 0xFF) == 0xBB && (in[pos + 2] & 0xFF) == 0xBF) {
                bom = true;
                pos += 3;
                text = utf8(pos, in.length, "MSG");
            } else {
                text = new String(in, pos, in.length - pos, StandardCharsets.ISO_8859_1);
            }
        }
        return new Message(pri / 8, pri % 8, version, timestamp, hostname, appName, procId, msgId, sd, bom, text);
    }

    private List<Element> structuredData() {
        if (pos < in.length && in[pos] == '-') {
            pos++;
            if (pos < in.length && in[pos] != ' ') {
                throw fail("STRUCTURED-DATA '-' followed by " + (char) in[pos]);
            }
            return List.of();
        }
        List<Element> out = new ArrayList<>();
        while (pos < in.length && in[pos] == '[') {
            pos++;
            String id = sdName("SD-ID");
            int at = id.indexOf('@');
            if (at < 0) {
                if (!REGISTERED_IDS.contains(id)) {
                    throw fail("SD-ID " + id + " is neither registered nor name@enterprise-number");
                }
            } else if (at == 0 || at == id.length() - 1 || !id.substring(at + 1).matches("\\d+(\\.\\d+)*")
                    || id.indexOf('@', at + 1) >= 0) {
                throw fail("SD-ID " + id + " is not name@enterprise-number");
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (pos < in.length && in[pos] == ' ') {
                pos++;
                String name = sdName("PARAM-NAME");
                expect('=');
                expect('"');
                params.put(name, paramValue());
            }
            expect(']');
            out.add(new Element(id, params));
        }
        if (out.isEmpty()) {
            throw fail("STRUCTURED-DATA must be '-' or start with '['");
        }
        return out;
    }

    private String sdName(String what) {
        int start = pos;
        while (pos < in.length) {
            byte b = in[pos];
            if (b < 33 || b > 126 || b == '=' || b == ']' || b == '"' || b == ' ') {
                break;
            }
            pos++;
        }
        int length = pos - start;
        if (length < 1 || length > 32) {
            throw fail(what + " must be 1 to 32 characters, got " + length);
        }
        return new String(in, start, length, StandardCharsets.US_ASCII);
    }

    private String paramValue() {
        ByteBuffer out = ByteBuffer.allocate(in.length);
        while (true) {
            if (pos >= in.length) {
                throw fail("PARAM-VALUE is not closed");
            }
            byte b = in[pos++];
            if (b == '"') {
                break;
            }
            if (b == ']') {
                throw fail("']' in PARAM-VALUE is not escaped");
            }
            if (b == '\\' && pos < in.length && (in[pos] == '"' || in[pos] == '\\' || in[pos] == ']')) {
                out.put(in[pos++]);
                continue;
            }
            out.put(b);
        }
        out.flip();
        byte[] value = new byte[out.remaining()];
        out.get(value);
        return new Rfc5424Parser(value).utf8(0, value.length, "PARAM-VALUE");
    }

    private String token(String what, int max) {
        int start = pos;
        while (pos < in.length && in[pos] != ' ') {
            if (in[pos] < 33 || in[pos] > 126) {
                throw fail(what + " holds a character outside printable US-ASCII");
            }
            pos++;
        }
        int length = pos - start;
        if (length < 1 || length > max) {
            throw fail(what + " must be 1 to " + max + " characters, got " + length);
        }
        return new String(in, start, length, StandardCharsets.US_ASCII);
    }

    private String utf8(int from, int to, String what) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw fail(what + " is not valid UTF-8");
        }
    }

    private void expect(char c) {
        if (pos >= in.length || in[pos] != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private MalformedException fail(String reason) {
        return new MalformedException(reason + " at byte " + pos + " of: "
                + new String(in, StandardCharsets.UTF_8).replace("\n", "\\n"));
    }
}
