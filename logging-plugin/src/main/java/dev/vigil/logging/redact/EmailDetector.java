package dev.vigil.logging.redact;

/**
 * E-mail addresses: a local part of letters, digits and {@code . _ % + -} (at most 64), an {@code @} or its URL
 * encoding {@code %40}, and a domain of at least two labels whose last is alphabetic ({@code com}, {@code co.uk}) or
 * punycode and whose others are not all numbers. So {@code com.example.Cache@6d06d69c}, {@code lodash@4.17.21},
 * {@code netty@4.1.115.Final} and {@code @Transactional} are left alone, and so are MIME message ids, which have the
 * shape of an address but name a message.
 */
final class EmailDetector implements Detector {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    private final String replacement;

    EmailDetector(String replacement) {
        this.replacement = replacement;
    }

    @Override
    public void find(String text, Matches out) {
        if (text.indexOf('@') >= 0) {
            scan(text, '@', out);
        }
        if (text.indexOf('%') >= 0 && text.contains("%40")) {
            scan(text, '%', out);
        }
    }

    /** Tries every {@code @} (or every {@code %40} when {@code at} is {@code %}). */
    private void scan(String text, char at, Matches out) {
        int done = 0;
        int p = at == '@' ? text.indexOf('@') : text.indexOf("%40");
        while (p >= 0) {
            int separator = at == '@' ? 1 : 3;
            int next = p + separator;
            int start = localStart(text, p, done);
            if (start < p && !isMessageId(text, start)) {
                int end = domainEnd(text, p + separator);
                if (end > 0) {
                    out.add(start, end, replacement);
                    done = end;
                    next = end;
                }
            }
            p = at == '@' ? text.indexOf('@', next) : text.indexOf("%40", next);
        }
    }

    /** Where the local part before {@code at} starts, or {@code at} when there is none. */
    private static int localStart(String text, int at, int floor) {
        int start = at;
        while (start > floor && at - start < MAX_LOCAL && isLocal(text.charAt(start - 1))) {
            start--;
        }
        if (start > floor && isLocal(text.charAt(start - 1))) {
            return at; // longer than an address's local part may be
        }
        while (start < at && text.charAt(start) == '.') {
            start++;
        }
        return start;
    }

    /**
     * Whether the address-like text starting at {@code start} is the value of a MIME message id ({@code Message-ID},
     * {@code In-Reply-To}, {@code References}, {@code Content-ID} or a {@code message_id} field), which names a
     * message, not a person: {@code message_id=<1a2b.3c@mta.example.com>}.
     */
    static boolean isMessageId(String text, int start) {
        int i = start;
        while (i > 0 && start - i < MAX_LOCAL && text.charAt(i - 1) > ' ' && "<\"'".indexOf(text.charAt(i - 1)) < 0) {
            i--; // message ids allow more in their local part than addresses: CAF=x8q1@mail.gmail.com
        }
        if (i > 0 && text.charAt(i - 1) == '<') {
            i--;
        }
        int stop = Math.max(0, i - 8);
        while (i > stop && " \t\"'=:".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        int keyEnd = i;
        while (i > 0 && keyEnd - i < 20 && (Chars.isAsciiAlnum(text.charAt(i - 1)) || text.charAt(i - 1) == '-' || text.charAt(i - 1) == '_')) {
            i--;
        }
        StringBuilder key = new StringBuilder(keyEnd - i);
        for (int k = i; k < keyEnd; k++) {
            char c = text.charAt(k);
            if (Chars.isAsciiAlnum(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        String name = key.toString();
        return name.equals("messageid") || name.equals("msgid") || name.equals("inreplyto") || name.equals("references")
                || name.equals("contentid");
    }

    private static boolean isLocal(char c) {
        return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** The end of the domain starting at {@code from}, or -1 when there is none. */
    static int domainEnd(String text, int from) {
        int n = text.length();
        int i = from;
        int labels = 0;
        int lastLabelStart = from;
        int end = -1;
        while (i < n && i - from <= MAX_DOMAIN) {
            int labelStart = i;
            while (i < n && (Chars.isAlnum(text.charAt(i)) || text.charAt(i) == '-') && i - labelStart < 64) {
                i++;
            }
            if (i == labelStart || text.charAt(labelStart) == '-') {
                break;
            }
            labels++;
            lastLabelStart = labelStart;
            end = i;
            if (i + 1 < n && text.charAt(i) == '.' && (Chars.isAlnum(text.charAt(i + 1)))) {
                i++;
            } else {
                break;
            }
        }
        if (labels < 2 || !isTopLevel(text, lastLabelStart, end) || isNumeric(text, from, lastLabelStart - 1)) {
            return -1; // netty@4.1.115.Final is a version
        }
        return end;
    }

    /** Whether {@code text[start, end)} holds digits and dots only. */
    private static boolean isNumeric(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Chars.isDigit(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isTopLevel(String text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        if (text.startsWith("xn--", start)) {
            return true;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(c < 128 ? Chars.isAsciiLetter(c) : Character.isLetter(c))) {
                return false;
            }
        }
        return true;
    }
}
