package dev.vigil.logging.redact;

/**
 * PEM and PGP private key blocks, from {@code -----BEGIN ... PRIVATE KEY-----} (RSA, EC, DSA, OpenSSH, encrypted,
 * PKCS #8, {@code PGP PRIVATE KEY BLOCK}) to the matching {@code -----END ...-----}, whether the line breaks are real
 * or escaped as in JSON. A block cut short, as a truncated log line leaves it, is masked to the end of the text.
 */
final class PrivateKeyDetector implements Detector {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final int MAX_LABEL = 40;

    private final String replacement;

    PrivateKeyDetector(String replacement) {
        this.replacement = replacement;
    }

    @Override
    public void find(String text, Matches out) {
        int p = text.indexOf(BEGIN);
        while (p >= 0) {
            int labelEnd = text.indexOf(DASHES, p + BEGIN.length());
            if (labelEnd < 0) {
                return;
            }
            int next = labelEnd;
            if (labelEnd - p - BEGIN.length() <= MAX_LABEL && text.substring(p + BEGIN.length(), labelEnd).contains("PRIVATE KEY")) {
                int endMarker = text.indexOf(END, labelEnd + DASHES.length());
                int end;
                if (endMarker < 0) {
                    end = text.length();
                } else {
                    int close = text.indexOf(DASHES, endMarker + END.length());
                    end = close < 0 || close - endMarker > END.length() + MAX_LABEL ? text.length() : close + DASHES.length();
                }
                out.add(p, end, replacement);
                next = end;
            }
            p = text.indexOf(BEGIN, next);
        }
    }
}
